import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridBase } from './model.ts';
import { dayClass } from './layout.ts';

/**
 * ROS-1 under the people: one line per shift (and per function minimum), "planned/required" per
 * day, red where a post would be short. Days without a requirement show only what is planned.
 */
export const CoverageFooter = memo(function CoverageFooter({ base, planned }: { base: GridBase; planned: number[][] }) {
  const { t } = useTranslation();
  if (base.coverageLines.length === 0) return null;
  return (
    <div className="rg-foot" data-testid="coverage-rows">
      {base.coverageLines.map((line, l) => {
        let shortDays = 0;
        const label = line.fn ? `${line.shift.code} · ${t(`functions.${line.fn}`)}` : `${line.shift.code} ${line.shift.name}`;
        return (
          <div key={line.key} className="rg-frow" data-line={line.key}>
            <div className="rg-name rg-flabel" title={t('roster.grid.coverageHint')}>
              <i className={`rg-swatch rg-s-${line.shift.id}`} />
              {label}
            </div>
            {base.days.map((day, c) => {
              const p = planned[l]![c]!;
              const req = line.required[c]!;
              const short = p < req;
              if (short) shortDays++;
              return (
                <div
                  key={c}
                  className={`rg-fcell ${dayClass(day.kind, day.weekday)}${short ? ' short' : req > 0 ? ' met' : ''}`}
                  data-fc={c}
                  data-fl={l}
                  data-cov={`${line.shift.code}${line.fn ? `.${line.fn}` : ''}:${day.date}`}
                >
                  {req > 0 ? `${p}/${req}` : p > 0 ? p : ''}
                </div>
              );
            })}
            <div className={`rg-hours${shortDays ? ' bad' : ''}`}>{shortDays ? t('roster.grid.shortDays', { count: shortDays }) : '✓'}</div>
          </div>
        );
      })}
    </div>
  );
});
