import { useState } from 'react';
import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, List, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { FundMonthView } from '../../../../main/discipline/contract.ts';
import { PersonPicker } from '../PersonPicker.tsx';
import { toFen, yuan } from '../format.ts';
import { useSubmit, useWrite } from '../useWrite.ts';

export interface EntryDraft {
  kind: 'spending' | 'adjustment';
  date: string;
  amountYuan: number | null;
  note: string;
}

/** Team spending or an adjustment (a correction of a closed month goes here, into an open month). */
export function EntryDialog({ draft, onClose }: { draft: EntryDraft; onClose: () => void }) {
  const { t } = useTranslation();
  const write = useWrite();
  const [form] = Form.useForm<{ kind: 'spending' | 'adjustment'; date: Dayjs; amount: number; personId: number | null; note: string }>();
  const { busy, run } = useSubmit(form, { amountFen: 'amount' });
  const kind = Form.useWatch('kind', form) ?? draft.kind;
  const submit = (v: { kind: 'spending' | 'adjustment'; date: Dayjs; amount: number; personId: number | null; note: string }) =>
    run(async () => {
      await write('recordFundEntry', {
        kind: v.kind,
        date: v.date.format('YYYY-MM-DD'),
        amountFen: toFen(v.amount) ?? 0,
        personId: v.personId ?? null,
        note: v.note,
      });
      onClose();
    });
  return (
    <Modal
      open
      title={t('discipline.ui.fund.entryTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: draft.kind, date: dayjs(draft.date), amount: draft.amountYuan, note: draft.note, personId: null }}
        onFinish={submit}
      >
        <Form.Item name="kind" label={t('discipline.fields.entryKind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'spending', label: t('discipline.fundKinds.spending') },
              { value: 'adjustment', label: t('discipline.fundKinds.adjustment') },
            ]}
          />
        </Form.Item>
        <Form.Item name="date" label={t('discipline.fields.date')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="amount"
          label={kind === 'spending' ? t('discipline.ui.fund.spendingAmount') : t('discipline.ui.fund.adjustmentAmount')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber style={{ width: '100%' }} precision={2} min={kind === 'spending' ? 0.01 : undefined} />
        </Form.Item>
        <Form.Item name="personId" label={t('discipline.ui.fund.person')}>
          <PersonPicker value={null} onChange={(id) => form.setFieldValue('personId', id)} width={460} placeholder={t('common.optional')} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('discipline.fields.note')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** DIS-2: fines paid into the fund on a date. */
export function PayDialog({ ids, totalFen, onClose }: { ids: number[]; totalFen: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useWrite();
  const [date, setDate] = useState<Dayjs>(dayjs());
  const { busy, run } = useSubmit();
  const pay = () =>
    run(async () => {
      await write('payFines', { sanctionIds: ids, date: date.format('YYYY-MM-DD') });
      void message.success(t('discipline.ui.fund.paidDone', { count: ids.length }));
      onClose();
    });
  return (
    <Modal
      open
      title={t('discipline.ui.fund.payTitle', { count: ids.length, amount: yuan(totalFen) })}
      onCancel={onClose}
      onOk={pay}
      okText={t('discipline.ui.fund.pay')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('discipline.ui.fund.payHint')}</Typography.Paragraph>
      <DatePicker
        aria-label={t('discipline.fields.paidOn')}
        value={date}
        allowClear={false}
        onChange={(v) => v && setDate(v)}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
      />
    </Modal>
  );
}

/** DIS-2 with LAW: closing shows the balances and the deduction warnings; they must be acknowledged. */
export function CloseDialog({ view, onClose }: { view: FundMonthView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useWrite();
  const [acknowledged, setAcknowledged] = useState(false);
  const { busy, run } = useSubmit();
  const warnings = view.deductions;
  const close = () =>
    run(async () => {
      await write('closeFundMonth', { month: view.month, acknowledgeWarnings: acknowledged });
      void message.success(t('discipline.ui.fund.closedDone', { month: view.month }));
      onClose();
    });
  return (
    <Modal
      open
      width={620}
      title={t('discipline.ui.fund.closeTitle', { month: view.month })}
      onCancel={onClose}
      onOk={close}
      okText={t('discipline.ui.fund.close')}
      okButtonProps={{ disabled: warnings.length > 0 && !acknowledged }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('discipline.ui.fund.closeBody', {
          opening: yuan(view.openingFen),
          in: yuan(view.inFen),
          out: yuan(view.outFen),
          closing: yuan(view.closingFen),
        })}
      </Typography.Paragraph>
      {view.earlierOpen.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 10 }}
          message={t('discipline.ui.fund.earlierOpen', { months: view.earlierOpen.join(t('common.listSeparator')) })}
        />
      )}
      {view.unpaidFines.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 10 }}
          message={t('discipline.ui.fund.unpaidAtClose', { count: view.unpaidFines.length })}
        />
      )}
      {warnings.length > 0 && (
        <>
          <Alert type="warning" showIcon message={t('discipline.ui.fund.lawWarning')} style={{ marginBottom: 8 }} />
          <List
            size="small"
            bordered
            dataSource={warnings}
            renderItem={(w) => <List.Item>{w.message}</List.Item>}
            style={{ maxHeight: 200, overflow: 'auto', marginBottom: 10 }}
          />
          <Checkbox checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} data-testid="acknowledge-warnings">
            {t('discipline.ui.fund.acknowledge')}
          </Checkbox>
        </>
      )}
    </Modal>
  );
}
