import { App, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { MonthView } from '../../../../main/roster/contract.ts';
import { useApiMutation } from '../../api/hooks.ts';
import { showErrorsOnForm } from '../../api/form-errors.ts';

/** What a person has on a date in the loaded month, in words ("E 早班", "休", "—"). */
export function cellText(view: MonthView | undefined, personId: number, date: string, restLabel: string): string {
  const cell = view?.cells.find((c) => c[0] === personId && c[1] === date);
  if (!cell) return '—';
  if (cell[2] === 'rest') return restLabel;
  const shift = view!.shiftTypes.find((s) => s.id === cell[2]);
  return shift ? `${shift.code} ${shift.name}` : '?';
}

interface Values {
  kind: 'swap' | 'give';
  personId: number;
  date: Dayjs;
  otherPersonId: number;
  otherDate: Dayjs | null;
  reason: string;
}

/** ROS-2: a swap between two people, or a shift given away; it waits for the group leader's decision. */
export function SwapRequestDialog({ view, month, onClose }: { view: MonthView | undefined; month: string; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const request = useApiMutation('roster', 'requestSwap', { invalidates: ['roster'], silentErrors: true });
  const kind = Form.useWatch('kind', form);
  const personId = Form.useWatch('personId', form);
  const date = Form.useWatch('date', form);
  const otherPersonId = Form.useWatch('otherPersonId', form);
  const otherDate = Form.useWatch('otherDate', form);
  const people = (view?.people ?? []).map((p) => ({ value: p.id, label: p.name }));
  const rest = t('roster.grid.restShort');
  const outsideMonth = (d: Dayjs) => d.format('YYYY-MM') !== month;
  const show = (id: number | undefined, d: Dayjs | null | undefined) =>
    id && d ? (
      <Typography.Text type="secondary">
        {t('roster.swapsTab.hasNow', { cell: cellText(view, id, d.format('YYYY-MM-DD'), rest) })}
      </Typography.Text>
    ) : null;

  const submit = async (v: Values) => {
    try {
      await request.mutateAsync({
        kind: v.kind,
        personId: v.personId,
        date: v.date.format('YYYY-MM-DD'),
        otherPersonId: v.otherPersonId,
        // A swap without its own date swaps the two people's shifts on the same day.
        otherDate: v.kind === 'swap' ? (v.otherDate ?? v.date).format('YYYY-MM-DD') : null,
        reason: v.reason?.trim() || null,
      });
      void message.success(t('roster.swapsTab.requested'));
      onClose();
    } catch (error) {
      if (!showErrorsOnForm(form, error)) void message.error((error as Error).message, 6);
    }
  };

  return (
    <Modal
      open
      width={520}
      title={t('roster.swapsTab.newTitle')}
      okText={t('roster.swapsTab.submit')}
      confirmLoading={request.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'swap', date: dayjs(`${month}-01`) }}
        data-testid="swap-form"
      >
        <Form.Item name="kind" label={t('roster.swapsTab.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'swap', label: t('roster.swapsTab.kinds.swap') },
              { value: 'give', label: t('roster.swapsTab.kinds.give') },
            ]}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item
            name="personId"
            label={t('roster.swapsTab.person')}
            style={{ flex: 1 }}
            rules={[{ required: true, message: t('validation.required') }]}
            extra={show(personId, date)}
          >
            <Select showSearch optionFilterProp="label" options={people} />
          </Form.Item>
          <Form.Item
            name="date"
            label={t('roster.swapsTab.date')}
            style={{ flex: 1 }}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker disabledDate={outsideMonth} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item
            name="otherPersonId"
            label={kind === 'give' ? t('roster.swapsTab.receiver') : t('roster.swapsTab.otherPerson')}
            style={{ flex: 1 }}
            rules={[{ required: true, message: t('validation.required') }]}
            extra={kind === 'give' ? show(otherPersonId, date) : show(otherPersonId, otherDate ?? date)}
          >
            <Select showSearch optionFilterProp="label" options={people.filter((p) => p.value !== personId)} />
          </Form.Item>
          {kind !== 'give' && (
            <Form.Item
              name="otherDate"
              label={t('roster.swapsTab.otherDate')}
              style={{ flex: 1 }}
              tooltip={t('roster.swapsTab.otherDateHelp')}
            >
              <DatePicker disabledDate={outsideMonth} style={{ width: '100%' }} placeholder={t('roster.swapsTab.sameDay')} />
            </Form.Item>
          )}
        </div>
        <Form.Item name="reason" label={t('roster.swapsTab.reason')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Rejecting says why; the reason stays with the request. */
export function RejectDialog({ id, onClose }: { id: number; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useApiMutation('roster', 'decideSwap', { invalidates: ['roster'], onSuccess: onClose });
  return (
    <Modal
      open
      title={t('roster.swapsTab.rejectTitle')}
      okText={t('roster.swapsTab.reject')}
      okButtonProps={{ danger: true }}
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => decide.mutate({ id, approve: false, reason: v.reason.trim() })}>
        <Form.Item
          name="reason"
          label={t('roster.swapsTab.rejectReason')}
          rules={[{ required: true, whitespace: true, message: t('roster.swapsTab.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={200} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
