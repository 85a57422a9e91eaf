import { useMemo, useState } from 'react';
import { Alert, Button, Empty, Space, Typography } from 'antd';
import { DownloadOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { FundEntryView, SanctionView } from '../../../../main/discipline/contract.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { saveFile } from '../../files/files.ts';
import { VirtualTable, type Column } from '../../shell/VirtualTable.tsx';
import { MonthPicker } from '../MonthPicker.tsx';
import { thisMonth, today, violationName, yuan } from '../format.ts';
import { CloseDialog, EntryDialog, PayDialog, type EntryDraft } from './FundDialogs.tsx';

type Dialog = { kind: 'entry'; draft: EntryDraft } | { kind: 'pay'; ids: number[]; totalFen: number } | { kind: 'close' } | null;

/** DIS-2: the 乐捐 fund's month — balances, a year's money in and out, movements, unpaid fines, the LAW check. */
export function FundTab() {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState(thisMonth());
  const [dialog, setDialog] = useState<Dialog>(null);
  const view = useApi('discipline', 'fundMonth', { month });
  const year = useApi('discipline', 'fundYear', { year: Number(month.slice(0, 4)) });
  const exportFund = useApiMutation('discipline', 'exportFund', { invalidates: [], onSuccess: saveFile });
  const v = view.data;
  const chart = useMemo(
    () =>
      (year.data?.months ?? []).map((m) => ({
        month: m.month.slice(5),
        in: m.inFen / 100,
        out: m.outFen / 100,
        closing: m.closingFen / 100,
      })),
    [year.data],
  );
  const closed = v?.status === 'closed';
  const unpaidFen = v ? v.unpaidFines.reduce((s, f) => s + (f.amountFen ?? 0), 0) : 0;
  const correctionDate = v ? (today().slice(0, 7) >= v.firstOpenMonth ? today() : `${v.firstOpenMonth}-01`) : today();

  const entryColumns: Column<FundEntryView>[] = [
    { key: 'date', title: t('discipline.fields.date'), width: 92, render: (e) => e.date },
    {
      key: 'kind',
      title: t('discipline.fields.entryKind'),
      width: 104,
      render: (e) => (
        <span className="dis-ellipsis" title={t(`discipline.fundKinds.${e.kind}`)}>
          {t(`discipline.fundKinds.${e.kind}`)}
        </span>
      ),
    },
    { key: 'who', title: t('fields.name'), width: 70, render: (e) => e.personName ?? '' },
    {
      key: 'amount',
      title: t('discipline.fields.amount'),
      width: 120,
      align: 'right',
      render: (e) => (
        <span className="dis-num" style={{ color: e.amountFen < 0 ? '#cf1322' : '#389e0d' }}>
          {yuan(e.amountFen)}
        </span>
      ),
    },
    {
      key: 'note',
      title: t('discipline.fields.note'),
      width: 100,
      render: (e) => (
        <span className="dis-ellipsis" title={e.note ?? ''}>
          {e.note ?? ''}
        </span>
      ),
    },
    {
      key: 'fix',
      title: '',
      width: 56,
      pinned: true,
      render: (e) =>
        closed ? (
          <Button
            size="small"
            type="link"
            onClick={() =>
              setDialog({
                kind: 'entry',
                draft: {
                  kind: 'adjustment',
                  date: correctionDate,
                  amountYuan: -e.amountFen / 100,
                  note: t('discipline.ui.fund.correctionNote', { month, date: e.date }),
                },
              })
            }
          >
            {t('discipline.ui.fund.correct')}
          </Button>
        ) : null,
    },
  ];
  const unpaidColumns: Column<SanctionView>[] = [
    { key: 'date', title: t('discipline.fields.date'), width: 92, render: (s) => s.date },
    { key: 'who', title: t('fields.name'), width: 70, render: (s) => s.personName },
    {
      key: 'violation',
      title: t('discipline.fields.violation'),
      width: 150,
      render: (s) => (
        <span className="dis-ellipsis" title={violationName(s, i18n.language)}>
          {s.code} {violationName(s, i18n.language)}
        </span>
      ),
    },
    {
      key: 'amount',
      title: t('discipline.fields.amount'),
      width: 120,
      align: 'right',
      render: (s) => <span className="dis-num">{yuan(s.amountFen)}</span>,
    },
    {
      key: 'pay',
      title: '',
      width: 76,
      pinned: true,
      render: (s) => (
        <Button size="small" type="link" onClick={() => setDialog({ kind: 'pay', ids: [s.id], totalFen: s.amountFen ?? 0 })}>
          {t('discipline.ui.fund.pay')}
        </Button>
      ),
    },
  ];

  return (
    <div className="dis-scroll" data-testid="discipline-fund">
      <div className="dis-toolbar">
        <MonthPicker month={month} onChange={setMonth} testId="fund-month" />
        {v && (
          <span className={`pill ${closed ? 'pill-grey' : 'pill-green'}`} data-testid="fund-status">
            {closed ? t('discipline.fund.closedBy', { by: v.closedBy, at: v.closedAt?.slice(0, 10) }) : t('discipline.fund.open')}
          </span>
        )}
        <div className="dis-spacer" />
        <Space>
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              setDialog({ kind: 'entry', draft: { kind: 'spending', date: closed ? correctionDate : today(), amountYuan: null, note: '' } })
            }
          >
            {t('discipline.ui.fund.newEntry')}
          </Button>
          <Button icon={<DownloadOutlined />} loading={exportFund.isPending} onClick={() => exportFund.mutate({ month })}>
            {t('discipline.ui.fund.export')}
          </Button>
          <Button
            type="primary"
            icon={<LockOutlined />}
            disabled={!v || closed || month > thisMonth()}
            onClick={() => setDialog({ kind: 'close' })}
          >
            {t('discipline.ui.fund.close')}
          </Button>
        </Space>
      </div>
      {view.error && <Alert type="error" showIcon message={view.error.message} />}
      {v && (
        <>
          <div className="dis-figures" data-testid="fund-figures">
            {(
              [
                ['opening', v.openingFen],
                ['in', v.inFen],
                ['out', v.outFen],
                ['closing', v.closingFen],
              ] as const
            ).map(([key, fen]) => (
              <div className="dis-figure" key={key}>
                <div className="label">{t(`discipline.fund.${key}`)}</div>
                <div className="value">{yuan(fen)}</div>
              </div>
            ))}
            <div className="dis-figure">
              <div className="label">{t('discipline.ui.fund.unpaid')}</div>
              <div className="value">{yuan(unpaidFen)}</div>
            </div>
          </div>
          {v.deductions.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('discipline.ui.fund.lawWarning')}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {v.deductions.slice(0, 6).map((d) => (
                    <li key={d.personId}>{d.message}</li>
                  ))}
                  {v.deductions.length > 6 && <li>{t('discipline.ui.fund.more', { count: v.deductions.length - 6 })}</li>}
                </ul>
              }
            />
          )}
          <div className="dis-section-title">{t('discipline.ui.fund.chartTitle', { year: month.slice(0, 4) })}</div>
          <div style={{ height: 200 }} data-testid="fund-chart">
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart data={chart} margin={{ top: 6, right: 12, bottom: 0, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#eef0f3" />
                <XAxis dataKey="month" tick={{ fontSize: 12 }} />
                <YAxis tick={{ fontSize: 12 }} width={56} />
                <Tooltip formatter={(value) => (typeof value === 'number' ? value.toFixed(2) : String(value))} />
                <Legend />
                <Bar dataKey="in" name={t('discipline.fund.in')} fill="#73d13d" />
                <Bar dataKey="out" name={t('discipline.fund.out')} fill="#ff7875" />
                <Line dataKey="closing" name={t('discipline.fund.closing')} stroke="#1f6feb" dot={false} />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
          <div className="dis-two">
            <div>
              <div className="dis-section-title">{t('discipline.ui.fund.entries', { count: v.entries.length })}</div>
              <VirtualTable<FundEntryView>
                testId="fund-entries"
                rows={v.entries}
                columns={entryColumns}
                rowKey={(e) => e.id}
                height={260}
                empty={<Empty description={t('discipline.ui.fund.noEntries')} />}
              />
            </div>
            <div>
              <div className="dis-section-title" style={{ display: 'flex', justifyContent: 'space-between' }}>
                <span>{t('discipline.ui.fund.unpaidList', { count: v.unpaidFines.length })}</span>
                {v.unpaidFines.length > 1 && !closed && (
                  <Button
                    size="small"
                    onClick={() =>
                      setDialog({
                        kind: 'pay',
                        ids: v.unpaidFines.map((s) => s.id),
                        totalFen: unpaidFen,
                      })
                    }
                  >
                    {t('discipline.ui.fund.payAll')}
                  </Button>
                )}
              </div>
              <VirtualTable<SanctionView>
                testId="fund-unpaid"
                rows={v.unpaidFines}
                columns={unpaidColumns}
                rowKey={(s) => s.id}
                height={260}
                empty={<Empty description={t('discipline.ui.fund.noUnpaid')} />}
              />
            </div>
          </div>
          {v.entries.length === 0 && v.unpaidFines.length === 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {t('discipline.ui.fund.emptyHint')}
            </Typography.Paragraph>
          )}
        </>
      )}
      {dialog?.kind === 'entry' && <EntryDialog draft={dialog.draft} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'pay' && <PayDialog ids={dialog.ids} totalFen={dialog.totalFen} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'close' && v && <CloseDialog view={v} onClose={() => setDialog(null)} />}
    </div>
  );
}
