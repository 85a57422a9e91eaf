import { useMemo, useState } from 'react';
import { App, Checkbox, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CellValue } from '../../../../main/roster/contract.ts';
import type { GridBase, RowCells } from './model.ts';
import type { Rect } from './selection.ts';
import { applyPattern, parsePattern, type Batch } from './edits.ts';
import { dayLabel } from './describe.ts';

/** A sensible first pattern from the shift letters in use: two of each, then two rest days. */
function defaultPattern(base: GridBase, rest: string): string {
  const codes = [...base.shiftByCode.keys()].slice(0, 3);
  return [...codes.flatMap((c) => [c, c]), rest, rest].join(' ');
}

/**
 * Applies a rotation pattern (E E L L N N 休 休) from a start day to the chosen people; each person
 * starts one step later than the one before, so together they rotate through the pattern.
 */
export function PatternDialog({
  base,
  rows,
  rect,
  onApply,
  onClose,
}: {
  base: GridBase;
  rows: RowCells[];
  rect: Rect;
  onApply(batch: Batch): boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const restMark = t('roster.grid.restShort');
  const [text, setText] = useState(() => defaultPattern(base, restMark));
  const [c0, setC0] = useState(rect.c0);
  const [c1, setC1] = useState(base.days.length - 1);
  const [people, setPeople] = useState<number[]>(() => Array.from({ length: rect.r1 - rect.r0 + 1 }, (_, k) => rect.r0 + k));
  const [stagger, setStagger] = useState(true);
  const parsed = useMemo(() => parsePattern(base, text, restMark), [base, text, restMark]);
  const dayOptions = base.days.map((_, c) => ({ value: c, label: dayLabel(t, base, base.first + c) }));
  const show = (v: CellValue) => (v === 'rest' ? restMark : v === null ? '-' : (base.shiftById.get(v)?.code ?? '?'));
  const error =
    parsed.unknown.length > 0
      ? t('roster.grid.patternUnknown', { tokens: parsed.unknown.join(' ') })
      : parsed.steps.length === 0
        ? t('roster.grid.patternEmpty')
        : null;

  const apply = () => {
    if (error || people.length === 0 || c1 < c0) return;
    if (!onApply(applyPattern(base, rows, people, parsed.steps, c0, c1, stagger))) void message.info(t('roster.grid.nothingChanged'));
    onClose();
  };

  return (
    <Modal
      open
      width={560}
      title={t('roster.grid.patternTitle')}
      okText={t('roster.grid.patternOk')}
      okButtonProps={{ disabled: Boolean(error) || people.length === 0 || c1 < c0 }}
      onOk={apply}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" data-testid="pattern-form">
        <Form.Item
          label={t('roster.grid.patternLabel')}
          validateStatus={error ? 'error' : undefined}
          help={error ?? t('roster.grid.patternHelp', { rest: restMark })}
        >
          <Input value={text} onChange={(e) => setText(e.target.value)} autoFocus aria-label={t('roster.grid.patternLabel')} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item label={t('roster.grid.patternFrom')} style={{ flex: 1 }}>
            <Select value={c0} onChange={setC0} options={dayOptions} aria-label={t('roster.grid.patternFrom')} />
          </Form.Item>
          <Form.Item label={t('roster.grid.patternTo')} style={{ flex: 1 }}>
            <Select value={c1} onChange={setC1} options={dayOptions} aria-label={t('roster.grid.patternTo')} />
          </Form.Item>
        </div>
        <Form.Item label={t('roster.grid.patternPeople')}>
          <Select
            mode="multiple"
            value={people}
            onChange={setPeople}
            maxTagCount="responsive"
            aria-label={t('roster.grid.patternPeople')}
            options={base.people.map((p, r) => ({ value: r, label: p.name }))}
          />
        </Form.Item>
        <Checkbox checked={stagger} onChange={(e) => setStagger(e.target.checked)}>
          {t('roster.grid.patternStagger')}
        </Checkbox>
        {!error && people.length > 0 && (
          <div style={{ marginTop: 12, fontSize: 12 }} data-testid="pattern-preview">
            <Typography.Text type="secondary">{t('roster.grid.patternPreview')}</Typography.Text>
            {people.slice(0, 4).map((r, k) => (
              <div key={r} style={{ fontFamily: 'var(--banzu-font)', whiteSpace: 'nowrap', overflow: 'hidden' }}>
                <b style={{ display: 'inline-block', width: 64 }}>{base.people[r]!.name}</b>
                {Array.from({ length: Math.min(14, c1 - c0 + 1) }, (_, d) =>
                  show(parsed.steps[(d + (stagger ? k : 0)) % parsed.steps.length]!),
                ).join(' ')}
                {c1 - c0 + 1 > 14 ? ' …' : ''}
              </div>
            ))}
          </div>
        )}
      </Form>
    </Modal>
  );
}
