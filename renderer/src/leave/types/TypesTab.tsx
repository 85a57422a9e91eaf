import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { LeaveType } from '../../../../main/leave/contract.ts';
import { entitlements, isDefaultLeaveCode, type Entitlement } from '../../../../main/leave/vocabulary.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { showErrorsOnForm } from '../../api/form-errors.ts';

interface Values {
  name: string;
  paid: boolean;
  evidenceRequired: boolean;
  entitlement: Entitlement;
  yearlyCapDays: number | null;
  allowOverBalance: boolean;
  countsCalendarDays: boolean;
  archived: boolean;
}

function TypeDialog({ type, onClose }: { type: LeaveType | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation('leave', 'saveType', { invalidates: ['leave'], silentErrors: true });
  const [failure, setFailure] = useState<string | null>(null);
  const builtIn = type !== null && isDefaultLeaveCode(type.code);
  const entitlement = Form.useWatch('entitlement', form);
  return (
    <Modal
      open
      title={type ? t('leave.ui.editType', { name: type.label }) : t('leave.ui.newType')}
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={async () => {
        const v = await form.validateFields();
        setFailure(null);
        try {
          await save.mutateAsync({ ...v, id: type?.id, yearlyCapDays: v.yearlyCapDays ?? null });
          onClose();
        } catch (error) {
          if (!showErrorsOnForm(form, error)) setFailure((error as Error).message);
        }
      }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          type
            ? { ...type, archived: type.archivedOn !== null }
            : {
                paid: true,
                evidenceRequired: false,
                entitlement: 'cap',
                yearlyCapDays: 5,
                allowOverBalance: false,
                countsCalendarDays: false,
                archived: false,
              }
        }
      >
        <Form.Item name="name" label={t('fields.title')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="entitlement" label={t('leave.ui.entitlement')} extra={builtIn ? t('leave.ui.builtInRule') : undefined}>
          <Select disabled={builtIn} options={entitlements.map((e) => ({ value: e, label: t(`leave.entitlements.${e}`) }))} />
        </Form.Item>
        {(entitlement === 'cap' || entitlement === 'event') && !builtIn && (
          <Form.Item name="yearlyCapDays" label={entitlement === 'cap' ? t('leave.ui.yearlyCap') : t('leave.ui.perOccasion')}>
            <InputNumber min={0} max={366} step={0.5} />
          </Form.Item>
        )}
        <Form.Item name="paid" valuePropName="checked">
          <Checkbox>{t('leave.ui.paid')}</Checkbox>
        </Form.Item>
        <Form.Item name="evidenceRequired" valuePropName="checked">
          <Checkbox>{t('leave.ui.evidenceRequired')}</Checkbox>
        </Form.Item>
        <Form.Item name="allowOverBalance" valuePropName="checked">
          <Checkbox>{t('leave.ui.allowOverBalance')}</Checkbox>
        </Form.Item>
        <Form.Item name="countsCalendarDays" valuePropName="checked">
          <Checkbox>{t('leave.ui.countsCalendarDays')}</Checkbox>
        </Form.Item>
        <Form.Item name="archived" valuePropName="checked">
          <Checkbox>{t('leave.ui.archived')}</Checkbox>
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon message={failure} />}
    </Modal>
  );
}

/** 假别: the kinds of leave, what each is worth and how it is reckoned (LEV-1…4). */
export function TypesTab({ types }: { types: LeaveType[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<LeaveType | null | 'new'>(null);
  const settings = useApi('settings', 'list', {});
  const province = settings.data?.find((s) => s.key === 'leave.province')?.current.value as string | undefined;
  const yes = (v: boolean) => (v ? <Tag color="green">{t('common.yes')}</Tag> : <span className="muted">{t('common.no')}</span>);
  const columns: TableColumnsType<LeaveType> = [
    { title: t('leave.ui.symbol'), dataIndex: 'symbol', width: 56, render: (s: string) => <Tag>{s}</Tag> },
    { title: t('fields.title'), dataIndex: 'label', width: 110 },
    { title: t('leave.ui.entitlement'), dataIndex: 'entitlement', width: 130, render: (e: Entitlement) => t(`leave.entitlements.${e}`) },
    {
      title: t('leave.ui.amount'),
      key: 'amount',
      width: 130,
      render: (_v, ty) =>
        ty.entitlement === 'event'
          ? ty.eventDays === 0
            ? t('leave.ui.noneNationally')
            : t('leave.ui.perOccasionDays', { days: ty.eventDays ?? ty.yearlyCapDays ?? 0 })
          : ty.entitlement === 'cap'
            ? t('leave.ui.capDays', { days: ty.capDays ?? 0 }) + (ty.yearlyCapDays === null ? t('leave.ui.fromSettings') : '')
            : '—',
    },
    { title: t('leave.ui.paid'), dataIndex: 'paid', width: 70, render: yes },
    { title: t('leave.ui.evidenceRequired'), dataIndex: 'evidenceRequired', width: 90, render: yes },
    { title: t('leave.ui.allowOverBalance'), dataIndex: 'allowOverBalance', width: 100, render: yes },
    { title: t('leave.ui.countsCalendarDays'), dataIndex: 'countsCalendarDays', width: 100, render: yes },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_v, ty) => (
        <>
          {ty.archivedOn && <Tag>{t('leave.ui.archived')}</Tag>}
          <Button type="link" size="small" onClick={() => setEditing(ty)}>
            {t('common.edit')}
          </Button>
        </>
      ),
    },
  ];
  return (
    <div className="area-panel" data-testid="leave-types">
      <div className="panel-toolbar">
        <Typography.Text type="secondary">
          {t('leave.ui.provinceNote', { province: province ? t(`provinces.${province}`) : '' })}{' '}
          <a onClick={() => navigate('/settings')}>{t('leave.ui.toSettings')}</a>
        </Typography.Text>
        <span className="spacer" />
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('leave.ui.newType')}
        </Button>
      </div>
      <Table<LeaveType> size="small" rowKey="id" columns={columns} dataSource={types} pagination={false} />
      {editing !== null && <TypeDialog type={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
