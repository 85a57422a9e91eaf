import { useEffect, useMemo } from 'react';
import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useSearchParams } from 'react-router';
import type { MonthView, ShiftType } from '../../../../main/roster/contract.ts';
import { useApi } from '../../api/hooks.ts';
import { PrintPage, usePrintReady } from '../../shell/PrintPage.tsx';
import { clock } from './format.ts';
import { monthParam } from '../dates.ts';
import './planning.css';

interface PrintTable {
  groupId: number | null;
  groupName: string;
  people: MonthView['people'];
}

/** One table per group: the group's own month, or each group of the department in turn. */
function tablesOf(view: MonthView): PrintTable[] {
  if (view.groupId !== null) {
    return [{ groupId: view.groupId, groupName: view.groups.find((g) => g.id === view.groupId)?.name ?? '', people: view.people }];
  }
  const tables: PrintTable[] = view.groups.map((g) => ({
    groupId: g.id,
    groupName: g.name,
    people: view.people.filter((p) => p.groupId === g.id),
  }));
  const others = view.people.filter((p) => !view.groups.some((g) => g.id === p.groupId));
  if (others.length > 0) tables.push({ groupId: null, groupName: '', people: others });
  return tables.filter((t) => t.people.length > 0);
}

const hours = (minutes: number) => String(Math.round(minutes / 6) / 10);

function GroupTable({ view, table, title, byline }: { view: MonthView; table: PrintTable; title: string; byline: string }) {
  const { t } = useTranslation();
  const shifts = useMemo(() => new Map(view.shiftTypes.map((s) => [s.id, s])), [view.shiftTypes]);
  const cells = useMemo(() => {
    const map = new Map<string, number | 'rest'>();
    for (const [personId, date, value] of view.cells) map.set(`${personId} ${date}`, value);
    return map;
  }, [view.cells]);
  const perDay = view.days.map(() => new Map<number, number>());
  const used = new Set<number>();
  const rows = table.people.map((p) => {
    let count = 0;
    let paid = 0;
    const days = view.days.map((day, i) => {
      const inside = day.date >= p.activeFrom && (p.activeTo === null || day.date <= p.activeTo);
      const value = inside ? cells.get(`${p.id} ${day.date}`) : undefined;
      const shift = typeof value === 'number' ? shifts.get(value) : undefined;
      if (shift) {
        count++;
        paid += shift.paidMinutes;
        used.add(shift.id);
        perDay[i]!.set(shift.id, (perDay[i]!.get(shift.id) ?? 0) + 1);
      }
      return { inside, value, shift };
    });
    return { person: p, days, count, paid };
  });
  const legend = view.shiftTypes.filter((s) => used.has(s.id) || !s.archivedOn);
  const dayClass = (d: MonthView['days'][number]) =>
    d.kind === 'holiday' || d.kind === 'rest'
      ? 'rp-holiday'
      : d.kind === 'workday'
        ? 'rp-workday'
        : d.weekday === 0 || d.weekday === 6
          ? 'rp-weekend'
          : '';
  const shiftStyle = (s: ShiftType) => ({ background: `${s.color}40`, color: '#111' });

  return (
    <section className="rp-sheet" data-testid="print-sheet">
      <h1>{title}</h1>
      <div className="rp-byline">{byline}</div>
      <table className="rp-table">
        <thead>
          <tr>
            <th className="rp-name">{t('roster.export.name')}</th>
            {view.days.map((d) => (
              <th key={d.date} className={dayClass(d)} title={d.holidayName ?? undefined}>
                {Number(d.date.slice(8))}
              </th>
            ))}
            <th className="rp-total">{t('roster.export.shiftCount')}</th>
            <th className="rp-total">{t('roster.export.paidHours')}</th>
          </tr>
          <tr>
            <th className="rp-name" />
            {view.days.map((d) => (
              <th key={d.date} className={dayClass(d)}>
                {d.kind === 'holiday'
                  ? t('roster.export.holiday').slice(0, 1)
                  : d.kind === 'rest'
                    ? t('roster.export.restDayMark')
                    : d.kind === 'workday'
                      ? t('roster.export.workdayMark')
                      : t(`roster.export.weekdays.${d.weekday}`)}
              </th>
            ))}
            <th className="rp-total" />
            <th className="rp-total" />
          </tr>
        </thead>
        <tbody>
          {rows.map(({ person, days, count, paid }) => (
            <tr key={person.id}>
              <th className="rp-name">{person.name}</th>
              {days.map((c, i) => (
                <td key={i} className={c.inside ? '' : 'rp-outside'} style={c.shift ? shiftStyle(c.shift) : undefined}>
                  {c.shift ? c.shift.code : c.value === 'rest' ? t('roster.export.restCell') : ''}
                </td>
              ))}
              <td className="rp-total">{count}</td>
              <td className="rp-total">{hours(paid)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {legend
            .filter((s) => used.has(s.id))
            .map((s) => (
              <tr key={s.id}>
                <th className="rp-name">{t('roster.export.perDayShift', { code: s.code })}</th>
                {perDay.map((m, i) => (
                  <td key={i}>{m.get(s.id) ?? 0}</td>
                ))}
                <td className="rp-total" />
                <td className="rp-total" />
              </tr>
            ))}
          <tr>
            <th className="rp-name">{t('roster.export.perDayTotal')}</th>
            {perDay.map((m, i) => (
              <td key={i}>{[...m.values()].reduce((a, b) => a + b, 0)}</td>
            ))}
            <td className="rp-total" />
            <td className="rp-total" />
          </tr>
        </tfoot>
      </table>
      <div className="rp-legend">
        <b>{t('roster.export.legend')}：</b>
        {legend.map((s) => (
          <span key={s.id}>
            <i style={shiftStyle(s)}>{s.code}</i>
            {s.name} {clock(s.startMinute)}–{clock(s.endMinute)}
            {s.endMinute <= s.startMinute ? t('roster.export.nextDay') : ''} · {hours(s.paidMinutes)}h
          </span>
        ))}
        <span>
          <i className="rp-holiday">&nbsp;</i>
          {t('roster.export.holidayMeaning')}
        </span>
        <span>
          <i className="rp-workday">&nbsp;</i>
          {t('roster.export.workdayMeaning')}
        </span>
      </div>
    </section>
  );
}

/** The print route of a month's roster, as the desktop app renders it to PDF (system.printPdf). */
export function rosterPrintRoute(month: string, groupId: number | null): string {
  return `/print/roster?month=${month}&groupId=${groupId ?? 'all'}`;
}

/** The PDF's file name: 排班表-<group or department>-<month>.pdf, the month standing in for a scope not known yet. */
export function rosterPdfName(t: TFunction, month: string, scope: string | undefined): string {
  return `${t('roster.export.fileName')}-${scope || month}-${month}.pdf`.replace(/[\\/:*?"<>|\s]+/g, '_');
}

/**
 * The month's roster as a printable page (A4 landscape): one table per group with the shift
 * colours, totals per person and per day, holidays marked and a legend. PrintPage gives it the
 * toolbar: the desktop app saves a PDF, browser mode opens the browser's print dialog.
 */
export function RosterPrintView({ month, groupId, onReady }: { month: string; groupId: number | null; onReady?: () => void }) {
  const { t } = useTranslation();
  const view = useApi('roster', 'month', { month, groupId });
  const org = useApi('people', 'org', {});
  const status = useApi('system', 'status', {});
  const ready = view.isSuccess && org.isSuccess && status.isSuccess;
  usePrintReady(ready);
  useEffect(() => {
    if (ready) onReady?.();
  }, [ready, onReady]);

  const [year, m] = month.split('-');
  const department = org.data?.department.name ?? '';
  const scope = groupId === null ? department : (view.data?.groups.find((g) => g.id === groupId)?.name ?? '');
  let content;
  if (view.error) content = <Alert type="error" showIcon message={view.error.message} />;
  else if (!ready) content = <Spin style={{ display: 'block', margin: 40 }} />;
  else {
    const now = new Date();
    const at = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')} ${clock(now.getHours() * 60 + now.getMinutes())}`;
    const byline = t('roster.export.printedBy', { name: status.data.profile.name, at });
    const tables = tablesOf(view.data);
    content = (
      <>
        {tables.length === 0 && <Alert type="info" showIcon message={t('roster.export.noGrid')} />}
        {tables.map((table) => (
          <GroupTable
            key={table.groupId ?? 'none'}
            view={view.data}
            table={table}
            byline={byline}
            title={t('roster.export.printTitle', { department, group: table.groupName, year, month: Number(m) })}
          />
        ))}
      </>
    );
  }
  return (
    <PrintPage route={rosterPrintRoute(month, groupId)} fileName={rosterPdfName(t, month, scope)} landscape>
      <div className="roster-print" data-testid="roster-print">
        {content}
      </div>
    </PrintPage>
  );
}

/** The page at /print/roster?month=YYYY-MM&groupId=N|all, for the router and the desktop app's PDF window. */
export function RosterPrintRoute() {
  const [params] = useSearchParams();
  const month = monthParam(params.get('month'));
  const group = params.get('groupId');
  return <RosterPrintView month={month} groupId={group && /^\d+$/.test(group) ? Number(group) : null} />;
}
