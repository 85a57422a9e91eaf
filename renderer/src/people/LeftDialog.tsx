import { Modal, Form, DatePicker, Input, Typography, App } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { Person } from '../../../main/people/contract.ts';
import { useApiMutation } from '../api/hooks.ts';
import { showErrorsOnForm } from '../api/form-errors.ts';

/** ORG-3: marks a person as left on a date; nothing is deleted. */
export function LeftDialog({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ leftOn: Dayjs; reason: string }>();
  const markLeft = useApiMutation('people', 'markLeft', { invalidates: ['people', 'system'], silentErrors: true });
  const submit = async (v: { leftOn: Dayjs; reason: string }) => {
    try {
      await markLeft.mutateAsync({ id: person.id, leftOn: v.leftOn.format('YYYY-MM-DD'), reason: v.reason || null });
      void message.success(t('people.left', { name: person.name }));
      onClose();
    } catch (error) {
      if (!showErrorsOnForm(form, error)) void message.error((error as Error).message, 6);
    }
  };
  return (
    <Modal
      open
      title={t('people.markLeftTitle', { name: person.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={markLeft.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('people.markLeftHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ leftOn: dayjs() }} onFinish={submit}>
        <Form.Item name="leftOn" label={t('fields.leftOn')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('fields.reason')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
