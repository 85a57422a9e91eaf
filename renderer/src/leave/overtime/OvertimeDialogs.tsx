import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  TimePicker,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { OvertimeCheck, OvertimeRequestView } from '../../../../main/overtime/contract.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { showErrorsOnForm } from '../../api/form-errors.ts';
import { usePersonOptions } from '../usePersonOptions.ts';
import { dayKindColor } from './dayKind.ts';

/** The day's kind and multiplier from the calendar, and the cap warnings (OT-2, LAW). */
export function CheckView({ check }: { check: OvertimeCheck }) {
  const { t } = useTranslation();
  return (
    <div data-testid="overtime-check">
      <Typography.Paragraph style={{ marginBottom: 6 }}>
        <Tag color={dayKindColor[check.dayKind]}>{t(`overtime.dayKinds.${check.dayKind}`)}</Tag>
        {check.dayName && <span className="muted">{check.dayName} · </span>}
        {t('overtime.ui.multiplier', { multiplier: check.multiplier })}
      </Typography.Paragraph>
      {check.problems.map((p, i) => (
        <Alert key={`p${i}`} type="error" showIcon message={p.message} style={{ marginBottom: 6 }} />
      ))}
      {check.warnings.map((w, i) => (
        <Alert key={`w${i}`} type="warning" showIcon message={w.message} style={{ marginBottom: 6 }} />
      ))}
    </div>
  );
}

interface Values {
  personId?: number;
  date?: Dayjs;
  start?: Dayjs;
  hours?: number;
  compensation: 'pay' | 'lieu';
  reason?: string;
}

/** OT-1: overtime applied for before it is worked. */
export function OvertimeRequestDialog(props: { groupId: number | null; month: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Values | undefined;
  const create = useApiMutation('overtime', 'request', { invalidates: ['overtime', 'leave', 'attendance'], silentErrors: true });
  const [failure, setFailure] = useState<string | null>(null);
  const { options } = usePersonOptions(props.groupId);
  const draft =
    values?.personId && values.date && values.start && values.hours
      ? {
          personId: values.personId,
          date: values.date.format('YYYY-MM-DD'),
          startMinute: values.start.hour() * 60 + values.start.minute(),
          plannedMinutes: Math.round(values.hours * 60),
          compensation: values.compensation,
        }
      : null;
  const check = useApi('overtime', 'check', draft!, {
    enabled: draft !== null && draft.plannedMinutes >= 15 && draft.plannedMinutes <= 720,
    retry: false,
  });
  return (
    <Modal
      open
      width={600}
      title={t('overtime.ui.requestTitle')}
      okText={t('overtime.ui.submit')}
      confirmLoading={create.isPending}
      onCancel={props.onClose}
      onOk={async () => {
        const v = await form.validateFields();
        setFailure(null);
        try {
          await create.mutateAsync({ ...draft!, reason: v.reason ?? null });
          props.onClose();
        } catch (error) {
          if (!showErrorsOnForm(form, error, { startMinute: 'start', plannedMinutes: 'hours' })) setFailure((error as Error).message);
        }
      }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ compensation: 'pay', hours: 2, date: dayjs(`${props.month}-01`) }}
        requiredMark="optional"
      >
        <Form.Item name="personId" label={t('leave.ui.person')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select showSearch optionFilterProp="label" options={options} placeholder={t('leave.ui.pickPerson')} />
        </Form.Item>
        <Space size={12} align="start">
          <Form.Item name="date" label={t('fields.date')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="start" label={t('overtime.ui.start')} rules={[{ required: true, message: t('validation.required') }]}>
            <TimePicker format="HH:mm" minuteStep={5} />
          </Form.Item>
          <Form.Item name="hours" label={t('overtime.ui.hours')} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber min={0.25} max={12} step={0.5} />
          </Form.Item>
        </Space>
        <Form.Item name="compensation" label={t('overtime.ui.compensation')} extra={t('overtime.ui.lieuHint')}>
          <Radio.Group options={(['pay', 'lieu'] as const).map((c) => ({ value: c, label: t(`overtime.compensations.${c}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('fields.reason')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 8 }} />}
      {check.data && <CheckView check={check.data} />}
    </Modal>
  );
}

/** OT-1: approve with the cap warnings acknowledged, or reject with a reason. */
export function OvertimeDecisionDialog({ request, onClose }: { request: OvertimeRequestView; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = useApiMutation('overtime', 'decide', { invalidates: ['overtime', 'leave', 'attendance'], silentErrors: true });
  const [acknowledged, setAcknowledged] = useState(false);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (approve: boolean) => {
    setFailure(null);
    try {
      await decide.mutateAsync({ id: request.id, approve, reason: reason.trim() || null, acknowledgeWarnings: acknowledged });
      onClose();
    } catch (error) {
      setFailure((error as Error).message);
    }
  };
  const warned = request.warnings.length > 0;
  return (
    <Modal
      open
      title={t('overtime.ui.decideTitle', { name: request.personName, date: request.date })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button danger loading={decide.isPending} onClick={() => run(false)}>
            {t('leave.ui.reject')}
          </Button>
          <Button
            type="primary"
            disabled={warned && !acknowledged}
            loading={decide.isPending}
            onClick={() => run(true)}
            data-testid="overtime-approve"
          >
            {t('leave.ui.approve')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>
        <Tag>{t(`overtime.dayKinds.${request.dayKind}`)}</Tag>
        {t('overtime.ui.summary', { hours: request.plannedMinutes / 60, multiplier: request.multiplier })} ·{' '}
        {t(`overtime.compensations.${request.compensation}`)}
        {request.reason && <span className="muted"> · {request.reason}</span>}
      </Typography.Paragraph>
      {request.warnings.map((w, i) => (
        <Alert key={i} type="warning" showIcon message={w.message} style={{ marginBottom: 6 }} />
      ))}
      {warned && (
        <Checkbox checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} style={{ marginBottom: 8 }}>
          {t('overtime.ui.acknowledge')}
        </Checkbox>
      )}
      <Input.TextArea
        rows={2}
        maxLength={200}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('leave.ui.decisionReason')}
      />
      {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 8 }} />}
    </Modal>
  );
}

/** OT-2: the hours actually worked. */
export function ActualDialog({ request, onClose }: { request: OvertimeRequestView; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useApiMutation('overtime', 'recordActual', { invalidates: ['overtime', 'leave', 'attendance'], silentErrors: true });
  const [hours, setHours] = useState<number>((request.actualMinutes ?? request.plannedMinutes) / 60);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Modal
      open
      title={t('overtime.ui.actualTitle', { name: request.personName, date: request.date })}
      onCancel={onClose}
      confirmLoading={record.isPending}
      onOk={async () => {
        try {
          await record.mutateAsync({ id: request.id, actualMinutes: Math.round(hours * 60) });
          onClose();
        } catch (error) {
          setFailure((error as Error).message);
        }
      }}
      destroyOnHidden
    >
      <Space>
        {t('overtime.ui.actualHours')}
        <InputNumber
          min={0}
          max={12}
          step={0.25}
          value={hours}
          onChange={(v) => setHours(v ?? 0)}
          aria-label={t('overtime.ui.actualHours')}
        />
      </Space>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 8 }} />}
    </Modal>
  );
}
