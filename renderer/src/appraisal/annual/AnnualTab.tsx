import { useState } from 'react';
import { Alert, DatePicker, Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { z } from 'zod';
import type { annualRow } from '../../../../main/appraisal/contract.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { VirtualTable, type Column } from '../../shell/VirtualTable.tsx';
import { gradePill, score } from '../format.ts';
import { parseScore } from '../form/keyboard.ts';

type Row = z.infer<typeof annualRow>;

/** The year-end summary score, typed in place: Enter saves and moves down. */
function SummaryInput({ row, year }: { row: Row; year: number }) {
  const { t } = useTranslation();
  const [text, setText] = useState(row.summaryScore === null ? '' : String(row.summaryScore));
  const save = useApiMutation('appraisal', 'saveSummary');
  const value = parseScore(text);
  const bad = text.trim() !== '' && (value === null || value < 0 || value > 100);
  const commit = () => {
    if (bad || value === null || value === row.summaryScore) return;
    save.mutate({ personId: row.personId, year, summaryScore: value, note: null });
  };
  return (
    <input
      className={`apr-input${bad ? ' bad' : ''}`}
      data-col="summary"
      aria-label={`${row.name} ${t('appraisal.annual.summary')}`}
      inputMode="decimal"
      value={text}
      placeholder="0–100"
      onFocus={(e) => e.target.select()}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key !== 'Enter') return;
        commit();
        const all = [...document.querySelectorAll<HTMLInputElement>('input[data-col="summary"]')];
        all[all.indexOf(e.currentTarget) + (e.shiftKey ? -1 : 1)]?.focus();
      }}
    />
  );
}

/** APR-4: the annual result — mean of the year's cycles with the year-end summary, graded and ranked. */
export function AnnualTab({ year, groupId, onYear }: { year: number; groupId: number | null; onYear: (year: number) => void }) {
  const { t } = useTranslation();
  const annual = useApi('appraisal', 'annual', { year, groupId });
  const data = annual.data;
  const columns: Column<Row>[] = [
    {
      key: 'rankInDepartment',
      title: t('appraisal.annual.rankDepartment'),
      width: 96,
      align: 'right',
      render: (r) => r.rankInDepartment ?? '',
      compare: (a, b) => (a.rankInDepartment ?? 1e9) - (b.rankInDepartment ?? 1e9),
    },
    {
      key: 'rankInGroup',
      title: t('appraisal.annual.rankGroup'),
      width: 96,
      align: 'right',
      render: (r) => r.rankInGroup ?? '',
      compare: (a, b) => (a.rankInGroup ?? 1e9) - (b.rankInGroup ?? 1e9),
    },
    {
      key: 'employeeNo',
      title: t('fields.employeeNo'),
      width: 84,
      render: (r) => r.employeeNo,
      compare: (a, b) => a.employeeNo.localeCompare(b.employeeNo),
    },
    { key: 'name', title: t('fields.name'), width: 84, render: (r) => r.name },
    {
      key: 'group',
      title: t('fields.group'),
      width: 76,
      render: (r) => r.groupName ?? '',
      compare: (a, b) => (a.groupName ?? '').localeCompare(b.groupName ?? '', 'zh-CN'),
    },
    { key: 'cycles', title: t('appraisal.annual.cycles'), width: 64, align: 'right', render: (r) => r.cycles },
    {
      key: 'mean',
      title: t('appraisal.annual.mean'),
      width: 100,
      align: 'right',
      render: (r) => score(r.mean),
      compare: (a, b) => (a.mean ?? 0) - (b.mean ?? 0),
    },
    {
      key: 'summary',
      title: t('appraisal.annual.summary'),
      width: 120,
      align: 'right',
      render: (r) => <SummaryInput key={`${r.personId}:${r.summaryScore}`} row={r} year={year} />,
    },
    {
      key: 'score',
      title: t('appraisal.annual.score'),
      width: 100,
      align: 'right',
      render: (r) => <b>{score(r.score)}</b>,
      compare: (a, b) => (a.score ?? 0) - (b.score ?? 0),
    },
    {
      key: 'grade',
      title: t('appraisal.board.grade'),
      width: 80,
      render: (r) => r.grade && <span className={gradePill[r.grade]}>{t(`appraisal.grades.${r.grade}`)}</span>,
    },
  ];
  return (
    <div className="apr-fill" data-testid="appraisal-annual">
      <div className="apr-toolbar">
        <Space>
          <DatePicker
            picker="year"
            allowClear={false}
            size="small"
            value={dayjs(`${year}-01-01`)}
            onChange={(v) => v && onYear(v.year())}
            aria-label={t('fields.year')}
          />
        </Space>
        {data && (
          <Typography.Text type="secondary">
            {t('appraisal.annual.explain', { weight: data.summaryWeightPercent, cycles: data.cyclesCounted.length })}
          </Typography.Text>
        )}
      </div>
      {annual.error && <Alert type="error" showIcon message={annual.error.message} />}
      <div style={{ flex: 1, minHeight: 0 }}>
        <VirtualTable<Row>
          testId="appraisal-annual-table"
          rows={data?.rows ?? []}
          columns={columns}
          rowKey={(r) => r.personId}
          empty={annual.isPending ? null : <Empty description={t('appraisal.annual.empty', { year })} />}
        />
      </div>
    </div>
  );
}
