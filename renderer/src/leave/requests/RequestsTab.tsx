import { useState } from 'react';
import { Alert, Button, Empty, Input, Modal, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LeaveRequestView, LeaveType } from '../../../../main/leave/contract.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { monthRange } from '../dates.ts';
import { RequestDialog } from './RequestDialog.tsx';
import { DecisionDialog } from './DecisionDialog.tsx';
import { periodText } from './format.ts';
import { DecisionStatus } from '../DecisionStatus.tsx';
import { PersonCell } from '../PersonCell.tsx';

/** Asks for the reason of a cancellation (kept with the request). */
export function ReasonDialog(props: {
  title: string;
  onOk: (reason: string) => Promise<unknown>;
  onClose: () => void;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={props.title}
      onCancel={props.onClose}
      okButtonProps={{ disabled: props.required !== false && !reason.trim(), loading: busy }}
      onOk={async () => {
        setBusy(true);
        try {
          await props.onOk(reason.trim());
          props.onClose();
        } catch (error) {
          setFailure((error as Error).message);
        } finally {
          setBusy(false);
        }
      }}
      destroyOnHidden
    >
      <Input.TextArea rows={3} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('fields.reason')} />
      {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 8 }} />}
    </Modal>
  );
}

/** 请假申请: the month's requests, newest decisions last; approve knowing the coverage, reject, cancel. */
export function RequestsTab({ month, groupId, types }: { month: string; groupId: number | null; types: LeaveType[] }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'pending' | 'all'>('all');
  const [dialog, setDialog] = useState<
    { kind: 'new' } | { kind: 'decide'; request: LeaveRequestView } | { kind: 'cancel'; request: LeaveRequestView } | null
  >(null);
  const { from, to } = monthRange(month);
  const requests = useApi('leave', 'requests', { from, to, groupId, status: filter === 'pending' ? 'pending' : undefined });
  const cancel = useApiMutation('leave', 'cancel', { invalidates: ['leave', 'roster', 'attendance'], silentErrors: true });
  const rows = requests.data ?? [];

  const columns: TableColumnsType<LeaveRequestView> = [
    {
      title: t('leave.ui.person'),
      key: 'person',
      width: 150,
      render: (_v, r) => <PersonCell name={r.personName} employeeNo={r.employeeNo} groupName={r.groupName} />,
    },
    { title: t('leave.ui.type'), dataIndex: 'leaveLabel', width: 90, render: (label: string) => <Tag color="blue">{label}</Tag> },
    { title: t('leave.ui.when'), key: 'when', width: 170, render: (_v, r) => periodText(t, r) },
    { title: t('leave.ui.days'), dataIndex: 'days', width: 60, align: 'right' },
    {
      title: t('leave.ui.reasonEvidence'),
      key: 'reason',
      render: (_v, r) => (
        <div>
          {r.reason ?? '—'}
          {r.evidence && <div className="muted">{t('leave.ui.labelled', { label: t('leave.ui.evidence'), value: r.evidence })}</div>}
        </div>
      ),
    },
    {
      title: t('leave.ui.status'),
      key: 'status',
      width: 190,
      render: (_v, r) => <DecisionStatus request={r} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_v, r) => (
        <Space size={0}>
          {r.status === 'pending' && (
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'decide', request: r })} data-testid={`decide-${r.id}`}>
              {t('leave.ui.decide')}
            </Button>
          )}
          {(r.status === 'pending' || r.status === 'approved') && (
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'cancel', request: r })}>
              {t('leave.ui.cancelRequest')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div className="area-panel" data-testid="leave-requests">
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
        <Typography.Text type="secondary">{t('leave.ui.requestsHint')}</Typography.Text>
        <span className="spacer" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'new' })}>
          {t('leave.ui.newRequest')}
        </Button>
      </div>
      <Table<LeaveRequestView>
        size="small"
        rowKey="id"
        loading={requests.isPending}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={filter === 'pending' ? t('leave.ui.noPending') : t('leave.ui.noRequests')}
            />
          ),
        }}
      />
      {dialog?.kind === 'new' && <RequestDialog groupId={groupId} month={month} types={types} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'decide' && <DecisionDialog request={dialog.request} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'cancel' && (
        <ReasonDialog
          title={t('leave.ui.cancelTitle', { name: dialog.request.personName, period: periodText(t, dialog.request) })}
          onOk={(reason) => cancel.mutateAsync({ id: dialog.request.id, reason })}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
