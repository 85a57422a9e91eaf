import { Modal, Form, Input, Select, DatePicker, InputNumber, Row, Col, Button, App } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { Person, Role, PersonFunction } from '../../../main/people/contract.ts';
import { roles, functions } from '../../../main/people/vocabulary.ts';
import { useApi, useApiMutation } from '../api/hooks.ts';
import { showErrorsOnForm } from '../api/form-errors.ts';

interface Values {
  employeeNo: string;
  name: string;
  groupId: number | null;
  role: Role;
  function: PersonFunction;
  hireDate: Dayjs;
  firstEmploymentDate: Dayjs;
  dailyWage: number | null;
  phone: string;
  note: string;
}

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Add or edit a person (ORG-3). Main validates; its answers land under the fields they concern. */
export function PersonDialog({
  person,
  defaultGroupId,
  onClose,
  onHistory,
}: {
  person?: Person;
  defaultGroupId?: number;
  onClose: () => void;
  onHistory?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const org = useApi('people', 'org', {});
  const options = { invalidates: ['people' as const, 'system' as const], silentErrors: true };
  const create = useApiMutation('people', 'create', options);
  const update = useApiMutation('people', 'update', options);

  const initialValues: Partial<Values> = person
    ? {
        ...person,
        hireDate: dayjs(person.hireDate),
        firstEmploymentDate: dayjs(person.firstEmploymentDate),
        dailyWage: person.dailyWageFen === null ? null : person.dailyWageFen / 100,
        phone: person.phone ?? '',
        note: person.note ?? '',
      }
    : { role: 'agent', function: 'service', groupId: defaultGroupId ?? null };

  const submit = async (v: Values) => {
    const fields = {
      employeeNo: v.employeeNo,
      name: v.name,
      role: v.role,
      function: v.function,
      hireDate: iso(v.hireDate),
      firstEmploymentDate: iso(v.firstEmploymentDate ?? v.hireDate),
      dailyWageFen: v.dailyWage === null || v.dailyWage === undefined ? null : Math.round(v.dailyWage * 100),
      phone: v.phone || null,
      note: v.note || null,
    };
    try {
      const saved = person
        ? await update.mutateAsync({ id: person.id, ...fields })
        : await create.mutateAsync({ ...fields, groupId: v.groupId ?? null });
      void message.success(t(person ? 'people.updated' : 'people.created', { name: saved.name }));
      onClose();
    } catch (error) {
      if (!showErrorsOnForm(form, error, { dailyWageFen: 'dailyWage' })) void message.error((error as Error).message, 6);
    }
  };

  const groupOptions = (org.data?.groups ?? [])
    .filter((g) => !g.archivedOn || g.id === person?.groupId)
    .map((g) => ({ value: g.id, label: g.name }));

  return (
    <Modal
      open
      width={640}
      title={person ? `${t('people.editPerson')} · ${person.name}` : t('people.addPerson')}
      onCancel={onClose}
      footer={[
        onHistory && (
          <Button key="history" onClick={onHistory} style={{ float: 'left' }}>
            {t('common.history')}
          </Button>
        ),
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="save" type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>,
      ]}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit} requiredMark="optional" data-testid="person-form">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="employeeNo"
              label={t('fields.employeeNo')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input autoFocus maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="name"
              label={t('fields.name')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input maxLength={32} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="groupId" label={t('fields.group')}>
              <Select allowClear disabled={Boolean(person)} options={groupOptions} placeholder={t('people.unassigned')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="role" label={t('fields.role')} rules={[{ required: true }]}>
              <Select options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="function" label={t('fields.function')} rules={[{ required: true }]}>
              <Select options={functions.map((f) => ({ value: f, label: t(`functions.${f}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="hireDate" label={t('fields.hireDate')} rules={[{ required: true, message: t('validation.required') }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="firstEmploymentDate"
              label={t('fields.firstEmploymentDate')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="dailyWage" label={t('fields.dailyWage')} extra={t('people.wageHint')}>
              <InputNumber style={{ width: '100%' }} min={0} precision={2} step={10} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t('fields.phone')}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label={t('fields.note')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
