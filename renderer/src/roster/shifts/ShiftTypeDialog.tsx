import { useState } from 'react';
import { App, Checkbox, Col, ColorPicker, Form, Input, InputNumber, Modal, Row, TimePicker, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { ShiftType } from '../../../../main/roster/contract.ts';
import { functions } from '../../../../main/people/vocabulary.ts';
import { useApiMutation } from '../../api/hooks.ts';
import { showErrorsOnForm } from '../../api/form-errors.ts';
import { shiftLength } from '../../../../main/roster/rules/time.ts';
import { shiftTypeProblems } from '../../../../main/roster/rules/index.ts';

interface Values {
  code: string;
  name: string;
  color: string;
  start: Dayjs;
  end: Dayjs;
  paidMinutes: number;
  breakMinutes: number;
  functions: string[];
}

const presetColors = ['#1677ff', '#fa8c16', '#722ed1', '#13c2c2', '#52c41a', '#eb2f96', '#faad14', '#2f54eb', '#595959'];
const minuteOf = (d: Dayjs) => d.hour() * 60 + d.minute();
const timeOf = (minute: number) => dayjs().startOf('day').add(minute, 'minute');

/** Add or edit a shift type (ROS-3); an end at or before the start is on the next day (次日). */
export function ShiftTypeDialog({ shift, usedColors, onClose }: { shift?: ShiftType; usedColors: string[]; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation('roster', 'saveShiftType', { invalidates: ['roster'], silentErrors: true });
  // Paid time follows length minus break until the user types a figure of their own.
  const [paidTouched, setPaidTouched] = useState(Boolean(shift));
  const start = Form.useWatch('start', form);
  const end = Form.useWatch('end', form);
  const crossesMidnight = start && end && minuteOf(end) <= minuteOf(start);

  const initialValues: Partial<Values> = shift
    ? {
        ...shift,
        start: timeOf(shift.startMinute),
        end: timeOf(shift.endMinute),
        functions: shift.functions ?? [],
      }
    : {
        color: presetColors.find((c) => !usedColors.includes(c)) ?? presetColors[0],
        start: timeOf(9 * 60),
        end: timeOf(17 * 60),
        breakMinutes: 60,
        paidMinutes: 420,
        functions: [],
      };

  const syncPaid = () => {
    if (paidTouched) return;
    const v = form.getFieldsValue();
    if (v.start && v.end)
      form.setFieldValue('paidMinutes', Math.max(0, shiftLength(minuteOf(v.start), minuteOf(v.end)) - (v.breakMinutes ?? 0)));
  };

  const submit = async (v: Values) => {
    // The same consistency rules main applies (ROS-3), shown under their fields before a round trip.
    const times = { startMinute: minuteOf(v.start), endMinute: minuteOf(v.end), paidMinutes: v.paidMinutes, breakMinutes: v.breakMinutes };
    const problems = shiftTypeProblems(times);
    if (problems.length > 0) {
      form.setFields(problems.map((p) => ({ name: p.path === 'endMinute' ? 'end' : p.path, errors: [t(p.key, p.params ?? {})] })));
      return;
    }
    try {
      const saved = await save.mutateAsync({
        ...(shift ? { id: shift.id } : {}),
        code: v.code.trim().toUpperCase(),
        name: v.name,
        color: typeof v.color === 'string' ? v.color : (v.color as { toHexString(): string }).toHexString(),
        startMinute: minuteOf(v.start),
        endMinute: minuteOf(v.end),
        paidMinutes: v.paidMinutes,
        breakMinutes: v.breakMinutes,
        functions: v.functions.length === 0 ? null : (v.functions as ShiftType['functions']),
      });
      void message.success(t('roster.shiftsTab.saved', { name: saved.name }));
      onClose();
    } catch (error) {
      if (!showErrorsOnForm(form, error, { startMinute: 'start', endMinute: 'end' })) void message.error((error as Error).message, 6);
    }
  };

  return (
    <Modal
      open
      width={560}
      title={shift ? t('roster.shiftsTab.editTitle', { name: shift.name }) : t('roster.shiftsTab.addTitle')}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit} requiredMark="optional" data-testid="shift-form">
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item
              name="code"
              label={t('roster.shiftsTab.code')}
              tooltip={t('roster.shiftsTab.codeHelp')}
              normalize={(v: string) => v.toUpperCase()}
              rules={[{ required: true, pattern: /^[A-Za-z]$/, message: t('roster.shiftsTab.codeRule') }]}
            >
              <Input maxLength={1} autoFocus />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="name"
              label={t('roster.shiftsTab.name')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="color"
              label={t('roster.shiftsTab.color')}
              getValueFromEvent={(c: { toHexString(): string }) => c.toHexString()}
            >
              <ColorPicker presets={[{ label: t('roster.shiftsTab.color'), colors: presetColors }]} disabledAlpha />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="start" label={t('roster.shiftsTab.start')} rules={[{ required: true, message: t('validation.required') }]}>
              <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} onChange={syncPaid} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="end"
              label={t('roster.shiftsTab.end')}
              rules={[{ required: true, message: t('validation.required') }]}
              extra={
                crossesMidnight ? <Typography.Text type="warning">{t('roster.shiftsTab.crossesMidnight')}</Typography.Text> : undefined
              }
            >
              <TimePicker
                format="HH:mm"
                minuteStep={5}
                needConfirm={false}
                style={{ width: '100%' }}
                onChange={syncPaid}
                prefix={crossesMidnight ? t('roster.shiftsTab.nextDay') : undefined}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="breakMinutes" label={t('roster.shiftsTab.breakMinutes')} rules={[{ required: true }]}>
              <InputNumber min={0} max={480} step={15} style={{ width: '100%' }} onChange={syncPaid} suffix={t('settings.units.minutes')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="paidMinutes"
              label={t('roster.shiftsTab.paidMinutes')}
              tooltip={t('roster.shiftsTab.paidHelp')}
              rules={[{ required: true }]}
            >
              <InputNumber
                min={0}
                max={1440}
                step={15}
                style={{ width: '100%' }}
                onChange={() => setPaidTouched(true)}
                suffix={t('settings.units.minutes')}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="functions" label={t('roster.shiftsTab.functions')} extra={t('roster.shiftsTab.functionsHelp')}>
              <Checkbox.Group options={functions.map((f) => ({ value: f, label: t(`functions.${f}`) }))} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
