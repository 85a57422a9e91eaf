import { useMemo } from 'react';
import { Alert, Empty } from 'antd';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { grades } from '../../../../main/appraisal/vocabulary.ts';
import { useApi } from '../../api/hooks.ts';
import { bands, gradeColor } from '../format.ts';

const round1 = (v: number) => Math.round(v * 10) / 10;
const mean = (values: number[]) => (values.length === 0 ? null : round1(values.reduce((s, v) => s + v, 0) / values.length));

/** The scores of the period as charts: distribution, grade shares, and groups (or people) side by side. */
export function ChartsTab({ period, groupId }: { period: string; groupId: number | null }) {
  const { t } = useTranslation();
  const board = useApi('appraisal', 'board', { period, groupId });
  const rows = useMemo(() => (board.data?.rows ?? []).filter((r) => r.total !== null), [board.data]);

  const distribution = useMemo(
    () =>
      bands.map((b) => ({
        band: b.label,
        settled: rows.filter((r) => !r.provisional && r.total! >= b.min && r.total! < b.max).length,
        provisional: rows.filter((r) => r.provisional && r.total! >= b.min && r.total! < b.max).length,
      })),
    [rows],
  );
  const shares = useMemo(
    () =>
      grades
        .map((g) => ({ grade: g, name: t(`appraisal.grades.${g}`), value: rows.filter((r) => r.grade === g).length }))
        .filter((s) => s.value > 0),
    [rows, t],
  );
  const compare = useMemo(() => {
    if (groupId !== null) {
      return rows.map((r) => ({
        name: r.name,
        results: r.dimensions.results,
        ability: r.dimensions.ability,
        attitude: r.dimensions.attitude,
        total: r.total,
      }));
    }
    const byGroup = new Map<string, typeof rows>();
    for (const r of rows) byGroup.set(r.groupName ?? '—', [...(byGroup.get(r.groupName ?? '—') ?? []), r]);
    return [...byGroup].map(([name, members]) => ({
      name,
      results: mean(members.map((m) => m.dimensions.results ?? 0)),
      ability: mean(members.map((m) => m.dimensions.ability ?? 0)),
      attitude: mean(members.map((m) => m.dimensions.attitude ?? 0)),
      total: mean(members.map((m) => m.total!)),
    }));
  }, [rows, groupId]);

  if (board.error) return <Alert type="error" showIcon message={board.error.message} />;
  if (!board.data) return null;
  if (rows.length === 0) {
    return (
      <div className="apr-fill">
        <Empty
          style={{ marginTop: 60 }}
          description={board.data.cycle ? t('appraisal.charts.noScores') : t('appraisal.board.emptyTitle', { period })}
        />
      </div>
    );
  }
  const provisional = rows.filter((r) => r.provisional).length;
  return (
    <div className="apr-panel" style={{ background: 'transparent', padding: 0 }} data-testid="appraisal-charts">
      {provisional > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('appraisal.charts.provisional', { count: provisional })} />
      )}
      <div className="apr-charts">
        <div className="apr-chart">
          <h3>{t('appraisal.charts.distribution', { count: rows.length })}</h3>
          <ResponsiveContainer width="100%" height={228}>
            <BarChart data={distribution} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#eef0f3" />
              <XAxis dataKey="band" tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="settled" stackId="a" name={t('appraisal.charts.settled')} fill="#1f6feb" isAnimationActive={false} />
              <Bar
                dataKey="provisional"
                stackId="a"
                name={t('appraisal.charts.provisionalLabel')}
                fill="#bfd4fb"
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <div className="apr-chart">
          <h3>{t('appraisal.charts.shares')}</h3>
          <ResponsiveContainer width="100%" height={228}>
            <PieChart>
              <Pie
                data={shares}
                dataKey="value"
                nameKey="name"
                innerRadius={50}
                outerRadius={90}
                isAnimationActive={false}
                label={({ name, percent }: { name?: string; percent?: number }) => `${name} ${Math.round((percent ?? 0) * 100)}%`}
              >
                {shares.map((s) => (
                  <Cell key={s.grade} fill={gradeColor[s.grade]} />
                ))}
              </Pie>
              <Tooltip />
            </PieChart>
          </ResponsiveContainer>
        </div>
        <div className="apr-chart" style={{ gridColumn: '1 / -1' }}>
          <h3>{groupId === null ? t('appraisal.charts.byGroup') : t('appraisal.charts.byPerson')}</h3>
          <ResponsiveContainer width="100%" height={250}>
            {compare.length > 12 ? (
              // Many groups: one bar each, best first, so the spread reads at a glance.
              <BarChart
                data={[...compare].sort((x, y) => (y.total ?? 0) - (x.total ?? 0))}
                margin={{ top: 8, right: 8, bottom: 8, left: -16 }}
              >
                <CartesianGrid strokeDasharray="3 3" stroke="#eef0f3" />
                <XAxis dataKey="name" tick={{ fontSize: 11 }} interval={0} angle={-60} textAnchor="end" height={56} />
                <YAxis domain={[40, 100]} tick={{ fontSize: 12 }} />
                <Tooltip />
                <Bar dataKey="total" name={t('appraisal.board.total')} fill="#1f6feb" isAnimationActive={false} />
              </BarChart>
            ) : (
              <BarChart data={compare} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#eef0f3" />
                <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
                <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} />
                <Tooltip />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Bar dataKey="results" name={t('appraisal.dimensions.results')} fill="#1f6feb" isAnimationActive={false} />
                <Bar dataKey="ability" name={t('appraisal.dimensions.ability')} fill="#52c41a" isAnimationActive={false} />
                <Bar dataKey="attitude" name={t('appraisal.dimensions.attitude')} fill="#faad14" isAnimationActive={false} />
                <Bar dataKey="total" name={t('appraisal.board.total')} fill="#722ed1" isAnimationActive={false} />
              </BarChart>
            )}
          </ResponsiveContainer>
        </div>
      </div>
    </div>
  );
}
