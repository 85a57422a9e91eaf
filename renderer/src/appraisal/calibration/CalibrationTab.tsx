import { useMemo, useState } from 'react';
import { Alert, Empty, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { dimensions } from '../../../../main/appraisal/vocabulary.ts';
import { useApi } from '../../api/hooks.ts';
import { gradePill, score, statePill } from '../format.ts';
import { scoreRoute } from '../form/routes.ts';

interface Line {
  key: string;
  label: string;
  kind: 'total' | 'dimension' | 'item' | 'indicator';
  values: Array<number | null>;
}

/** Calibration: people side by side, line by line (dimensions, items, indicators), best and worst marked. */
export function CalibrationTab({ period, groupId }: { period: string; groupId: number | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const data = useApi('appraisal', 'calibration', { period, groupId });
  const [chosen, setChosen] = useState<number[] | null>(null);
  const everyone = useMemo(() => data.data?.people ?? [], [data.data]);
  const people = useMemo(
    () => (chosen === null ? everyone.slice(0, 8) : everyone.filter((p) => chosen.includes(p.id))),
    [everyone, chosen],
  );
  const template = data.data?.template;

  const lines: Line[] = useMemo(() => {
    if (!template) return [];
    const s = template.structure;
    const indicatorKeys = s.indicators.filter((i) => people.some((p) => i.functions.includes(p.function)));
    return [
      { key: 'total', label: t('appraisal.board.total'), kind: 'total', values: people.map((p) => p.outcome.total) },
      ...dimensions.map((d) => ({
        key: d,
        label: t(`appraisal.dimensions.${d}`),
        kind: 'dimension' as const,
        values: people.map((p) => p.outcome.dimensions[d]),
      })),
      ...indicatorKeys.map((i) => ({
        key: `i:${i.key}`,
        label: i.name,
        kind: 'indicator' as const,
        values: people.map((p) => p.outcome.indicators.find((x) => x.key === i.key)?.score ?? null),
      })),
      ...s.items.map((i) => ({
        key: `t:${i.key}`,
        label: i.name,
        kind: 'item' as const,
        values: people.map((p) => p.outcome.items.find((x) => x.key === i.key)?.score ?? null),
      })),
    ];
  }, [people, template, t]);

  if (data.error) return <Alert type="error" showIcon message={data.error.message} />;
  if (!data.data) return null;
  if (everyone.length === 0) {
    return (
      <div className="apr-fill">
        <Empty style={{ marginTop: 60 }} description={t('appraisal.calibration.empty', { period })} />
      </div>
    );
  }
  return (
    <div className="apr-panel" data-testid="appraisal-calibration">
      <div className="apr-toolbar">
        <span>{t('appraisal.calibration.people')}</span>
        <Select
          mode="multiple"
          style={{ minWidth: 420, maxWidth: 800 }}
          value={people.map((p) => p.id)}
          maxTagCount={8}
          onChange={(ids: number[]) => setChosen(ids)}
          options={everyone.map((p) => ({
            value: p.id,
            label: p.groupName ? t('common.withNote', { text: p.name, note: p.groupName }) : p.name,
          }))}
          aria-label={t('appraisal.calibration.people')}
        />
        <span className="apr-muted">{t('appraisal.calibration.hint')}</span>
      </div>
      <table className="apr-grid apr-compare">
        <thead>
          <tr>
            <th />
            {people.map((p) => (
              <th key={p.id} className="num">
                <button type="button" className="apr-link" onClick={() => navigate(scoreRoute(p.id, period, groupId))}>
                  {p.name}
                </button>
                <div>
                  <span className={statePill[p.state]}>{t(`appraisal.states.${p.state}`)}</span>
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{t('appraisal.board.grade')}</td>
            {people.map((p) => (
              <td key={p.id} className="num">
                {p.outcome.grade && <span className={gradePill[p.outcome.grade]}>{t(`appraisal.grades.${p.outcome.grade}`)}</span>}
              </td>
            ))}
          </tr>
          {lines.map((line) => {
            const present = line.values.filter((v): v is number => v !== null);
            const best = present.length > 1 ? Math.max(...present) : null;
            const worst = present.length > 1 ? Math.min(...present) : null;
            return (
              <tr key={line.key} className={line.kind === 'total' || line.kind === 'dimension' ? 'apr-dim' : undefined}>
                <td>{line.label}</td>
                {line.values.map((v, i) => (
                  <td
                    key={i}
                    className={`num${best !== worst && v === best ? ' best' : ''}${best !== worst && v === worst ? ' worst' : ''}`}
                  >
                    {score(v)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
