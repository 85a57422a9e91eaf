import { Modal, Form, Select, DatePicker, App } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { Person } from '../../../main/people/contract.ts';
import { useApi, useApiMutation } from '../api/hooks.ts';
import { showErrorsOnForm } from '../api/form-errors.ts';

/** Moves a person to another group from a date; the old membership is kept as history. */
export function MoveDialog({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ groupId: number; fromDate: Dayjs }>();
  const org = useApi('people', 'org', {});
  const move = useApiMutation('people', 'move', { invalidates: ['people', 'system'], silentErrors: true });
  const submit = async (v: { groupId: number; fromDate: Dayjs }) => {
    try {
      const moved = await move.mutateAsync({ id: person.id, groupId: v.groupId, fromDate: v.fromDate.format('YYYY-MM-DD') });
      void message.success(t('people.moved', { name: moved.name, group: moved.groupName }));
      onClose();
    } catch (error) {
      if (!showErrorsOnForm(form, error)) void message.error((error as Error).message, 6);
    }
  };
  return (
    <Modal
      open
      title={t('people.moveTitle', { name: person.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ fromDate: dayjs() }} onFinish={submit}>
        <Form.Item name="groupId" label={t('fields.group')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            autoFocus
            options={(org.data?.groups ?? [])
              .filter((g) => !g.archivedOn && g.id !== person.groupId)
              .map((g) => ({ value: g.id, label: g.name }))}
          />
        </Form.Item>
        <Form.Item name="fromDate" label={t('fields.fromDate')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
