import type { ReactNode } from 'react';
import { Modal, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSubmit } from './useWrite.ts';

export type DialogValues = { text: string; choice: string } & Record<string, unknown>;

/**
 * A short dialog asking for a reason or a note (appeal, void, decision); an optional choice above
 * it (uphold or void, approve or reject). The text field is called `text` on the form; `extra` may add
 * more fields, passed along with it.
 */
export function ReasonDialog(props: {
  title: string;
  label: string;
  okText?: string;
  danger?: boolean;
  required?: boolean;
  maxLength?: number;
  intro?: ReactNode;
  choice?: { label: string; options: Array<{ value: string; label: string }>; initial: string };
  extra?: ReactNode;
  fieldMap?: Record<string, string>;
  onSubmit: (values: DialogValues) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DialogValues>();
  const { busy, run } = useSubmit(form, props.fieldMap ?? { reason: 'text', note: 'text' }, 6);
  const submit = (values: DialogValues) =>
    run(async () => {
      await props.onSubmit({ ...values, text: values.text ?? '' });
      props.onClose();
    });
  return (
    <Modal
      open
      title={props.title}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={props.okText ?? t('common.confirm')}
      okButtonProps={{ danger: props.danger }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      {props.intro}
      <Form form={form} layout="vertical" initialValues={{ choice: props.choice?.initial }} onFinish={submit}>
        {props.choice && (
          <Form.Item name="choice" label={props.choice.label}>
            <Radio.Group options={props.choice.options} optionType="button" />
          </Form.Item>
        )}
        {props.extra}
        <Form.Item
          name="text"
          label={props.label}
          rules={props.required === false ? [] : [{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={3} maxLength={props.maxLength ?? 300} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Who decided (HR, leadership, the supervisor's superior), typed by the supervisor who records it: the dialog's `by` field. */
export function ByField({ label }: { label: string }) {
  return (
    <Form.Item name="by" label={label}>
      <Input maxLength={32} />
    </Form.Item>
  );
}
