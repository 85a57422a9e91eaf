import { useState } from 'react';
import { Button, Empty, Segmented, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { OvertimeRequestView } from '../../../../main/overtime/contract.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { clockOf, hoursOf } from '../dates.ts';
import { ReasonDialog } from '../requests/RequestsTab.tsx';
import { DecisionStatus } from '../DecisionStatus.tsx';
import { PersonCell } from '../PersonCell.tsx';
import { dayKindColor } from './dayKind.ts';
import { OvertimeRequestDialog, OvertimeDecisionDialog, ActualDialog } from './OvertimeDialogs.tsx';

type Dialog =
  | { kind: 'new' }
  | { kind: 'decide'; request: OvertimeRequestView }
  | { kind: 'actual'; request: OvertimeRequestView }
  | { kind: 'cancel'; request: OvertimeRequestView }
  | null;

/** 加班: applied for and approved before it is worked (OT-1), recorded as worked (OT-2). */
export function OvertimeTab({ month, groupId }: { month: string; groupId: number | null }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'pending' | 'all'>('all');
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useApi('overtime', 'list', { month, groupId, status: filter === 'pending' ? 'pending' : undefined });
  const cancel = useApiMutation('overtime', 'cancel', { invalidates: ['overtime', 'leave', 'attendance'], silentErrors: true });
  const rows = list.data ?? [];
  const today = dayjs().format('YYYY-MM-DD');
  const totals = rows
    .filter((r) => r.status === 'approved')
    .reduce<Record<string, number>>(
      (acc, r) => ({ ...acc, [r.multiplier]: (acc[r.multiplier] ?? 0) + (r.actualMinutes ?? r.plannedMinutes) }),
      {},
    );
  const columns: TableColumnsType<OvertimeRequestView> = [
    {
      title: t('leave.ui.person'),
      key: 'person',
      width: 140,
      render: (_v, r) => <PersonCell name={r.personName} employeeNo={r.employeeNo} groupName={r.groupName} />,
    },
    {
      title: t('overtime.ui.when'),
      key: 'when',
      width: 150,
      render: (_v, r) => (
        <div>
          {r.date}
          <div className="muted">
            {clockOf(r.startMinute)}–{clockOf(r.startMinute + r.plannedMinutes)}
          </div>
        </div>
      ),
    },
    {
      title: t('overtime.ui.kind'),
      key: 'kind',
      width: 120,
      render: (_v, r) => (
        <Tag color={dayKindColor[r.dayKind]}>
          {t(`overtime.dayKinds.${r.dayKind}`)} ×{r.multiplier}
        </Tag>
      ),
    },
    {
      title: t('overtime.ui.hoursColumn'),
      key: 'hours',
      width: 110,
      render: (_v, r) => (
        <div>
          {t('overtime.ui.planned', { hours: hoursOf(r.plannedMinutes) })}
          <div className={r.actualMinutes === null ? 'muted' : undefined}>
            {r.actualMinutes === null ? t('overtime.ui.notRecorded') : t('overtime.ui.actual', { hours: hoursOf(r.actualMinutes) })}
          </div>
        </div>
      ),
    },
    {
      title: t('overtime.ui.compensation'),
      dataIndex: 'compensation',
      width: 90,
      render: (c: OvertimeRequestView['compensation']) => t(`overtime.compensations.${c}`),
    },
    {
      title: t('fields.reason'),
      key: 'reason',
      render: (_v, r) => (
        <div>
          {r.reason ?? '—'}
          {r.warnings.length > 0 && (
            <Tooltip title={r.warnings.map((w) => w.message).join(t('common.sentenceSeparator'))}>
              <div className="muted" style={{ color: '#d46b08' }}>
                <WarningOutlined /> {t('overtime.ui.warnings', { count: r.warnings.length })}
              </div>
            </Tooltip>
          )}
        </div>
      ),
    },
    {
      title: t('leave.ui.status'),
      key: 'status',
      width: 160,
      render: (_v, r) => <DecisionStatus request={r} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_v, r) => (
        <Space size={0} wrap>
          {r.status === 'pending' && (
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'decide', request: r })}>
              {t('leave.ui.decide')}
            </Button>
          )}
          {r.status === 'approved' && r.date <= today && (
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'actual', request: r })}>
              {t('overtime.ui.recordActual')}
            </Button>
          )}
          {(r.status === 'pending' || (r.status === 'approved' && r.actualMinutes === null)) && (
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'cancel', request: r })}>
              {t('leave.ui.cancelRequest')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <div className="area-panel" data-testid="overtime-tab">
      <div className="panel-toolbar">
        <Segmented
          size="small"
          value={filter}
          onChange={(v) => setFilter(v as 'pending' | 'all')}
          options={[
            { value: 'all', label: t('leave.ui.filterAll') },
            { value: 'pending', label: t('leave.ui.filterPending') },
          ]}
        />
        <Typography.Text type="secondary">
          {Object.keys(totals).length > 0
            ? t('overtime.ui.totals', {
                list: Object.entries(totals)
                  .map(([multiplier, minutes]) => t('overtime.ui.totalItem', { multiplier, hours: hoursOf(minutes) }))
                  .join(t('common.listSeparator')),
              })
            : t('overtime.ui.hint')}
        </Typography.Text>
        <span className="spacer" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'new' })}>
          {t('overtime.ui.new')}
        </Button>
      </div>
      <Table<OvertimeRequestView>
        size="small"
        rowKey="id"
        loading={list.isPending}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overtime.ui.empty')} /> }}
      />
      {dialog?.kind === 'new' && <OvertimeRequestDialog groupId={groupId} month={month} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'decide' && <OvertimeDecisionDialog request={dialog.request} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'actual' && <ActualDialog request={dialog.request} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'cancel' && (
        <ReasonDialog
          required={false}
          title={t('overtime.ui.cancelTitle', { name: dialog.request.personName, date: dialog.request.date })}
          onOk={(reason) => cancel.mutateAsync({ id: dialog.request.id, reason: reason || null })}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
