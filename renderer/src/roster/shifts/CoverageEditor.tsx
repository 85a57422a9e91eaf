import { useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Empty, InputNumber, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { CoverageRow, ShiftType } from '../../../../main/roster/contract.ts';
import { functions } from '../../../../main/people/vocabulary.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { ShiftCode } from './ShiftsTab.tsx';

type Fn = CoverageRow['function'];

/** Minimum people per weekday for one shift, optionally for one function (blank: no requirement). */
interface WeeklyLine {
  key: string;
  shiftTypeId: number;
  fn: Fn;
  perWeekday: Array<number | null>;
}

interface Override {
  key: string;
  onDate: string | null;
  shiftTypeId: number | null;
  fn: Fn;
  minPeople: number | null;
}

/** Monday first, as a Chinese week is read. */
const weekdayOrder = [1, 2, 3, 4, 5, 6, 0];
interface Local {
  lines: WeeklyLine[];
  overrides: Override[];
}

let nextKey = 0;
const newKey = () => `k${++nextKey}`;

function toLocal(rows: CoverageRow[], shiftTypes: ShiftType[]): Local {
  const lines = new Map<string, WeeklyLine>();
  // Every shift has its line, so a new shift's requirement is one number away.
  for (const s of shiftTypes) lines.set(`${s.id}:`, { key: newKey(), shiftTypeId: s.id, fn: null, perWeekday: Array(7).fill(null) });
  const overrides: Override[] = [];
  for (const r of rows) {
    if (r.weekday === null) {
      overrides.push({ key: newKey(), onDate: r.onDate, shiftTypeId: r.shiftTypeId, fn: r.function, minPeople: r.minPeople });
      continue;
    }
    const id = `${r.shiftTypeId}:${r.function ?? ''}`;
    if (!lines.has(id)) lines.set(id, { key: newKey(), shiftTypeId: r.shiftTypeId, fn: r.function, perWeekday: Array(7).fill(null) });
    lines.get(id)!.perWeekday[r.weekday] = r.minPeople;
  }
  return { lines: [...lines.values()], overrides: overrides.sort((a, b) => (a.onDate ?? '').localeCompare(b.onDate ?? '')) };
}

function toRows(lines: WeeklyLine[], overrides: Override[]): CoverageRow[] {
  const rows: CoverageRow[] = [];
  for (const line of lines) {
    line.perWeekday.forEach((minPeople, weekday) => {
      if (minPeople !== null) rows.push({ shiftTypeId: line.shiftTypeId, weekday, onDate: null, function: line.fn, minPeople });
    });
  }
  for (const o of overrides) {
    if (o.onDate && o.shiftTypeId !== null && o.minPeople !== null) {
      rows.push({ shiftTypeId: o.shiftTypeId, weekday: null, onDate: o.onDate, function: o.fn, minPeople: o.minPeople });
    }
  }
  return rows;
}

/** The inputs of a count: whole people, typed rather than stepped. */
const countProps = { size: 'small', min: 0, max: 999, precision: 0, controls: false } as const;

function RemoveButton({ label, onClick }: { label: string; onClick(): void }) {
  return <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={label} onClick={onClick} />;
}

function AddButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={onClick}>
      {label}
    </Button>
  );
}

function ShiftSelect({
  value,
  options,
  onChange,
}: {
  value: number | null;
  options: Array<{ value: number; label: string }>;
  onChange(id: number): void;
}) {
  return <Select size="small" style={{ width: 130 }} value={value} options={options} onChange={onChange} />;
}

/**
 * ROS-1: how many people each shift needs, by weekday, for the group or the department; a date
 * (a holiday, a promotion day) can override its weekday; a line can require a function.
 * Saved as a whole: main replaces the scope's requirements in one transaction.
 */
export function CoverageEditor({ groupId, shiftTypes }: { groupId: number | null; shiftTypes: ShiftType[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const coverage = useApi('roster', 'coverage', { groupId });
  const org = useApi('people', 'org', {});
  const save = useApiMutation('roster', 'saveCoverage', {
    invalidates: ['roster'],
    onSuccess: () => void message.success(t('roster.shiftsTab.coverageSaved')),
  });
  // Nothing is copied into state until the user edits: until then the saved rows are shown as they are.
  const [draft, setDraft] = useState<Local | null>(null);
  const shiftKey = shiftTypes.map((s) => s.id).join(',');
  const saved = useMemo(
    () => (coverage.data ? toLocal(coverage.data, shiftTypes) : { lines: [], overrides: [] }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- shiftKey stands for shiftTypes
    [coverage.data, shiftKey],
  );
  const { lines, overrides } = draft ?? saved;
  const dirty = draft !== null;
  const shiftById = new Map(shiftTypes.map((s) => [s.id, s]));
  const change = (edit: (local: Local) => Local) => setDraft((d) => edit(d ?? saved));
  const setLines = (edit: (all: WeeklyLine[]) => WeeklyLine[]) => change((l) => ({ ...l, lines: edit(l.lines) }));
  const setOverrides = (edit: (all: Override[]) => Override[]) => change((l) => ({ ...l, overrides: edit(l.overrides) }));

  const editLine = (key: string, edit: (line: WeeklyLine) => WeeklyLine) =>
    setLines((all) => all.map((l) => (l.key === key ? edit(l) : l)));
  const editOverride = (key: string, edit: Partial<Override>) =>
    setOverrides((all) => all.map((o) => (o.key === key ? { ...o, ...edit } : o)));
  const scopeName = groupId === null ? t('roster.page.wholeDepartment') : (org.data?.groups.find((g) => g.id === groupId)?.name ?? '');
  const shiftOptions = shiftTypes.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }));
  const fnOptions = functions.map((f) => ({ value: f, label: t(`functions.${f}`) }));
  const weekdays = t('roster.grid.weekdaysShort').split(',');
  /** "E" or "E.tech": how the inputs of a line are named for screen readers and tests. */
  const lineName = (line: WeeklyLine) => `${shiftById.get(line.shiftTypeId)?.code ?? ''}${line.fn ? `.${line.fn}` : ''}`;

  const lineColumns: TableColumnsType<WeeklyLine> = [
    {
      title: t('roster.shiftsTab.shift'),
      key: 'shift',
      width: 150,
      render: (_v, line) => {
        const shift = shiftById.get(line.shiftTypeId);
        if (line.fn !== null) {
          return (
            <ShiftSelect
              value={line.shiftTypeId}
              options={shiftOptions}
              onChange={(id) => editLine(line.key, (l) => ({ ...l, shiftTypeId: id }))}
            />
          );
        }
        return shift ? (
          <Space size={6}>
            <ShiftCode shift={shift} />
            {shift.name}
          </Space>
        ) : null;
      },
    },
    {
      title: t('roster.shiftsTab.function'),
      key: 'fn',
      width: 130,
      render: (_v, line) =>
        line.fn === null ? (
          <Typography.Text type="secondary">{t('roster.shiftsTab.anyFunction')}</Typography.Text>
        ) : (
          <Select
            size="small"
            style={{ width: 110 }}
            value={line.fn}
            options={fnOptions}
            onChange={(fn) => editLine(line.key, (l) => ({ ...l, fn }))}
          />
        ),
    },
    ...weekdayOrder.map((wd) => ({
      title: weekdays[wd],
      key: `wd${wd}`,
      width: 64,
      align: 'center' as const,
      render: (_v: unknown, line: WeeklyLine) => (
        <InputNumber
          {...countProps}
          style={{ width: 48 }}
          aria-label={`${lineName(line)} ${weekdays[wd]}`}
          value={line.perWeekday[wd]}
          onChange={(v) => editLine(line.key, (l) => ({ ...l, perWeekday: l.perWeekday.map((x, i) => (i === wd ? (v ?? null) : x)) }))}
        />
      ),
    })),
    {
      title: t('roster.shiftsTab.everyDay'),
      key: 'all',
      width: 80,
      render: (_v, line) => (
        <InputNumber
          {...countProps}
          style={{ width: 52 }}
          placeholder="…"
          aria-label={`${lineName(line)} ${t('roster.shiftsTab.everyDay')}`}
          onChange={(v) => v !== null && editLine(line.key, (l) => ({ ...l, perWeekday: l.perWeekday.map(() => v) }))}
        />
      ),
    },
    {
      key: 'remove',
      width: 40,
      render: (_v, line) =>
        line.fn !== null && (
          <RemoveButton label={t('roster.shiftsTab.remove')} onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))} />
        ),
    },
  ];

  const overrideColumns: TableColumnsType<Override> = [
    {
      title: t('roster.shiftsTab.date'),
      key: 'date',
      width: 150,
      render: (_v, o) => (
        <DatePicker
          size="small"
          value={o.onDate ? dayjs(o.onDate) : null}
          onChange={(d) => editOverride(o.key, { onDate: d ? d.format('YYYY-MM-DD') : null })}
        />
      ),
    },
    {
      title: t('roster.shiftsTab.shift'),
      key: 'shift',
      width: 150,
      render: (_v, o) => (
        <ShiftSelect value={o.shiftTypeId} options={shiftOptions} onChange={(id) => editOverride(o.key, { shiftTypeId: id })} />
      ),
    },
    {
      title: t('roster.shiftsTab.function'),
      key: 'fn',
      width: 140,
      render: (_v, o) => (
        <Select
          size="small"
          allowClear
          style={{ width: 120 }}
          placeholder={t('roster.shiftsTab.anyFunction')}
          value={o.fn}
          options={fnOptions}
          onChange={(fn) => editOverride(o.key, { fn: fn ?? null })}
        />
      ),
    },
    {
      title: t('roster.shiftsTab.minPeople'),
      key: 'min',
      width: 100,
      render: (_v, o) => (
        <InputNumber
          size="small"
          min={0}
          max={999}
          precision={0}
          style={{ width: 64 }}
          value={o.minPeople}
          onChange={(v) => editOverride(o.key, { minPeople: v ?? null })}
        />
      ),
    },
    {
      key: 'remove',
      width: 40,
      render: (_v, o) => (
        <RemoveButton label={t('roster.shiftsTab.remove')} onClick={() => setOverrides((all) => all.filter((x) => x.key !== o.key))} />
      ),
    },
  ];

  const incomplete = overrides.some((o) => !o.onDate || o.shiftTypeId === null || o.minPeople === null);

  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={t('roster.shiftsTab.coverageTitle', { scope: scopeName })}
      data-testid="coverage-editor"
      extra={
        <Space>
          {dirty && <Typography.Text type="warning">{t('roster.shiftsTab.unsaved')}</Typography.Text>}
          <Button disabled={!dirty} onClick={() => setDraft(null)}>
            {t('roster.shiftsTab.discard')}
          </Button>
          <Button
            type="primary"
            disabled={!dirty || incomplete}
            loading={save.isPending}
            onClick={() => save.mutate({ groupId, rows: toRows(lines, overrides) }, { onSuccess: () => setDraft(null) })}
          >
            {t('roster.shiftsTab.saveCoverage')}
          </Button>
        </Space>
      }
    >
      {shiftTypes.length === 0 ? (
        <Empty description={t('roster.shiftsTab.coverageNeedsShifts')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('roster.shiftsTab.coverageHelp')}
          </Typography.Paragraph>
          <Table<WeeklyLine>
            size="small"
            rowKey="key"
            columns={lineColumns}
            dataSource={lines}
            pagination={false}
            data-testid="coverage-weekly"
          />
          <AddButton
            label={t('roster.shiftsTab.addFunctionLine')}
            onClick={() =>
              setLines((all) => [...all, { key: newKey(), shiftTypeId: shiftTypes[0]!.id, fn: 'tech', perWeekday: Array(7).fill(null) }])
            }
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('roster.shiftsTab.overridesTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('roster.shiftsTab.overridesHelp')}
          </Typography.Paragraph>
          <Table<Override>
            size="small"
            rowKey="key"
            columns={overrideColumns}
            dataSource={overrides}
            pagination={false}
            locale={{ emptyText: t('roster.shiftsTab.noOverrides') }}
          />
          <AddButton
            label={t('roster.shiftsTab.addOverride')}
            onClick={() =>
              setOverrides((all) => [...all, { key: newKey(), onDate: null, shiftTypeId: shiftTypes[0]!.id, fn: null, minPeople: 0 }])
            }
          />
        </>
      )}
    </Card>
  );
}
