import { useState } from 'react';
import { App, Modal, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GridBase, RowCells } from './model.ts';
import type { Rect } from './selection.ts';
import { copyPreviousWeek, type Batch } from './edits.ts';
import { dayLabel } from './describe.ts';

/** The Monday-to-Sunday weeks that touch the month, as month-day column ranges. */
function weeksOf(base: GridBase): Array<{ c0: number; c1: number }> {
  const weeks: Array<{ c0: number; c1: number }> = [];
  base.days.forEach((day, c) => {
    if (c === 0 || day.weekday === 1) weeks.push({ c0: c, c1: c });
    else weeks[weeks.length - 1]!.c1 = c;
  });
  return weeks;
}

/** Copies the week before into the chosen week, for the selected people or everyone. */
export function CopyWeekDialog({
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
  const weeks = weeksOf(base);
  const [week, setWeek] = useState(() =>
    Math.max(
      0,
      weeks.findIndex((w) => rect.c0 >= w.c0 && rect.c0 <= w.c1),
    ),
  );
  const selectedCount = rect.r1 - rect.r0 + 1;
  const [who, setWho] = useState<'selected' | 'all'>(selectedCount > 1 ? 'selected' : 'all');
  const range = (c0: number, c1: number) => `${dayLabel(t, base, base.first + c0)} – ${dayLabel(t, base, base.first + c1)}`;
  const target = weeks[week]!;

  const apply = () => {
    const people = who === 'all' ? rows.map((_, r) => r) : Array.from({ length: selectedCount }, (_, k) => rect.r0 + k);
    const batch = copyPreviousWeek(base, rows, people, target.c0, target.c1);
    if (!onApply(batch)) void message.info(t('roster.grid.nothingChanged'));
    onClose();
  };

  return (
    <Modal open title={t('roster.grid.copyWeekTitle')} okText={t('roster.grid.copyWeekOk')} onOk={apply} onCancel={onClose} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <div>
          <Typography.Text>{t('roster.grid.copyWeekTarget')}</Typography.Text>
          <Select
            style={{ width: '100%', marginTop: 4 }}
            value={week}
            onChange={setWeek}
            aria-label={t('roster.grid.copyWeekTarget')}
            options={weeks.map((w, i) => ({ value: i, label: range(w.c0, w.c1) }))}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('roster.grid.copyWeekFrom', {
              from: dayLabel(t, base, base.first + target.c0 - 7),
              to: dayLabel(t, base, base.first + target.c1 - 7),
            })}
          </Typography.Text>
        </div>
        <Radio.Group value={who} onChange={(e) => setWho(e.target.value)}>
          <Radio value="selected">{t('roster.grid.selectedPeople', { count: selectedCount })}</Radio>
          <Radio value="all">{t('roster.grid.allPeople', { count: rows.length })}</Radio>
        </Radio.Group>
        <Typography.Text type="secondary">{t('roster.grid.copyWeekNote')}</Typography.Text>
      </Space>
    </Modal>
  );
}
