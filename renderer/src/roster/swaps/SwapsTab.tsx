import { useState } from 'react';
import { Button, Card, Empty, Popconfirm, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CheckCircleOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SwapRequest } from '../../../../main/roster/contract.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { RejectDialog, SwapRequestDialog, cellText } from './SwapDialogs.tsx';
import { momentText } from '../../shell/moment.ts';

const statusColor: Record<SwapRequest['status'], string> = { pending: 'gold', approved: 'green', rejected: 'red', cancelled: 'default' };

/** What approving would do to coverage, rest and leave, as main computed it (ROS-2). */
function Checks({ swap }: { swap: SwapRequest }) {
  const { t } = useTranslation();
  if (swap.status !== 'pending') return null;
  if (swap.checks.length === 0) {
    return (
      <Typography.Text type="success">
        <CheckCircleOutlined /> {t('roster.swapsTab.checksClean')}
      </Typography.Text>
    );
  }
  return (
    <div data-testid="swap-checks">
      {swap.checks.map((c, i) => (
        <div key={i} style={{ fontSize: 12 }}>
          <Typography.Text type="danger">
            <WarningOutlined /> {c.ruleId}
          </Typography.Text>{' '}
          {c.message}
        </div>
      ))}
    </div>
  );
}

/** 换班: requests for the month, the checks on each, approve or reject with a reason; decided ones stay listed. */
export function SwapsTab({ month, groupId }: { month: string; groupId: number | null }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'pending' | 'all'>('pending');
  const [dialog, setDialog] = useState<{ kind: 'new' } | { kind: 'reject'; id: number } | null>(null);
  const swaps = useApi('roster', 'swaps', { month });
  const view = useApi('roster', 'month', { month, groupId });
  const decide = useApiMutation('roster', 'decideSwap', { invalidates: ['roster'] });
  const cancel = useApiMutation('roster', 'cancelSwap', { invalidates: ['roster'] });
  const rest = t('roster.grid.restShort');
  const inScope = new Set(view.data?.people.map((p) => p.id));
  const rows = (swaps.data ?? []).filter(
    (s) =>
      (filter === 'all' || s.status === 'pending') &&
      (groupId === null || !view.data || inScope.has(s.personId) || inScope.has(s.otherPersonId)),
  );

  const columns: TableColumnsType<SwapRequest> = [
    {
      title: t('roster.swapsTab.kind'),
      dataIndex: 'kind',
      width: 70,
      render: (k: SwapRequest['kind']) => t(`roster.swapsTab.kinds.${k}`),
    },
    {
      title: t('roster.swapsTab.who'),
      key: 'who',
      width: 260,
      render: (_v, s) => {
        // While pending, what each side has now: the shifts that would change hands.
        const now = (personId: number, date: string) =>
          s.status === 'pending' ? <span className="roster-swap-cell">{cellText(view.data, personId, date, rest)}</span> : null;
        const otherDate = s.otherDate ?? s.date;
        return (
          <div className="roster-tabular">
            <div>
              <b>{s.personName}</b> {s.date} {now(s.personId, s.date)}
            </div>
            <div>
              {s.kind === 'swap' ? '⇄' : '→'} <b>{s.otherPersonName}</b> {otherDate !== s.date ? otherDate : ''}{' '}
              {s.kind === 'swap' && now(s.otherPersonId, otherDate)}
            </div>
          </div>
        );
      },
    },
    { title: t('roster.swapsTab.reason'), dataIndex: 'reason', width: 130, render: (r: string | null) => r ?? '—' },
    { title: t('roster.swapsTab.checks'), key: 'checks', render: (_v, s) => <Checks swap={s} /> },
    {
      title: t('roster.swapsTab.status'),
      key: 'status',
      width: 170,
      render: (_v, s) => (
        <div>
          <Tag color={statusColor[s.status]}>{t(`roster.swapsTab.statuses.${s.status}`)}</Tag>
          {s.decidedAt && (
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>
              {s.decidedBy} · {momentText(s.decidedAt, false)}
              {s.decisionReason && <div>{s.decisionReason}</div>}
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_v, s) =>
        s.status === 'pending' && (
          <Space size={0}>
            <Popconfirm
              title={t('roster.swapsTab.approveConfirm')}
              description={
                s.checks.length > 0 ? t('roster.swapsTab.approveWithIssues', { count: s.checks.length }) : t('roster.swapsTab.approveHelp')
              }
              onConfirm={() => decide.mutateAsync({ id: s.id, approve: true, reason: null })}
            >
              <Button type="link" size="small">
                {t('roster.swapsTab.approve')}
              </Button>
            </Popconfirm>
            <Button type="link" size="small" danger onClick={() => setDialog({ kind: 'reject', id: s.id })}>
              {t('roster.swapsTab.reject')}
            </Button>
            <Popconfirm title={t('roster.swapsTab.cancelConfirm')} onConfirm={() => cancel.mutateAsync({ id: s.id, reason: null })}>
              <Button type="link" size="small">
                {t('roster.swapsTab.withdraw')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  return (
    <div className="roster-panel" data-testid="swaps-tab">
      <Card
        size="small"
        title={t('roster.swapsTab.title')}
        extra={
          <Space>
            <Segmented
              size="small"
              value={filter}
              onChange={(v) => setFilter(v as 'pending' | 'all')}
              options={[
                { value: 'pending', label: t('roster.swapsTab.filterPending') },
                { value: 'all', label: t('roster.swapsTab.filterAll') },
              ]}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'new' })} disabled={!view.data?.people.length}>
              {t('roster.swapsTab.new')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('roster.swapsTab.help')}</Typography.Paragraph>
        <Table<SwapRequest>
          size="small"
          rowKey="id"
          data-testid="swaps-table"
          loading={swaps.isPending}
          columns={columns}
          dataSource={rows}
          pagination={false}
          locale={{
            emptyText: (
              <Empty
                description={
                  <>
                    <Typography.Text strong>
                      {filter === 'pending' ? t('roster.swapsTab.emptyPending') : t('roster.swapsTab.empty')}
                    </Typography.Text>
                    <br />
                    {t('roster.swapsTab.emptyBody')}
                  </>
                }
              />
            ),
          }}
        />
      </Card>
      {dialog?.kind === 'new' && <SwapRequestDialog view={view.data} month={month} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reject' && <RejectDialog id={dialog.id} onClose={() => setDialog(null)} />}
    </div>
  );
}
