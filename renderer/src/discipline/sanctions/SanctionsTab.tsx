import { useMemo, useState } from 'react';
import { Alert, Button, Empty, Input, Select, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SanctionView } from '../../../../main/discipline/contract.ts';
import { sanctionStatuses } from '../../../../main/discipline/vocabulary.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { saveFile } from '../../files/files.ts';
import { VirtualTable, type Column } from '../../shell/VirtualTable.tsx';
import { RowMenu } from '../../shell/RowMenu.tsx';
import { HistoryDrawer, type HistoryTarget } from '../../audit/HistoryDrawer.tsx';
import { MonthPicker } from '../MonthPicker.tsx';
import { ReasonDialog } from '../ReasonDialog.tsx';
import { monthRange } from '../../leave/dates.ts';
import { thisMonth, violationName, yuan } from '../format.ts';
import { sanctionNoticeRoute } from '../print/routes.ts';
import { QuickEntry } from './QuickEntry.tsx';
import { useWrite } from '../useWrite.ts';

type Dialog = { kind: 'appeal' | 'decide' | 'void'; sanction: SanctionView } | { kind: 'history'; target: HistoryTarget } | null;

const statusPill: Record<string, string> = { active: 'pill-blue', appealed: 'pill-orange', voided: 'pill-grey' };

/** DIS-1, DIS-5: the month's sanctions with the entry row above; appeal, decide, void, print. */
export function SanctionsTab({ onPerson }: { onPerson: (personId: number) => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [month, setMonth] = useState(thisMonth());
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<string | undefined>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useApi('discipline', 'sanctions', monthRange(month));
  const exportMonth = useApiMutation('discipline', 'exportMonth', { invalidates: [], onSuccess: saveFile });
  const write = useWrite();

  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (list.data ?? []).filter(
      (s) =>
        (!status || s.status === status) &&
        (!needle || `${s.personName} ${s.employeeNo} ${s.code} ${s.nameZh} ${s.nameEn}`.toLowerCase().includes(needle)),
    );
  }, [list.data, search, status]);

  const columns: Column<SanctionView>[] = [
    { key: 'date', title: t('discipline.fields.date'), width: 96, render: (s) => s.date, compare: (a, b) => a.date.localeCompare(b.date) },
    {
      key: 'person',
      title: t('fields.name'),
      width: 130,
      render: (s) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onPerson(s.personId)}>
          {s.personName} <span className="dis-muted">{s.employeeNo}</span>
        </Button>
      ),
      compare: (a, b) => a.personName.localeCompare(b.personName, 'zh-CN'),
    },
    { key: 'group', title: t('fields.group'), width: 70, render: (s) => s.groupName ?? '' },
    {
      key: 'violation',
      title: t('discipline.fields.violation'),
      width: 300,
      render: (s) => (
        <span className="dis-ellipsis" title={violationName(s, i18n.language)}>
          <b>{s.code}</b> {violationName(s, i18n.language)}
        </span>
      ),
      compare: (a, b) => a.code.localeCompare(b.code),
    },
    {
      key: 'sanction',
      title: t('discipline.fields.sanction'),
      width: 140,
      render: (s) => `${t(`discipline.sanctionKinds.${s.sanction}`)}${s.amountFen ? ` ${yuan(s.amountFen)}` : ''}`,
    },
    {
      key: 'status',
      title: t('discipline.fields.status'),
      width: 160,
      render: (s) => (
        <>
          <span className={`pill ${statusPill[s.status]}`}>{t(`discipline.sanctionStatuses.${s.status}`)}</span>
          {s.paidOn && (
            <span className="pill pill-green" style={{ marginLeft: 4 }}>
              {t('discipline.ui.paid')}
            </span>
          )}
        </>
      ),
    },
    { key: 'source', title: t('discipline.fields.source'), width: 84, render: (s) => t(`discipline.sources.${s.source}`) },
    {
      key: 'evidence',
      title: t('discipline.fields.evidence'),
      width: 220,
      render: (s) => (
        <span className="dis-ellipsis" title={s.voidReason ?? s.evidence ?? ''}>
          {s.status === 'voided' ? t('discipline.record.voidedFor', { reason: s.voidReason }) : (s.evidence ?? '')}
        </span>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 72,
      pinned: true,
      render: (s) => (
        <RowMenu
          label={`${s.personName} ${s.code} ${t('common.actions')}`}
          items={[
            { key: 'appeal', label: t('discipline.ui.sanctions.appeal'), disabled: s.status !== 'active' },
            { key: 'decide', label: t('discipline.ui.sanctions.decide'), disabled: s.status !== 'appealed' },
            { key: 'void', label: t('discipline.ui.sanctions.void'), disabled: s.status === 'voided', danger: true },
            { key: 'print', label: t('discipline.ui.sanctions.print') },
            { key: 'history', label: t('common.history') },
          ]}
          onPick={(key) => {
            if (key === 'print') navigate(sanctionNoticeRoute(s.id));
            else if (key === 'history')
              setDialog({ kind: 'history', target: { entity: 'sanction', entityId: s.id, title: `${s.personName} ${s.code}` } });
            else setDialog({ kind: key as 'appeal' | 'decide' | 'void', sanction: s });
          }}
        />
      ),
    },
  ];

  return (
    <div className="dis-panel" data-testid="discipline-sanctions">
      <QuickEntry />
      <div className="dis-toolbar">
        <MonthPicker month={month} onChange={setMonth} testId="sanctions-month" />
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t('discipline.ui.sanctions.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('discipline.fields.status')}
          value={status}
          onChange={setStatus}
          options={sanctionStatuses.map((s) => ({ value: s, label: t(`discipline.sanctionStatuses.${s}`) }))}
        />
        <div className="dis-spacer" />
        <Typography.Text type="secondary">{t('common.total', { count: rows.length })}</Typography.Text>
        <Button icon={<DownloadOutlined />} loading={exportMonth.isPending} onClick={() => exportMonth.mutate({ month })}>
          {t('discipline.ui.sanctions.export')}
        </Button>
      </div>
      {list.error && <Alert type="error" showIcon message={list.error.message} />}
      <div style={{ flex: 1, minHeight: 0 }}>
        <VirtualTable<SanctionView>
          testId="sanctions-table"
          label={t('discipline.ui.tabs.sanctions')}
          rows={rows}
          columns={columns}
          rowKey={(s) => s.id}
          rowClassName={(s) => (s.status === 'voided' ? 'dis-struck' : '')}
          empty={list.isPending ? null : <Empty description={t('discipline.ui.sanctions.empty', { month })} />}
        />
      </div>

      {dialog?.kind === 'appeal' && (
        <ReasonDialog
          title={t('discipline.ui.sanctions.appealTitle', { name: dialog.sanction.personName, code: dialog.sanction.code })}
          label={t('discipline.ui.sanctions.appealNote')}
          onSubmit={({ text }) => write('appealSanction', { id: dialog.sanction.id, note: text })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'decide' && (
        <ReasonDialog
          title={t('discipline.ui.sanctions.decideTitle', { name: dialog.sanction.personName, code: dialog.sanction.code })}
          intro={<Alert type="info" showIcon style={{ marginBottom: 12 }} message={dialog.sanction.appealNote} />}
          label={t('discipline.ui.sanctions.decisionReason')}
          choice={{
            label: t('discipline.ui.sanctions.decision'),
            initial: 'uphold',
            options: [
              { value: 'uphold', label: t('discipline.ui.sanctions.uphold') },
              { value: 'void', label: t('discipline.ui.sanctions.accept') },
            ],
          }}
          onSubmit={({ text, choice }) => write('decideAppeal', { id: dialog.sanction.id, uphold: choice === 'uphold', reason: text })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'void' && (
        <ReasonDialog
          danger
          title={t('discipline.ui.sanctions.voidTitle', { name: dialog.sanction.personName, code: dialog.sanction.code })}
          intro={<Typography.Paragraph type="secondary">{t('discipline.ui.sanctions.voidHint')}</Typography.Paragraph>}
          label={t('discipline.fields.voidReason')}
          okText={t('discipline.ui.sanctions.void')}
          onSubmit={({ text }) => write('voidSanction', { id: dialog.sanction.id, reason: text })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'history' && <HistoryDrawer target={dialog.target} onClose={() => setDialog(null)} />}
    </div>
  );
}
