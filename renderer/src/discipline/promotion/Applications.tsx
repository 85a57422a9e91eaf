import { useState } from 'react';
import { Alert, Button, DatePicker, Empty, Form, Select, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { PromotionView } from '../../../../main/discipline/contract.ts';
import { promotionStatuses, type PromotionStatus } from '../../../../main/discipline/vocabulary.ts';
import { promotionFlow } from '../../../../main/discipline/rules/promotion.ts';
import { useApi } from '../../api/hooks.ts';
import { ByField, ReasonDialog } from '../ReasonDialog.tsx';
import { useWrite } from '../useWrite.ts';
import { Conditions } from './Conditions.tsx';

type Dialog = { kind: 'decide' | 'withdraw'; promotion: PromotionView } | null;

/** PRO-2…4: applications through their steps; the last approval sets the role from its effective date. */
export function Applications() {
  const { t } = useTranslation();
  const write = useWrite();
  const [status, setStatus] = useState<PromotionStatus | undefined>('applied');
  const [open, setOpen] = useState<number | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useApi('discipline', 'promotions', status ? { status } : {});
  const isLast = (p: PromotionView) => p.nextStep === promotionFlow(p.toRole).decisions.at(-1);
  return (
    <div style={{ flex: 1, minHeight: 0, overflow: 'auto' }} data-testid="promotion-applications">
      <div className="dis-toolbar">
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('discipline.fields.status')}
          value={status}
          onChange={setStatus}
          options={promotionStatuses.map((s) => ({ value: s, label: t(`discipline.promotionStatuses.${s}`) }))}
        />
      </div>
      {list.error && <Alert type="error" showIcon message={list.error.message} />}
      {list.data?.length === 0 && <Empty style={{ marginTop: 40 }} description={t('discipline.ui.promotion.noApplications')} />}
      {(list.data ?? []).map((p) => (
        <div
          key={p.id}
          className={`dis-condition${p.status === 'rejected' || p.status === 'withdrawn' ? ' dis-struck' : ''}`}
          data-testid="promotion-application"
        >
          <div className="dis-condition-head" style={{ flexWrap: 'wrap' }}>
            <b>
              {p.personName} {p.employeeNo}
            </b>
            <span>
              {t(`roles.${p.fromRole}`)} → {t(`roles.${p.toRole}`)}
            </span>
            {p.skipLevel && <span className="pill pill-orange">{t('discipline.promotion.skipLevel')}</span>}
            <span className="dis-muted">{t('discipline.ui.promotion.appliedOn', { date: p.appliedOn })}</span>
            <span className="pill pill-blue">{t(`discipline.promotionStatuses.${p.status}`)}</span>
            {p.effectiveOn && <span className="dis-muted">{t('discipline.ui.promotion.effectiveOn', { date: p.effectiveOn })}</span>}
            <div className="dis-spacer" />
            {p.nextStep && (
              <>
                <Button size="small" type="primary" onClick={() => setDialog({ kind: 'decide', promotion: p })}>
                  {t(`discipline.steps.${p.nextStep}`)}
                </Button>
                <Button size="small" onClick={() => setDialog({ kind: 'withdraw', promotion: p })}>
                  {t('discipline.ui.promotion.withdraw')}
                </Button>
              </>
            )}
            <Button size="small" type="link" onClick={() => setOpen(open === p.id ? null : p.id)}>
              {t(open === p.id ? 'discipline.ui.promotion.hide' : 'discipline.ui.promotion.details')}
            </Button>
          </div>
          {p.exceptionNote && <div className="dis-muted">{t('discipline.ui.promotion.exception', { note: p.exceptionNote })}</div>}
          <Timeline
            style={{ marginTop: 10, marginBottom: -20 }}
            items={p.steps.map((s, i) => ({
              key: i,
              color: s.decision === 'rejected' ? 'red' : s.decision === 'approved' ? 'green' : 'blue',
              children: `${s.at.slice(0, 10)} ${t(`discipline.steps.${s.step}`)} · ${t(`discipline.decisions.${s.decision}`)} · ${s.actorName}${s.note ? ` · ${s.note}` : ''}`,
            }))}
          />
          {open === p.id && <Conditions eligibility={p.eligibility} />}
        </div>
      ))}
      {dialog?.kind === 'decide' && (
        <ReasonDialog
          title={t('discipline.ui.promotion.decideTitle', {
            step: t(`discipline.steps.${dialog.promotion.nextStep}`),
            name: dialog.promotion.personName,
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
          extra={
            <>
              <ByField label={t('discipline.ui.promotion.by')} />
              {isLast(dialog.promotion) && (
                <Form.Item name="effectiveOn" label={t('discipline.ui.promotion.effective')} initialValue={dayjs()}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              )}
            </>
          }
          onSubmit={({ text, choice, by, effectiveOn }) =>
            write('decidePromotion', {
              id: dialog.promotion.id,
              approve: choice === 'approve',
              note: text || null,
              by: (by as string | undefined) || null,
              effectiveOn: effectiveOn ? (effectiveOn as Dayjs).format('YYYY-MM-DD') : null,
            })
          }
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'withdraw' && (
        <ReasonDialog
          title={t('discipline.ui.promotion.withdrawTitle', { name: dialog.promotion.personName })}
          label={t('discipline.fields.reason')}
          onSubmit={({ text }) => write('withdrawPromotion', { id: dialog.promotion.id, reason: text })}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
