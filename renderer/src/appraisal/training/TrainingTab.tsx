import { useMemo, useState } from 'react';
import { App, Button, DatePicker, Empty, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { TrainingView } from '../../../../main/appraisal/contract.ts';
import { trainingKinds, type TrainingKind } from '../../../../main/appraisal/vocabulary.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { showErrorsOnForm } from '../../api/form-errors.ts';
import { VirtualTable, type Column } from '../../shell/VirtualTable.tsx';

type Draft = { personId?: number; kind: TrainingKind; title?: string; retakeOf: number | null };

/** APR-9: training assessments with pass or fail; a failed one is retaken until passed. */
export function TrainingTab() {
  const { t } = useTranslation();
  const trainings = useApi('appraisal', 'trainings', {});
  const [draft, setDraft] = useState<Draft | null>(null);
  const [onlyPending, setOnlyPending] = useState(false);
  const rows = useMemo(() => (trainings.data ?? []).filter((r) => !onlyPending || r.pendingRetake), [trainings.data, onlyPending]);
  const columns: Column<TrainingView>[] = [
    {
      key: 'takenOn',
      title: t('appraisal.training.takenOn'),
      width: 104,
      render: (r) => r.takenOn,
      compare: (a, b) => a.takenOn.localeCompare(b.takenOn),
    },
    { key: 'employeeNo', title: t('fields.employeeNo'), width: 84, render: (r) => r.employeeNo },
    {
      key: 'name',
      title: t('fields.name'),
      width: 84,
      render: (r) => r.personName,
      compare: (a, b) => a.personName.localeCompare(b.personName, 'zh-CN'),
    },
    { key: 'kind', title: t('appraisal.training.kind'), width: 90, render: (r) => t(`appraisal.trainingKinds.${r.kind}`) },
    {
      key: 'title',
      title: t('appraisal.training.title'),
      width: 180,
      render: (r) => `${r.title}${r.retakeOf ? ` ${t('appraisal.training.retakeMark')}` : ''}`,
    },
    { key: 'score', title: t('appraisal.form.score'), width: 64, align: 'right', render: (r) => r.score ?? '' },
    {
      key: 'passed',
      title: t('appraisal.training.result'),
      width: 150,
      render: (r) => (
        <>
          <span className={r.passed ? 'pill pill-green' : 'pill apr-unqualified'}>
            {r.passed ? t('appraisal.training.passed') : t('appraisal.training.failed')}
          </span>
          {r.pendingRetake && <span className="pill apr-flag">{t('appraisal.training.retakeDue')}</span>}
        </>
      ),
    },
    {
      key: 'action',
      title: t('common.actions'),
      width: 90,
      render: (r) =>
        r.pendingRetake && (
          <button
            type="button"
            className="apr-link"
            onClick={() =>
              setDraft({ personId: r.personId, kind: r.kind, title: r.title, retakeOf: latestAttempt(trainings.data ?? [], r).id })
            }
          >
            {t('appraisal.training.retake')}
          </button>
        ),
    },
  ];
  return (
    <div className="apr-fill" data-testid="appraisal-training">
      <div className="apr-toolbar">
        <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setDraft({ kind: 'exam', retakeOf: null })}>
          {t('appraisal.training.add')}
        </Button>
        <span>
          <Switch size="small" checked={onlyPending} onChange={setOnlyPending} /> {t('appraisal.training.onlyPending')}
        </span>
      </div>
      <div style={{ flex: 1, minHeight: 0 }}>
        <VirtualTable<TrainingView>
          rows={rows}
          columns={columns}
          rowKey={(r) => r.id}
          defaultSort={{ key: 'takenOn', direction: -1 }}
          empty={trainings.isPending ? null : <Empty description={t('appraisal.training.empty')} />}
        />
      </div>
      {draft && <TrainingDialog draft={draft} onClose={() => setDraft(null)} />}
    </div>
  );
}

/** A failure may already have been retaken and failed again: the retake repeats the latest attempt. */
function latestAttempt(all: TrainingView[], failed: TrainingView): TrainingView {
  const next = all.find((a) => a.retakeOf === failed.id);
  return next ? latestAttempt(all, next) : failed;
}

function TrainingDialog({ draft, onClose }: { draft: Draft; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const people = useApi('people', 'list', { status: 'active' });
  const record = useApiMutation('appraisal', 'recordTraining', { silentErrors: true });
  const submit = async () => {
    const v = (await form.validateFields()) as {
      personId: number;
      kind: TrainingKind;
      title: string;
      takenOn: Dayjs;
      score?: number | null;
      passed: boolean;
      note?: string;
    };
    try {
      await record.mutateAsync({
        ...v,
        takenOn: v.takenOn.format('YYYY-MM-DD'),
        score: v.score ?? null,
        retakeOf: draft.retakeOf,
        note: v.note ?? null,
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
      title={draft.retakeOf ? t('appraisal.training.retakeTitle') : t('appraisal.training.add')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={record.isPending}
    >
      <Form form={form} layout="vertical" initialValues={{ ...draft, takenOn: dayjs(), passed: true }}>
        <Form.Item name="personId" label={t('fields.name')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            showSearch
            disabled={draft.retakeOf !== null}
            optionFilterProp="label"
            options={(people.data ?? [])
              .filter((p) => p.role === 'agent' || p.role === 'leader')
              .map((p) => ({ value: p.id, label: `${p.name} ${p.employeeNo}` }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('appraisal.training.kind')}>
          <Radio.Group options={trainingKinds.map((k) => ({ value: k, label: t(`appraisal.trainingKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('appraisal.training.title')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="takenOn" label={t('appraisal.training.takenOn')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="score" label={t('appraisal.form.score')}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="passed" label={t('appraisal.training.result')}>
          <Radio.Group
            options={[
              { value: true, label: t('appraisal.training.passed') },
              { value: false, label: t('appraisal.training.failed') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('fields.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
