import { useState } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { LeaveType } from '../../../../main/leave/contract.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { showErrorsOnForm } from '../../api/form-errors.ts';
import { usePersonOptions } from '../usePersonOptions.ts';
import { ImpactView } from './ImpactView.tsx';

interface Values {
  personId?: number;
  leaveTypeId?: number;
  startDate?: Dayjs;
  startPart: 'full' | 'pm';
  endDate?: Dayjs;
  endPart: 'full' | 'am';
  difficultBirth: boolean;
  extraBabies: number;
  laterChild: boolean;
  reason?: string;
  evidence?: string;
}

/**
 * LEV-5: a leave request entered for a person. While it is filled in, the app shows what it takes
 * from the balance and which rostered shifts it removes, with the coverage after (ROS-1).
 */
export function RequestDialog(props: { groupId: number | null; month: string; types: LeaveType[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Values | undefined;
  const create = useApiMutation('leave', 'request', { invalidates: ['leave', 'roster', 'attendance'], silentErrors: true });
  const [failure, setFailure] = useState<string | null>(null);
  const type = props.types.find((ty) => ty.id === values?.leaveTypeId);
  const people = usePersonOptions(props.groupId);
  const draft =
    values?.personId && values.leaveTypeId && values.startDate && values.endDate
      ? {
          personId: values.personId,
          leaveTypeId: values.leaveTypeId,
          startDate: values.startDate.format('YYYY-MM-DD'),
          startPart: values.startPart,
          endDate: values.endDate.format('YYYY-MM-DD'),
          endPart: values.endPart,
          maternity:
            type?.code === 'maternity'
              ? { difficultBirth: values.difficultBirth, extraBabies: values.extraBabies ?? 0, laterChild: values.laterChild }
              : undefined,
        }
      : null;
  const check = useApi('leave', 'check', draft!, { enabled: draft !== null && draft.endDate >= draft.startDate, retry: false });

  const submit = async () => {
    const v = await form.validateFields();
    setFailure(null);
    try {
      await create.mutateAsync({ ...draft!, reason: v.reason ?? null, evidence: v.evidence ?? null });
      props.onClose();
    } catch (error) {
      if (!showErrorsOnForm(form, error)) setFailure((error as Error).message);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={t('leave.ui.requestTitle')}
      okText={t('leave.ui.submitRequest')}
      onOk={submit}
      confirmLoading={create.isPending}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          startPart: 'full',
          endPart: 'full',
          difficultBirth: false,
          extraBabies: 0,
          laterChild: false,
          startDate: dayjs(`${props.month}-01`),
        }}
        requiredMark="optional"
      >
        <Space size={12} style={{ display: 'flex' }} align="start">
          <Form.Item
            name="personId"
            label={t('leave.ui.person')}
            rules={[{ required: true, message: t('validation.required') }]}
            style={{ width: 300 }}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={people.options}
              loading={people.loading}
              placeholder={t('leave.ui.pickPerson')}
            />
          </Form.Item>
          <Form.Item
            name="leaveTypeId"
            label={t('leave.ui.type')}
            rules={[{ required: true, message: t('validation.required') }]}
            style={{ width: 180 }}
          >
            <Select
              options={props.types.filter((ty) => !ty.archivedOn).map((ty) => ({ value: ty.id, label: ty.label }))}
              placeholder={t('leave.ui.pickType')}
            />
          </Form.Item>
        </Space>
        <Space size={12} style={{ display: 'flex' }} align="start">
          <Form.Item name="startDate" label={t('leave.ui.startDate')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="startPart" label={t('leave.ui.startPart')} required>
            <Select
              style={{ width: 120 }}
              options={(['full', 'pm'] as const).map((p) => ({ value: p, label: t(`leave.ui.startParts.${p}`) }))}
            />
          </Form.Item>
          <Form.Item name="endDate" label={t('leave.ui.endDate')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="endPart" label={t('leave.ui.endPart')} required>
            <Select
              style={{ width: 120 }}
              options={(['full', 'am'] as const).map((p) => ({ value: p, label: t(`leave.ui.endParts.${p}`) }))}
            />
          </Form.Item>
        </Space>
        {type?.code === 'maternity' && (
          <Space size={16}>
            <Form.Item name="difficultBirth" valuePropName="checked">
              <Checkbox>{t('leave.ui.difficultBirth')}</Checkbox>
            </Form.Item>
            <Form.Item name="laterChild" valuePropName="checked">
              <Checkbox>{t('leave.ui.laterChild')}</Checkbox>
            </Form.Item>
            <Form.Item name="extraBabies" label={t('leave.ui.extraBabies')}>
              <InputNumber min={0} max={5} />
            </Form.Item>
          </Space>
        )}
        <Space size={12} style={{ display: 'flex' }} align="start">
          <Form.Item name="reason" label={t('fields.reason')} style={{ width: 300 }}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="evidence"
            label={t('leave.ui.evidence')}
            style={{ width: 300 }}
            rules={type?.evidenceRequired ? [{ required: true, message: t('leave.ui.evidenceNeeded') }] : []}
            extra={type?.evidenceRequired ? t('leave.ui.evidenceHint') : undefined}
          >
            <Input maxLength={200} placeholder={type?.evidenceRequired ? t('leave.ui.evidencePlaceholder') : undefined} />
          </Form.Item>
        </Space>
      </Form>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 8 }} />}
      {draft === null ? (
        <div className="muted">{t('leave.ui.fillToCheck')}</div>
      ) : check.isFetching && !check.data ? (
        <Spin size="small" />
      ) : check.error ? (
        <Alert type="error" showIcon message={check.error.message} />
      ) : check.data ? (
        <ImpactView check={check.data} />
      ) : null}
    </Modal>
  );
}
