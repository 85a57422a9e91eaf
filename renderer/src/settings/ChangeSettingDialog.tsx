import { Modal, Form, InputNumber, Select, DatePicker, TimePicker, Input, Radio, Space, Typography, App } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { SettingView } from '../../../main/settings/contract.ts';
import { useApi, useApiMutation } from '../api/hooks.ts';
import { showErrorsOnForm } from '../api/form-errors.ts';
import { settingLabel, formatSettingValue, ruleLabel } from './RulesTab.tsx';

interface Values {
  value: number | number[] | string | Dayjs;
  source: 'existing' | 'new';
  ruleDocumentId?: number;
  ruleTitle?: string;
  ruleVersion?: string;
  rulePublished?: Dayjs;
  effectiveFrom: Dayjs;
  note?: string;
}

function ValueEditor({ setting }: { setting: SettingView }) {
  const { t } = useTranslation();
  const type = setting.type;
  if (type.kind === 'time') {
    return (
      <Form.Item name="value" label={t('fields.value')} rules={[{ required: true, message: t('validation.required') }]}>
        <TimePicker format="HH:mm" minuteStep={5} />
      </Form.Item>
    );
  }
  if (type.kind === 'choice') {
    return (
      <Form.Item name="value" label={t('fields.value')} rules={[{ required: true }]}>
        <Select options={type.options.map((o) => ({ value: o, label: t(`${type.labels}.${o}`) }))} />
      </Form.Item>
    );
  }
  const unit = t(`settings.units.${type.unit}`);
  if (type.kind === 'numbers') {
    const names = t(type.labels).split(' / ');
    return (
      <Form.Item label={t('common.withNote', { text: t('fields.value'), note: t(type.labels) })} required>
        <Space wrap>
          {Array.from({ length: type.count }, (_, i) => (
            <Form.Item key={i} name={['value', i]} noStyle rules={[{ required: true, message: t('validation.required') }]}>
              <InputNumber
                aria-label={names[i]}
                min={type.min}
                max={type.max}
                step={type.step}
                addonBefore={names[i]}
                addonAfter={unit}
                style={{ width: 190 }}
              />
            </Form.Item>
          ))}
        </Space>
      </Form.Item>
    );
  }
  return (
    <Form.Item name="value" label={t('fields.value')} rules={[{ required: true, message: t('validation.required') }]}>
      <InputNumber min={type.min} max={type.max} step={type.step} addonAfter={unit} style={{ width: 200 }} />
    </Form.Item>
  );
}

/**
 * A rule value changes only together with the published rule version that changes it: the
 * supervisor names that version (or records a new one) and the date it takes effect.
 */
export function ChangeSettingDialog({ setting, onClose }: { setting: SettingView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useApi('settings', 'rules', {});
  const change = useApiMutation('settings', 'change', { invalidates: ['settings'], silentErrors: true });
  const source = Form.useWatch('source', form) ?? 'existing';
  const current = setting.current.value;
  const initialValue =
    setting.type.kind === 'time' && typeof current === 'number' ? dayjs().startOf('day').add(current, 'minute') : current;

  const submit = async (v: Values) => {
    const value = dayjs.isDayjs(v.value) ? v.value.hour() * 60 + v.value.minute() : v.value;
    try {
      await change.mutateAsync({
        key: setting.key,
        value,
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        note: v.note || null,
        ...(v.source === 'new'
          ? {
              newRule: {
                title: v.ruleTitle ?? '',
                version: v.ruleVersion ?? '',
                publishedOn: (v.rulePublished ?? dayjs()).format('YYYY-MM-DD'),
              },
            }
          : { ruleDocumentId: v.ruleDocumentId }),
      });
      void message.success(t('settings.changed', { label: settingLabel(t, setting.key) }));
      onClose();
    } catch (error) {
      if (
        !showErrorsOnForm(form, error, {
          'newRule.version': 'ruleVersion',
          'newRule.title': 'ruleTitle',
          'newRule.publishedOn': 'rulePublished',
        })
      ) {
        void message.error((error as Error).message, 6);
      }
    }
  };

  return (
    <Modal
      open
      width={620}
      title={t('settings.changeTitle', { label: settingLabel(t, setting.key) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {settingLabel(t, setting.key, 'help')} · {t('common.labelled', { label: t('settings.current'), value: formatSettingValue(t, setting, current) })}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          value: initialValue,
          source: 'existing',
          ruleDocumentId: setting.current.rule.id,
          effectiveFrom: dayjs(),
          rulePublished: dayjs(),
        }}
      >
        <ValueEditor setting={setting} />
        <Form.Item name="source" label={t('settings.source')}>
          <Radio.Group
            options={[
              { value: 'existing', label: t('settings.existingRule') },
              { value: 'new', label: t('settings.newRule') },
            ]}
          />
        </Form.Item>
        {source === 'existing' ? (
          <Form.Item name="ruleDocumentId" rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={(rules.data ?? []).map((r) => ({ value: r.id, label: ruleLabel(t, r) }))} />
          </Form.Item>
        ) : (
          <Space align="start" wrap>
            <Form.Item name="ruleTitle" label={t('settings.ruleTitle')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name="ruleVersion" label={t('settings.ruleVersion')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input style={{ width: 110 }} />
            </Form.Item>
            <Form.Item
              name="rulePublished"
              label={t('settings.rulePublished')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DatePicker />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="effectiveFrom" label={t('fields.effectiveFrom')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('fields.note')}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
