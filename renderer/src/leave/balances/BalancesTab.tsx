import { useMemo, useState } from 'react';
import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BalanceView } from '../../../../main/leave/contract.ts';
import { useApi } from '../../api/hooks.ts';
import { VirtualTable, type Column } from '../../shell/VirtualTable.tsx';
import { LedgerDrawer } from './LedgerDrawer.tsx';

type Row = { personId: number; employeeNo: string; name: string; groupName: string | null; balances: Array<Omit<BalanceView, 'lines'>> };

/**
 * A kind's column is as wide as the longest word of its name needs, the name wrapping onto two
 * lines ("Bereavement / leave"), so English names fit beside the sorter without widening the table.
 */
const kindWidth = (label: string) => Math.max(92, Math.max(...label.split(/\s+/).map((w) => w.length)) * 8 + 40);

/** What a cell shows: "remaining / entitled" where there is a balance, else the days taken. */
function figure(b: Omit<BalanceView, 'lines'> | undefined): string {
  if (!b) return '';
  if (b.remaining !== null && b.entitled !== null) return `${b.remaining} / ${b.entitled + b.adjusted}`;
  return b.taken > 0 ? String(b.taken) : '—';
}

/** 假期余额: each person's balance of every kind of leave for the year; a click explains every number. */
export function BalancesTab({ year, groupId }: { year: number; groupId: number | null }) {
  const { t } = useTranslation();
  const balances = useApi('leave', 'balances', { year, groupId });
  const [selected, setSelected] = useState<Row | null>(null);
  const rows = useMemo(() => balances.data ?? [], [balances.data]);
  const kinds = rows[0]?.balances ?? [];
  const columns: Column<Row>[] = [
    {
      key: 'no',
      title: <span className="head-wrap">{t('fields.employeeNo')}</span>,
      width: 86,
      render: (r) => r.employeeNo,
      compare: (a, b) => a.employeeNo.localeCompare(b.employeeNo),
    },
    {
      key: 'name',
      title: t('fields.name'),
      width: 84,
      render: (r) => (
        <a onClick={() => setSelected(r)} data-testid={`balance-${r.employeeNo}`}>
          {r.name}
        </a>
      ),
    },
    { key: 'group', title: t('fields.group'), width: 76, render: (r) => r.groupName ?? '' },
    ...kinds.map((k, i): Column<Row> => ({
      key: k.code,
      title: (
        <span
          className="head-wrap"
          title={`${k.label}: ${t(`leave.entitlements.${k.entitlement}`)} · ${k.remaining !== null ? t('leave.ui.remainingOf') : t('leave.ui.taken')}`}
        >
          {k.label}
        </span>
      ),
      width: kindWidth(k.label),
      align: 'right',
      render: (r) => figure(r.balances[i]),
      compare: (a, b) => (a.balances[i]?.remaining ?? a.balances[i]?.taken ?? 0) - (b.balances[i]?.remaining ?? b.balances[i]?.taken ?? 0),
    })),
  ];
  return (
    <div className="area-panel" data-testid="leave-balances" style={{ display: 'flex', flexDirection: 'column' }}>
      <div className="panel-toolbar">
        <Typography.Text type="secondary">{t('leave.ui.balancesHint', { year })}</Typography.Text>
      </div>
      <div style={{ flex: 1, minHeight: 0 }}>
        <VirtualTable<Row>
          rows={rows}
          columns={columns}
          rowKey={(r) => r.personId}
          rowHeight={36}
          label={t('leave.ui.tabs.balances')}
          empty={
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={balances.isPending ? t('common.loading') : t('leave.ui.noPeople')} />
          }
        />
      </div>
      {selected && <LedgerDrawer personId={selected.personId} name={selected.name} year={year} onClose={() => setSelected(null)} />}
    </div>
  );
}
