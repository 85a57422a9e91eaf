import { useMemo, useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PunchView } from '../../../../main/attendance/contract.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { showErrorsOnForm } from '../../api/form-errors.ts';

/**
 * ATT-1: a punch entered by hand, or a correction (the old punch is voided and kept; a new time
 * replaces it, or none when it should not have been there). Every change has its reason.
 */
export function PunchDialog(props: {
  mode: 'add' | 'correct';
  punch?: PunchView;
  personId?: number;
  date?: string;
  groupId?: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ personId: number; at: string; reason: string }>();
  const people = useApi('people', 'list', { status: 'active' }, { enabled: props.mode === 'add' && props.personId === undefined });
  const add = useApiMutation('attendance', 'addPunch', { invalidates: ['attendance'], silentErrors: true });
  const correct = useApiMutation('attendance', 'correctPunch', { invalidates: ['attendance'], silentErrors: true });
  const [failure, setFailure] = useState<string | null>(null);
  const options = useMemo(
    () =>
      (people.data ?? [])
        .filter((p) => p.groupId !== null && (props.groupId == null || p.groupId === props.groupId))
        .map((p) => ({ value: p.id, label: t('common.withNote', { text: p.name, note: p.employeeNo }) })),
    [people.data, props.groupId, t],
  );
  return (
    <Modal
      open
      title={
        props.mode === 'add'
          ? t('attendance.ui.addPunchTitle')
          : t('attendance.ui.correctPunchTitle', { name: props.punch!.name, at: props.punch!.at })
      }
      onCancel={props.onClose}
      confirmLoading={add.isPending || correct.isPending}
      onOk={async () => {
        const v = await form.validateFields();
        setFailure(null);
        try {
          if (props.mode === 'add') await add.mutateAsync({ personId: props.personId ?? v.personId, at: v.at, reason: v.reason });
          else await correct.mutateAsync({ id: props.punch!.id, at: v.at?.trim() ? v.at : null, reason: v.reason });
          props.onClose();
        } catch (error) {
          if (!showErrorsOnForm(form, error)) setFailure((error as Error).message);
        }
      }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ at: props.punch ? props.punch.at.slice(0, 16) : props.date ? `${props.date} ` : '' }}
        requiredMark="optional"
      >
        {props.mode === 'add' && props.personId === undefined && (
          <Form.Item name="personId" label={t('leave.ui.person')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select showSearch optionFilterProp="label" options={options} />
          </Form.Item>
        )}
        <Form.Item
          name="at"
          label={props.mode === 'add' ? t('attendance.ui.punchTime') : t('attendance.ui.newTime')}
          rules={props.mode === 'add' ? [{ required: true, message: t('validation.required') }] : []}
          extra={props.mode === 'add' ? t('attendance.ui.timeFormat') : t('attendance.ui.voidHint')}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('fields.reason')}
          rules={[{ required: true, whitespace: true, message: t('attendance.ui.noteRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon message={failure} />}
    </Modal>
  );
}
