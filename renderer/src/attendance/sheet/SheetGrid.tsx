import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sheet } from '../../../../main/attendance/contract.ts';
import { cellText } from '../../../../main/attendance/rules/cell-text.ts';
import { cellTitle, mainMark } from './marks.ts';

const ROW_H = 30;
const HEAD_H = 44;
const NAME_W = 148;
const DAY_W = 30;
const OVERSCAN = 8;

type Person = Sheet['people'][number];

const yuan = (fen: number | null) => (fen === null ? '—' : (fen / 100).toFixed(0));
const hours = (minutes: number) => String(Math.round((minutes / 60) * 10) / 10);

/**
 * The attendance sheet on screen: people × days, one fixed-height row per person, only the rows
 * in view in the page (arithmetic on the scroll position, as the roster grid does); the names
 * stay on the left and the totals on the right while the days scroll.
 */
export function SheetGrid({ sheet, onCell }: { sheet: Sheet; onCell: (personId: number, date: string) => void }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [span, setSpan] = useState({ top: 0, height: window.innerHeight });
  const leaveSymbols = useMemo(() => new Map(sheet.leaveTypes.map((l) => [l.code, l.symbol])), [sheet.leaveTypes]);
  const totals: Array<{ key: string; title: string; width: number; value: (p: Person) => string; warn?: (p: Person) => boolean }> = [
    { key: 'worked', title: t('attendance.ui.totals.worked'), width: 50, value: (p) => String(p.totals.workedDays) },
    {
      key: 'late',
      title: t('attendance.ui.totals.late'),
      width: 50,
      value: (p) => (p.totals.lateCount ? `${p.totals.lateCount}/${p.totals.lateMinutes}′` : ''),
    },
    {
      key: 'early',
      title: t('attendance.ui.totals.early'),
      width: 50,
      value: (p) => (p.totals.earlyCount ? `${p.totals.earlyCount}/${p.totals.earlyMinutes}′` : ''),
    },
    {
      key: 'absent',
      title: t('attendance.ui.totals.absent'),
      width: 50,
      value: (p) => (p.totals.absenceDays ? String(p.totals.absenceDays) : ''),
      warn: (p) => p.totals.absenceDays > 0,
    },
    {
      key: 'leave',
      title: t('attendance.ui.totals.leave'),
      width: 46,
      value: (p) => {
        const days = Object.values(p.totals.leaveDays).reduce((s, d) => s + d, 0);
        return days ? String(days) : '';
      },
    },
    {
      key: 'overtime',
      title: t('attendance.ui.totals.overtime'),
      width: 48,
      value: (p) => {
        const minutes = Object.values(p.totals.overtimeMinutes).reduce((s, m) => s + m, 0);
        return minutes ? hours(minutes) : '';
      },
    },
    {
      key: 'deduction',
      title: t('attendance.ui.totals.deduction'),
      width: 58,
      value: (p) => (p.totals.totalDeductionFen === null ? '—' : p.totals.totalDeductionFen ? yuan(p.totals.totalDeductionFen) : ''),
      warn: (p) => p.totals.overCap || p.totals.belowMinimum,
    },
  ];
  const totalsW = totals.reduce((s, c) => s + c.width, 0);
  // The totals stay at the right edge while the days scroll under them.
  const rightOf = totals.map((_c, i) => totals.slice(i + 1).reduce((s, c) => s + c.width, 0));
  const width = NAME_W + sheet.days.length * DAY_W + totalsW;
  const template = `${NAME_W}px repeat(${sheet.days.length}, ${DAY_W}px) ${totals.map((c) => `${c.width}px`).join(' ')}`;

  useEffect(() => {
    const element = box.current!;
    const observer = new ResizeObserver(([entry]) => setSpan((s) => ({ ...s, height: entry!.contentRect.height })));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const first = Math.max(0, Math.floor((span.top - HEAD_H) / ROW_H) - OVERSCAN);
  const last = Math.min(sheet.people.length - 1, Math.ceil((span.top + span.height) / ROW_H) + OVERSCAN);
  const onScroll = () => {
    const top = box.current!.scrollTop;
    setSpan((s) => (Math.floor(s.top / ROW_H) === Math.floor(top / ROW_H) ? s : { ...s, top }));
  };
  const dayClass = (d: Sheet['days'][number]) =>
    d.kind === 'holiday' ? ' holiday' : d.weekday === 0 || d.weekday === 6 || d.kind === 'rest' ? ' weekend' : '';

  return (
    <div
      className="att-grid"
      ref={box}
      onScroll={onScroll}
      data-testid="attendance-grid"
      role="grid"
      aria-rowcount={sheet.people.length + 1}
    >
      <div style={{ width, height: HEAD_H + sheet.people.length * ROW_H, position: 'relative' }}>
        <div className="att-head" role="row" style={{ gridTemplateColumns: template, width }}>
          <div className="att-name att-corner" role="columnheader">
            {t('attendance.ui.person')}
          </div>
          {sheet.days.map((d) => (
            <div key={d.date} className={`att-day-head${dayClass(d)}`} role="columnheader" title={d.holidayName ?? undefined}>
              <b>{Number(d.date.slice(8))}</b>
              <span>{t(`attendance.export.weekdays.${d.weekday}`)}</span>
            </div>
          ))}
          {totals.map((c, i) => (
            <div key={c.key} className={`att-total-head${i === 0 ? ' first' : ''}`} role="columnheader" style={{ right: rightOf[i] }}>
              {c.title}
            </div>
          ))}
        </div>
        {sheet.people.slice(first, last + 1).map((p, offset) => {
          const r = first + offset;
          return (
            <div
              key={p.personId}
              className="att-row"
              role="row"
              style={{ gridTemplateColumns: template, width, transform: `translateY(${HEAD_H + r * ROW_H}px)` }}
              data-person={p.employeeNo}
            >
              <div className="att-name" role="rowheader" title={p.warnings.join('\n') || undefined}>
                <span className="att-no">{p.employeeNo}</span> {p.name}
                {p.warnings.length > 0 && <span className="att-warn">!</span>}
              </div>
              {p.cells.map((cell, c) => {
                const date = sheet.days[c]!.date;
                const clickable = cell !== '' && cell !== 'none' && cell !== 'unpublished';
                return (
                  <div
                    key={date}
                    role="gridcell"
                    className={`att-cell m-${mainMark(cell)}${dayClass(sheet.days[c]!)}`}
                    data-cell={`${p.personId}:${date}`}
                    title={clickable ? cellTitle(t, sheet, cell, date) : undefined}
                    onClick={clickable ? () => onCell(p.personId, date) : undefined}
                  >
                    {cellText(t, cell, leaveSymbols)}
                  </div>
                );
              })}
              {totals.map((c, i) => (
                <div
                  key={c.key}
                  className={`att-total${i === 0 ? ' first' : ''}${c.warn?.(p) ? ' warn' : ''}`}
                  role="gridcell"
                  style={{ right: rightOf[i] }}
                >
                  {c.value(p)}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
