import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { honourTitles, rewardKinds, type RewardKind } from '../../../../main/discipline/vocabulary.ts';
import { PersonPicker } from '../PersonPicker.tsx';
import { toFen } from '../format.ts';
import { useSubmit, useWrite } from '../useWrite.ts';

interface Values {
  personId: number;
  kind: RewardKind;
  title: string;
  amount: number | null;
  reason: string;
  date: Dayjs;
}

/** DIS-4: the department recommends someone for a reward. */
export function RecommendDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const write = useWrite();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useSubmit(form, { amountFen: 'amount' });
  const kind = Form.useWatch('kind', form) ?? 'honour';
  const submit = (v: Values) =>
    run(async () => {
      await write('recommendReward', {
        personId: v.personId,
        kind: v.kind,
        title: v.title,
        amountFen: toFen(v.amount),
        reason: v.reason,
        date: v.date.format('YYYY-MM-DD'),
      });
      onClose();
    });
  return (
    <Modal
      open
      title={t('discipline.ui.rewards.recommendTitle')}
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
        initialValues={{ kind: 'honour', title: 'service-star', date: dayjs(), amount: null }}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.kind) form.setFieldsValue({ title: changed.kind === 'honour' ? 'service-star' : '', amount: null });
        }}
      >
        <Form.Item name="personId" label={t('fields.personId')} rules={[{ required: true, message: t('validation.required') }]}>
          <PersonPicker activeOnly value={null} onChange={() => undefined} width={460} />
        </Form.Item>
        <Form.Item name="kind" label={t('discipline.fields.rewardKind')}>
          <Select options={rewardKinds.map((k) => ({ value: k, label: t(`discipline.rewardKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('discipline.fields.title')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          {kind === 'honour' ? (
            <Select options={honourTitles.map((h) => ({ value: h, label: t(`discipline.honourTitles.${h}`) }))} />
          ) : (
            <Input maxLength={40} />
          )}
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('discipline.fields.amount')}
          rules={kind === 'bonus' ? [{ required: true, message: t('validation.required') }] : []}
        >
          <InputNumber style={{ width: '100%' }} min={0} precision={2} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('discipline.ui.rewards.reason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
        <Form.Item name="date" label={t('discipline.fields.date')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** DIS-4: the application form — the deeds and the department's opinion. */
export function ApplicationDialog({ id, name, onClose }: { id: number; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const write = useWrite();
  const [form] = Form.useForm<{ deeds: string; opinion: string }>();
  const { busy, run } = useSubmit(form);
  const submit = (v: { deeds: string; opinion: string }) =>
    run(async () => {
      await write('applyReward', { id, deeds: v.deeds, opinion: v.opinion || null });
      onClose();
    });
  return (
    <Modal
      open
      title={t('discipline.ui.rewards.applicationTitle', { name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="deeds"
          label={t('discipline.ui.rewards.deeds')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={5} maxLength={1000} autoFocus />
        </Form.Item>
        <Form.Item name="opinion" label={t('discipline.ui.rewards.opinion')}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
