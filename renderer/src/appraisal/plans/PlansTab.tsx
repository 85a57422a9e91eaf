import { useState } from 'react';
import { App, DatePicker, Empty, Form, Input, Modal, Radio, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { planView } from '../../../../main/appraisal/contract.ts';
import { planStatuses, type PlanStatus } from '../../../../main/appraisal/vocabulary.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { showErrorsOnForm } from '../../api/form-errors.ts';
import { score } from '../format.ts';

type Plan = z.infer<typeof planView>;

/** APR-8: improvement plans opened by 不合格 results, and the HR flag list of two in a row. */
export function PlansTab() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<PlanStatus | 'all'>('open');
  const plans = useApi('appraisal', 'plans', status === 'all' ? {} : { status });
  const flags = useApi('appraisal', 'flags', {});
  const [editing, setEditing] = useState<Plan | null>(null);
  return (
    <div className="apr-panel" data-testid="appraisal-plans">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('appraisal.plans.flagsTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('appraisal.plans.flagsBody')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={flags.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appraisal.plans.noFlags')} /> }}
        columns={[
          { title: t('fields.employeeNo'), dataIndex: 'employeeNo', width: 100 },
          { title: t('fields.name'), dataIndex: 'personName', width: 100 },
          {
            title: t('appraisal.plans.periods'),
            render: (_v, f) => f.periods.map((p, i) => t('common.withNote', { text: p, note: score(f.totals[i] ?? null) })).join(' → '),
          },
          { title: t('appraisal.plans.raisedAt'), render: (_v, f) => f.raisedAt.slice(0, 10), width: 110 },
          { title: t('fields.status'), render: (_v, f) => t(`appraisal.hrFlagStatuses.${f.status}`), width: 90 },
        ]}
      />
      <div className="apr-toolbar" style={{ marginTop: 20 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('appraisal.plans.title')}
        </Typography.Title>
        <Radio.Group
          size="small"
          value={status}
          onChange={(e) => setStatus(e.target.value as PlanStatus | 'all')}
          options={[
            ...planStatuses.map((s) => ({ value: s, label: t(`appraisal.planStatuses.${s}`) })),
            { value: 'all', label: t('common.all') },
          ]}
          optionType="button"
        />
      </div>
      <Table
        size="small"
        rowKey="id"
        pagination={{ pageSize: 20, size: 'small' }}
        dataSource={plans.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appraisal.plans.empty')} /> }}
        columns={[
          { title: t('appraisal.page.period'), dataIndex: 'period', width: 90 },
          { title: t('fields.employeeNo'), dataIndex: 'employeeNo', width: 90 },
          { title: t('fields.name'), dataIndex: 'personName', width: 90 },
          { title: t('fields.group'), dataIndex: 'groupName', width: 80 },
          { title: t('appraisal.board.total'), render: (_v, p) => score(p.total), align: 'right', width: 70 },
          { title: t('appraisal.plans.goals'), dataIndex: 'goals', ellipsis: true },
          { title: t('fields.status'), render: (_v, p) => t(`appraisal.planStatuses.${p.status}`), width: 90 },
          { title: t('appraisal.plans.closedOn'), dataIndex: 'closedOn', width: 110 },
          {
            title: t('common.actions'),
            width: 80,
            render: (_v, p) =>
              p.status === 'open' && (
                <button type="button" className="apr-link" onClick={() => setEditing(p)}>
                  {t('common.edit')}
                </button>
              ),
          },
        ]}
      />
      {editing && <PlanDialog plan={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function PlanDialog({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const update = useApiMutation('appraisal', 'updatePlan', { silentErrors: true });
  const status = Form.useWatch('status', form) as PlanStatus | undefined;
  const submit = async () => {
    const v = (await form.validateFields()) as { goals?: string; status: PlanStatus; closedOn?: Dayjs; outcome?: string };
    try {
      await update.mutateAsync({
        id: plan.id,
        goals: v.goals ?? null,
        status: v.status,
        closedOn: v.status === 'open' ? null : (v.closedOn?.format('YYYY-MM-DD') ?? null),
        outcome: v.outcome ?? null,
      });
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (!showErrorsOnForm(form, error)) void message.error((error as Error).message);
    }
  };
  return (
    <Modal
      open
      title={t('appraisal.plans.edit', { name: plan.personName, period: plan.period })}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={update.isPending}
    >
      <Form form={form} layout="vertical" initialValues={{ goals: plan.goals ?? undefined, status: plan.status, closedOn: dayjs() }}>
        <Form.Item name="goals" label={t('appraisal.plans.goals')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="status" label={t('fields.status')}>
          <Radio.Group options={planStatuses.map((s) => ({ value: s, label: t(`appraisal.planStatuses.${s}`) }))} />
        </Form.Item>
        {status !== 'open' && (
          <>
            <Form.Item name="closedOn" label={t('appraisal.plans.closedOn')} rules={[{ required: true }]}>
              <DatePicker allowClear={false} />
            </Form.Item>
            <Form.Item name="outcome" label={t('appraisal.plans.outcome')}>
              <Input maxLength={500} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
