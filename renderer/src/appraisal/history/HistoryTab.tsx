import { useMemo } from 'react';
import { Alert, Empty, Select, Table, Typography } from 'antd';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { dimensions } from '../../../../main/appraisal/vocabulary.ts';
import { useApi } from '../../api/hooks.ts';
import { gradeColor, gradePill, score, statePill } from '../format.ts';
import { scoreRoute } from '../form/routes.ts';

/** A person's history: totals over the cycles as a trend with the grade lines, years, training. */
export function HistoryTab({ personId, onPerson }: { personId: number | null; onPerson: (id: number) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const people = useApi('people', 'list', {});
  const history = useApi('appraisal', 'history', { personId: personId ?? 0 }, { enabled: personId !== null });
  const settings = useApi('settings', 'list', {});
  const thresholds = (settings.data?.find((s) => s.key === 'appraisal.gradeThresholds')?.current.value as number[] | undefined) ?? [
    90, 80, 60,
  ];
  const options = useMemo(
    () =>
      (people.data ?? [])
        .filter((p) => p.role === 'agent' || p.role === 'leader')
        .map((p) => ({
          value: p.id,
          label: `${p.name} ${p.employeeNo}${p.groupName ? ` · ${p.groupName}` : ''}${p.status === 'left' ? ` · ${t('statuses.left')}` : ''}`,
        })),
    [people.data, t],
  );
  const data = history.data;
  const points = (data?.entries ?? []).filter((e) => e.total !== null).map((e) => ({ period: e.period, total: e.total }));

  return (
    <div className="apr-panel" data-testid="appraisal-history">
      <div className="apr-toolbar">
        <Select
          showSearch
          style={{ width: 320 }}
          placeholder={t('appraisal.history.pick')}
          value={personId ?? undefined}
          onChange={onPerson}
          options={options}
          optionFilterProp="label"
          aria-label={t('appraisal.history.pick')}
          data-testid="history-person"
        />
        {data && (
          <span className="apr-muted">
            {data.person.employeeNo} · {data.person.groupName ?? ''} · {t(`functions.${data.person.function}`)} · {t('fields.hireDate')}{' '}
            {data.person.hireDate}
          </span>
        )}
      </div>
      {history.error && <Alert type="error" showIcon message={history.error.message} />}
      {personId === null ? (
        <Empty style={{ marginTop: 60 }} description={t('appraisal.history.empty')} />
      ) : !data ? null : data.entries.length === 0 ? (
        <Empty style={{ marginTop: 60 }} description={t('appraisal.history.none', { name: data.person.name })} />
      ) : (
        <>
          <div style={{ height: 260 }} data-testid="history-chart">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={points} margin={{ top: 10, right: 48, bottom: 0, left: -16 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#eef0f3" />
                <XAxis dataKey="period" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
                <YAxis domain={[40, 100]} tick={{ fontSize: 11 }} />
                <Tooltip />
                {(['excellent', 'good', 'qualified'] as const).map((g, i) => (
                  <ReferenceLine
                    key={g}
                    y={thresholds[i]}
                    stroke={gradeColor[g]}
                    strokeDasharray="4 4"
                    label={{ value: t(`appraisal.grades.${g}`), fontSize: 11, position: 'right', fill: gradeColor[g] }}
                  />
                ))}
                <Line
                  dataKey="total"
                  name={t('appraisal.board.total')}
                  stroke="#1f6feb"
                  strokeWidth={2}
                  dot={{ r: 3 }}
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
          <Typography.Title level={5}>{t('appraisal.history.years')}</Typography.Title>
          <div className="apr-summary" style={{ marginBottom: 12 }}>
            {data.years.map((y) => (
              <span key={y.year}>
                {t('common.labelled', {
                  label: y.year,
                  value: t('appraisal.history.yearLine', { cycles: y.cycles, mean: score(y.mean), summary: score(y.summaryScore) }),
                })}
              </span>
            ))}
          </div>
          <Table
            size="small"
            rowKey="id"
            pagination={{ pageSize: 12, size: 'small' }}
            dataSource={[...data.entries].reverse()}
            columns={[
              {
                title: t('appraisal.page.period'),
                dataIndex: 'period',
                render: (p: string, e) => (
                  <button type="button" className="apr-link" onClick={() => navigate(scoreRoute(e.id, p, undefined))}>
                    {p}
                  </button>
                ),
              },
              { title: t('fields.group'), dataIndex: 'groupName' },
              {
                title: t('appraisal.board.state'),
                render: (_v, e) => <span className={statePill[e.state]}>{t(`appraisal.states.${e.state}`)}</span>,
              },
              ...dimensions.map((d) => ({
                title: t(`appraisal.dimensionsShort.${d}`),
                align: 'right' as const,
                render: (_v: unknown, e: (typeof data.entries)[number]) => score(e.dimensions[d]),
              })),
              { title: t('appraisal.board.total'), align: 'right', render: (_v, e) => score(e.total) },
              {
                title: t('appraisal.board.grade'),
                render: (_v, e) => e.grade && <span className={gradePill[e.grade]}>{t(`appraisal.grades.${e.grade}`)}</span>,
              },
              {
                title: t('appraisal.board.coefficient'),
                align: 'right',
                render: (_v, e) => (e.coefficient === null ? '' : e.coefficient.toFixed(1)),
              },
              {
                title: t('appraisal.board.flags'),
                render: (_v, e) => e.flags.map((f) => t(`appraisal.flagsShort.${f}`)).join(t('common.listSeparator')),
              },
            ]}
          />
          <Typography.Title level={5}>{t('appraisal.form.trainingsTitle')}</Typography.Title>
          {data.trainings.length === 0 ? (
            <span className="apr-muted">{t('appraisal.form.noTrainings')}</span>
          ) : (
            data.trainings.map((tr) => (
              <div key={tr.id} style={{ fontSize: 13 }}>
                {tr.takenOn} · {t(`appraisal.trainingKinds.${tr.kind}`)} · {tr.title} · {tr.score ?? ''} ·{' '}
                {tr.passed ? t('appraisal.training.passed') : t('appraisal.training.failed')}
                {tr.pendingRetake ? ` · ${t('appraisal.training.retakeDue')}` : ''}
              </div>
            ))
          )}
        </>
      )}
    </div>
  );
}
