import { useMemo, useState } from 'react';
import { Alert, App, Button, Empty, Select, Typography } from 'antd';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import dayjs from 'dayjs';
import type { RewardView } from '../../../../main/discipline/contract.ts';
import { useApi } from '../../api/hooks.ts';
import { ByField, ReasonDialog } from '../ReasonDialog.tsx';
import { rewardTitle, today, yuan } from '../format.ts';
import { rewardFormRoute } from '../print/routes.ts';
import { useWrite } from '../useWrite.ts';
import { ApplicationDialog, RecommendDialog } from './RewardDialogs.tsx';

type Dialog = { kind: 'recommend' } | { kind: 'apply' | 'review' | 'approve' | 'void'; reward: RewardView } | null;

const columns = ['recommended', 'applied', 'reviewed', 'approved'] as const;

/** DIS-4: rewards as a pipeline — recommended, application form, HR review, leadership approval. */
export function RewardsTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const write = useWrite();
  const [year, setYear] = useState(dayjs().year());
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useApi('discipline', 'rewards', { from: `${year}-01-01`, to: `${year}-12-31` });
  const closedOnes = useMemo(() => (list.data ?? []).filter((r) => r.status === 'rejected' || r.status === 'voided'), [list.data]);
  const { modal, message } = App.useApp();
  /** DIS-2: an approved bonus paid out of the 乐捐 fund today. */
  const payOut = (r: RewardView) =>
    modal.confirm({
      title: t('discipline.ui.rewards.payTitle', { name: r.personName, amount: yuan(r.amountFen) }),
      content: t('discipline.ui.rewards.payHint', { date: today() }),
      okText: t('discipline.ui.rewards.payOut'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await write('payReward', { rewardId: r.id, date: today() });
        } catch (error) {
          void message.error((error as Error).message, 8);
        }
      },
    });
  const title = (r: RewardView) => rewardTitle(r, t);

  const card = (r: RewardView) => (
    <div
      className={`dis-card${r.status === 'voided' || r.status === 'rejected' ? ' dis-struck' : ''}`}
      key={r.id}
      data-testid="reward-card"
    >
      <div className="title">
        {r.personName} · {title(r)}
      </div>
      <div className="dis-muted">
        {r.date} · {t(`discipline.rewardKinds.${r.kind}`)}
        {r.amountFen ? ` · ${t('discipline.money', { amount: yuan(r.amountFen) })}` : ''}
        {r.paidOn ? ` · ${t('discipline.ui.rewards.paidOn', { date: r.paidOn })}` : ''}
      </div>
      <div className="dis-muted dis-ellipsis" title={r.reason}>
        {r.reason}
      </div>
      <div className="actions">
        {r.status === 'recommended' && (
          <Button size="small" type="primary" ghost onClick={() => setDialog({ kind: 'apply', reward: r })}>
            {t('discipline.ui.rewards.fillApplication')}
          </Button>
        )}
        {r.status === 'applied' && (
          <Button size="small" type="primary" ghost onClick={() => setDialog({ kind: 'review', reward: r })}>
            {t('discipline.steps.hr-review')}
          </Button>
        )}
        {r.status === 'reviewed' && (
          <Button size="small" type="primary" ghost onClick={() => setDialog({ kind: 'approve', reward: r })}>
            {t('discipline.steps.leadership-approval')}
          </Button>
        )}
        {r.status === 'approved' && r.amountFen && !r.paidOn ? (
          <Button size="small" onClick={() => payOut(r)}>
            {t('discipline.ui.rewards.payOut')}
          </Button>
        ) : null}
        {r.status !== 'recommended' && (
          <Button
            size="small"
            icon={<PrinterOutlined />}
            aria-label={t('discipline.ui.rewards.print')}
            onClick={() => navigate(rewardFormRoute(r.id))}
          />
        )}
        {r.status !== 'voided' && r.status !== 'rejected' && (
          <Button size="small" type="text" danger onClick={() => setDialog({ kind: 'void', reward: r })}>
            {t('discipline.ui.sanctions.void')}
          </Button>
        )}
      </div>
    </div>
  );

  return (
    <div className="dis-panel" data-testid="discipline-rewards">
      <div className="dis-toolbar">
        <Select
          style={{ width: 110 }}
          aria-label={t('fields.year')}
          value={year}
          onChange={setYear}
          options={Array.from({ length: 5 }, (_, i) => dayjs().year() - i).map((y) => ({
            value: y,
            label: t('discipline.ui.yearLabel', { year: y }),
          }))}
        />
        <Typography.Text type="secondary">{t('discipline.ui.rewards.flow')}</Typography.Text>
        <div className="dis-spacer" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'recommend' })}>
          {t('discipline.ui.rewards.recommend')}
        </Button>
      </div>
      {list.error && <Alert type="error" showIcon message={list.error.message} />}
      {list.data && list.data.length === 0 ? (
        <Empty style={{ marginTop: 60 }} description={t('discipline.ui.rewards.empty', { year })} />
      ) : (
        <div className="dis-pipeline">
          {columns.map((status) => {
            const items = (list.data ?? []).filter((r) => r.status === status);
            return (
              <div className="dis-column" key={status} data-testid={`reward-column-${status}`}>
                <h3>
                  <span>{t(`discipline.rewardStatuses.${status}`)}</span>
                  <span className="dis-muted">{items.length}</span>
                </h3>
                <div className="dis-column-body">
                  {items.map(card)}
                  {status === 'approved' && closedOnes.length > 0 && (
                    <>
                      <div className="dis-muted" style={{ margin: '6px 4px 0' }}>
                        {t('discipline.ui.rewards.closedOnes', { count: closedOnes.length })}
                      </div>
                      {closedOnes.map(card)}
                    </>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      )}
      {dialog?.kind === 'recommend' && <RecommendDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'apply' && (
        <ApplicationDialog id={dialog.reward.id} name={dialog.reward.personName} onClose={() => setDialog(null)} />
      )}
      {(dialog?.kind === 'review' || dialog?.kind === 'approve') && (
        <ReasonDialog
          title={t(dialog.kind === 'review' ? 'discipline.ui.rewards.reviewTitle' : 'discipline.ui.rewards.approveTitle', {
            name: dialog.reward.personName,
            title: title(dialog.reward),
          })}
          label={t('discipline.fields.note')}
          required={false}
          choice={{
            label: t('discipline.ui.rewards.decision'),
            initial: 'approve',
            options: [
              { value: 'approve', label: t('discipline.decisions.approved') },
              { value: 'reject', label: t('discipline.decisions.rejected') },
            ],
          }}
          extra={<ByField label={dialog.kind === 'review' ? t('discipline.ui.rewards.byHr') : t('discipline.ui.rewards.byLeader')} />}
          onSubmit={({ text, choice, by }) =>
            write('decideReward', {
              id: dialog.reward.id,
              step: dialog.kind === 'review' ? 'hr-review' : 'leadership-approval',
              approve: choice === 'approve',
              note: text || null,
              by: (by as string | undefined) || null,
            })
          }
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'void' && (
        <ReasonDialog
          danger
          title={t('discipline.ui.rewards.voidTitle', { name: dialog.reward.personName, title: title(dialog.reward) })}
          label={t('discipline.fields.voidReason')}
          onSubmit={({ text }) => write('voidReward', { id: dialog.reward.id, reason: text })}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
