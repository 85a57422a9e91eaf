import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Table,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { ViolationType } from '../../../../main/discipline/contract.ts';
import { sanctionKinds, type SanctionKind } from '../../../../main/discipline/vocabulary.ts';
import { takesAmount } from '../../../../main/discipline/rules/catalogue.ts';
import { useApi } from '../../api/hooks.ts';
import { VirtualTable, type Column } from '../../shell/VirtualTable.tsx';
import { RowMenu } from '../../shell/RowMenu.tsx';
import { toFen, violationName, yuan } from '../format.ts';
import { useSubmit, useWrite } from '../useWrite.ts';

type Dialog = { kind: 'edit'; entry: ViolationType | null } | { kind: 'history' | 'archive'; entry: ViolationType } | null;

/** DIS-3: the violation catalogue — each entry versioned with the published rule it comes from. */
export function CatalogueTab() {
  const { t, i18n } = useTranslation();
  const [archived, setArchived] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const catalogue = useApi('discipline', 'catalogue', { includeArchived: archived });
  const columns: Column<ViolationType>[] = [
    { key: 'code', title: t('discipline.fields.code'), width: 84, render: (v) => <b>{v.code}</b> },
    {
      key: 'name',
      title: t('discipline.fields.violation'),
      width: 280,
      render: (v) => (
        <span className="dis-ellipsis" title={violationName(v, i18n.language)}>
          {violationName(v, i18n.language)}
        </span>
      ),
    },
    {
      key: 'sanction',
      title: t('discipline.ui.catalogue.defaultSanction'),
      width: 130,
      render: (v) => t(`discipline.sanctionKinds.${v.defaultSanction}`),
    },
    {
      key: 'amount',
      title: t('discipline.ui.catalogue.defaultAmount'),
      width: 124,
      align: 'right',
      render: (v) => yuan(v.defaultAmountFen),
    },
    {
      key: 'rule',
      title: t('discipline.ui.catalogue.rule'),
      width: 220,
      render: (v) => (
        <span className="dis-ellipsis" title={`${v.rule.title} ${v.rule.version}`}>
          {t('common.ruleTitle', { title: v.rule.title })}{v.rule.version} · {t('discipline.ui.catalogue.published', { date: v.rule.publishedOn })}
        </span>
      ),
    },
    { key: 'version', title: t('discipline.ui.catalogue.version'), width: 72, render: (v) => `v${v.version}` },
    {
      key: 'status',
      title: t('discipline.fields.status'),
      width: 100,
      render: (v) =>
        v.archivedOn ? <span className="pill pill-grey">{t('discipline.ui.catalogue.archivedOn', { date: v.archivedOn })}</span> : null,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 92,
      pinned: true,
      render: (v) => (
        <>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', entry: v })}>
            {t('common.edit')}
          </Button>
          <RowMenu
            label={`${v.code} ${t('common.actions')}`}
            items={[
              { key: 'history', label: t('discipline.ui.catalogue.versions') },
              { key: 'archive', label: t('discipline.ui.catalogue.archive'), disabled: v.archivedOn !== null, danger: true },
            ]}
            onPick={(key) => setDialog({ kind: key as 'history' | 'archive', entry: v })}
          />
        </>
      ),
    },
  ];
  return (
    <div className="dis-panel" data-testid="discipline-catalogue">
      <div className="dis-toolbar">
        <Typography.Text type="secondary">{t('discipline.ui.catalogue.intro')}</Typography.Text>
        <div className="dis-spacer" />
        <Checkbox checked={archived} onChange={(e) => setArchived(e.target.checked)}>
          {t('discipline.ui.catalogue.showArchived')}
        </Checkbox>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'edit', entry: null })}>
          {t('discipline.ui.catalogue.add')}
        </Button>
      </div>
      {catalogue.error && <Alert type="error" showIcon message={catalogue.error.message} />}
      <div style={{ flex: 1, minHeight: 0 }}>
        <VirtualTable<ViolationType>
          testId="catalogue-table"
          rows={catalogue.data ?? []}
          columns={columns}
          rowKey={(v) => v.code}
          rowClassName={(v) => (v.archivedOn ? 'banzu-left-row' : '')}
          empty={catalogue.isPending ? null : <Empty description={t('discipline.ui.catalogue.empty')} />}
        />
      </div>
      {dialog?.kind === 'edit' && <EntryDialog entry={dialog.entry} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'history' && <VersionsDrawer code={dialog.entry.code} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'archive' && <ArchiveDialog entry={dialog.entry} onClose={() => setDialog(null)} />}
    </div>
  );
}

interface EntryValues {
  code: string;
  nameZh: string;
  nameEn: string;
  defaultSanction: SanctionKind;
  amount: number | null;
  basis: 'existing' | 'new';
  ruleDocumentId?: number;
  ruleTitle?: string;
  ruleVersion?: string;
  publishedOn?: Dayjs;
}

/** A new code or a new version of one, tied to a published rule version (LAW: binding from its publication). */
function EntryDialog({ entry, onClose }: { entry: ViolationType | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useWrite();
  const rules = useApi('settings', 'rules', {});
  const [form] = Form.useForm<EntryValues>();
  const { busy, run } = useSubmit(form, {
    defaultAmountFen: 'amount',
    'newRule.title': 'ruleTitle',
    'newRule.version': 'ruleVersion',
    'newRule.publishedOn': 'publishedOn',
  });
  const basis = Form.useWatch('basis', form) ?? 'existing';
  const sanction = Form.useWatch('defaultSanction', form) ?? entry?.defaultSanction ?? 'warning';
  const companyRules = (rules.data ?? []).filter((r) => r.code.startsWith('company') || r.code.startsWith('custom'));
  const submit = (v: EntryValues) =>
    run(async () => {
      await write('saveViolationType', {
        code: v.code,
        nameZh: v.nameZh,
        nameEn: v.nameEn,
        defaultSanction: v.defaultSanction,
        defaultAmountFen: takesAmount(v.defaultSanction) ? toFen(v.amount) : null,
        ...(v.basis === 'new'
          ? { newRule: { title: v.ruleTitle ?? '', version: v.ruleVersion ?? '', publishedOn: v.publishedOn?.format('YYYY-MM-DD') ?? '' } }
          : { ruleDocumentId: v.ruleDocumentId }),
      });
      void message.success(t('discipline.ui.catalogue.saved', { code: v.code }));
      onClose();
    });
  return (
    <Modal
      open
      width={600}
      title={entry ? t('discipline.ui.catalogue.editTitle', { code: entry.code }) : t('discipline.ui.catalogue.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      {entry && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('discipline.ui.catalogue.versionHint', { version: entry.version + 1 })}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          code: entry?.code ?? '',
          nameZh: entry?.nameZh ?? '',
          nameEn: entry?.nameEn ?? '',
          defaultSanction: entry?.defaultSanction ?? 'warning',
          amount: entry?.defaultAmountFen === null || entry === null ? null : entry.defaultAmountFen / 100,
          basis: 'existing',
          ruleDocumentId: entry?.rule.id,
        }}
        onFinish={submit}
      >
        <Form.Item
          name="code"
          label={t('discipline.fields.code')}
          extra={t('discipline.ui.catalogue.codeHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input disabled={entry !== null} maxLength={12} />
        </Form.Item>
        <Form.Item
          name="nameZh"
          label={t('discipline.ui.catalogue.nameZh')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('discipline.ui.catalogue.nameEn')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={120} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="defaultSanction" label={t('discipline.ui.catalogue.defaultSanction')} style={{ flex: 1 }}>
            <Select options={sanctionKinds.map((k) => ({ value: k, label: t(`discipline.sanctionKinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="amount" label={t('discipline.ui.catalogue.defaultAmount')} style={{ flex: 1 }}>
            <InputNumber style={{ width: '100%' }} min={0} precision={2} disabled={!takesAmount(sanction)} />
          </Form.Item>
        </div>
        <Form.Item name="basis" label={t('discipline.ui.catalogue.rule')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'existing', label: t('discipline.ui.catalogue.existingRule') },
              { value: 'new', label: t('discipline.ui.catalogue.newRule') },
            ]}
          />
        </Form.Item>
        {basis === 'existing' ? (
          <Form.Item name="ruleDocumentId" rules={[{ required: true, message: t('validation.required') }]}>
            <Select
              aria-label={t('discipline.ui.catalogue.rule')}
              options={companyRules.map((r) => ({
                value: r.id,
                label: `${t('common.ruleTitle', { title: r.title })}${r.version} · ${t('discipline.ui.catalogue.published', { date: r.publishedOn })}`,
              }))}
            />
          </Form.Item>
        ) : (
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item
              name="ruleTitle"
              label={t('fields.title')}
              style={{ flex: 2 }}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Select options={[...new Set(companyRules.map((r) => r.title))].map((title) => ({ value: title, label: title }))} />
            </Form.Item>
            <Form.Item
              name="ruleVersion"
              label={t('fields.version')}
              style={{ flex: 1 }}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item
              name="publishedOn"
              label={t('fields.publishedOn')}
              style={{ flex: 1 }}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </div>
        )}
        <Typography.Text type="secondary">{t('discipline.ui.catalogue.lawHint')}</Typography.Text>
      </Form>
    </Modal>
  );
}

function VersionsDrawer({ code, onClose }: { code: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const history = useApi('discipline', 'catalogueHistory', { code });
  return (
    <Drawer open width={620} title={t('discipline.ui.catalogue.versionsTitle', { code })} onClose={onClose}>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        loading={history.isPending}
        dataSource={history.data ?? []}
        columns={[
          { title: t('discipline.ui.catalogue.version'), dataIndex: 'version', width: 60, render: (v: number) => `v${v}` },
          { title: t('discipline.fields.violation'), render: (_: unknown, v: ViolationType) => violationName(v, i18n.language) },
          {
            title: t('discipline.ui.catalogue.defaultSanction'),
            render: (_: unknown, v: ViolationType) => `${t(`discipline.sanctionKinds.${v.defaultSanction}`)} ${yuan(v.defaultAmountFen)}`,
          },
          {
            title: t('discipline.ui.catalogue.rule'),
            render: (_: unknown, v: ViolationType) => `${v.rule.version} · ${v.rule.publishedOn}`,
          },
        ]}
      />
    </Drawer>
  );
}

function ArchiveDialog({ entry, onClose }: { entry: ViolationType; onClose: () => void }) {
  const { t } = useTranslation();
  const write = useWrite();
  const [date, setDate] = useState<Dayjs>(dayjs());
  const { busy, run } = useSubmit();
  const archive = () =>
    run(async () => {
      await write('archiveViolationType', { code: entry.code, archivedOn: date.format('YYYY-MM-DD') });
      onClose();
    });
  return (
    <Modal
      open
      title={t('discipline.ui.catalogue.archiveTitle', { code: entry.code })}
      onCancel={onClose}
      onOk={archive}
      okButtonProps={{ danger: true }}
      okText={t('discipline.ui.catalogue.archive')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
    >
      <Typography.Paragraph type="secondary">{t('discipline.ui.catalogue.archiveHint')}</Typography.Paragraph>
      <DatePicker value={date} allowClear={false} onChange={(v) => v && setDate(v)} aria-label={t('fields.archivedOn')} />
    </Modal>
  );
}
