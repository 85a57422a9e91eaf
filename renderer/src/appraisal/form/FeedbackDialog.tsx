import { App, DatePicker, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { AppraisalDetail } from '../../../../main/appraisal/contract.ts';
import { useApiMutation } from '../../api/hooks.ts';
import { showErrorsOnForm } from '../../api/form-errors.ts';

/** APR-5: the feedback talk after consolidation — when, what was said and agreed, the person's view. */
export function FeedbackDialog({ detail, onClose }: { detail: AppraisalDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const record = useApiMutation('appraisal', 'recordFeedback', { silentErrors: true });
  const initial = detail.feedback;
  const submit = async () => {
    const v = (await form.validateFields()) as { heldOn: Dayjs; summary: string; actions?: string; personComment?: string };
    try {
      await record.mutateAsync({
        id: detail.id,
        feedback: {
          heldOn: v.heldOn.format('YYYY-MM-DD'),
          summary: v.summary,
          actions: v.actions ?? null,
          personComment: v.personComment ?? null,
        },
      });
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (!showErrorsOnForm(form, error, { 'feedback.heldOn': 'heldOn', 'feedback.summary': 'summary' }))
        void message.error((error as Error).message);
    }
  };
  return (
    <Modal
      open
      title={t('appraisal.form.feedbackTitle')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={record.isPending}
      okButtonProps={{ 'data-testid': 'feedback-save' }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          heldOn: initial ? dayjs(initial.heldOn) : dayjs(),
          summary: initial?.summary,
          actions: initial?.actions ?? undefined,
          personComment: initial?.personComment ?? undefined,
        }}
      >
        <Form.Item name="heldOn" label={t('appraisal.feedback.heldOn')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="summary" label={t('appraisal.feedback.summary')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="feedback-summary" />
        </Form.Item>
        <Form.Item name="actions" label={t('appraisal.form.actions')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="personComment" label={t('appraisal.form.personComment')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One step back with a reason (APR-5), e.g. when an imported figure was wrong. */
export function ReturnDialog({ detail, onClose }: { detail: AppraisalDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const back = useApiMutation('appraisal', 'returnStep', {
    onSuccess: () => {
      void message.success(t('appraisal.form.returned'));
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('appraisal.form.return')}
      onCancel={onClose}
      confirmLoading={back.isPending}
      onOk={async () => {
        const { reason } = (await form.validateFields()) as { reason: string };
        back.mutate({ id: detail.id, reason });
      }}
    >
      <p>{t('appraisal.form.returnBody', { state: t(`appraisal.states.${detail.state}`) })}</p>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('fields.reason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
