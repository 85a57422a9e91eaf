import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridBase } from './model.ts';
import { dayClass } from './layout.ts';

/** The day columns: date, weekday, and the calendar's mark (休 holiday/rest day, 班 make-up workday). */
export const GridHeader = memo(function GridHeader({ base }: { base: GridBase }) {
  const { t } = useTranslation();
  const weekdays = t('roster.grid.weekdaysShort').split(',');
  return (
    <div className="rg-head">
      <div className="rg-name rg-corner">{t('roster.grid.person')}</div>
      {base.days.map((day, c) => {
        const mark =
          day.kind === 'holiday' || day.kind === 'rest'
            ? t('roster.grid.markRest')
            : day.kind === 'workday'
              ? t('roster.grid.markWork')
              : '';
        return (
          <div key={day.date} className={`rg-hcell ${dayClass(day.kind, day.weekday)}`} data-hc={c} data-testid={`day-${day.date}`}>
            <span className="rg-hday">{Number(day.date.slice(8))}</span>
            <span className="rg-hweek">{weekdays[day.weekday]}</span>
            {mark && <b className="rg-mark">{mark}</b>}
          </div>
        );
      })}
      <div className="rg-hours rg-corner">{t('roster.grid.hours')}</div>
    </div>
  );
});
