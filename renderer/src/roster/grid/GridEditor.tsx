import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { Alert, App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { CellValue, MonthView } from '../../../../main/roster/contract.ts';
import { rosterRules } from '../../../../main/roster/rules/index.ts';
import { call, type Out } from '../../api/client.ts';
import { GridStore, type CellRef, type EditSource } from './store.ts';
import { rowSummaries, uncheckedSummaries, plannedCoverage, coverageIssues, type CoverageIssue, type RowSummary } from './derived.ts';
import { clampPos, contains, isSingle, rectOf, single, type Pos, type Rect, type Selection } from './selection.ts';
import { dragFill, fillRect, monthIsEmpty, type Batch } from './edits.ts';
import { describeCoverageIssue, describeRowIssue, describeValue, dayLabel } from './describe.ts';
import { isEditable, type GridBase, type RowCells } from './model.ts';
import type { RowIssue } from './checks.ts';
import { RosterGrid, type RosterGridHandle } from './RosterGrid.tsx';
import { GridToolbar, type GridActions } from './GridToolbar.tsx';
import { IssuesPanel, type ListedIssue } from './IssuesPanel.tsx';
import { GridLegend } from './GridLegend.tsx';
import { CellMenu } from './CellMenu.tsx';
import { CopyWeekDialog } from './CopyWeekDialog.tsx';
import { PatternDialog } from './PatternDialog.tsx';
import { PublishDialog } from './PublishDialog.tsx';
import type { CellMenuArgs } from './useCellMenu.tsx';
import type { Wish } from './GridRow.tsx';
import { ShiftStyles } from '../ShiftStyles.tsx';
import type { RosterTab } from '../useRosterScope.ts';
import { momentText } from '../../shell/moment.ts';

type Dialog = 'copyWeek' | 'pattern' | 'publish' | null;
type Wishes = Out<'roster', 'wishes'>;

const PANEL_KEY = 'banzu.roster.issuesPanel';

/**
 * The problem list starts open where the month still fits beside it, then as the user left it.
 * Read once when the app loads: storage reads are slow on a cold start, not worth a grid's render.
 */
const initialIssuesPanel = (() => {
  const saved = localStorage.getItem(PANEL_KEY);
  return saved === null ? window.innerWidth >= 1600 : saved === 'open';
})();
let issuesPanelPreference = initialIssuesPanel;

/** Keys that set a rest day: 0 always, X unless a shift type uses the letter X. */
export function restKeys(shiftCodes: Set<string>): string[] {
  return shiftCodes.has('X') ? ['0'] : ['0', 'X'];
}

/** The filled cells of the selection, the ones a lock applies to (main keeps no lock on an empty cell). */
function lockableCells(base: GridBase, rows: RowCells[], rect: Rect): CellRef[] {
  const out: CellRef[] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) {
      const i = base.first + c;
      if (isEditable(base, r, i) && rows[r]!.values[i] !== null) out.push({ personId: base.people[r]!.id, date: base.days[c]!.date });
    }
  }
  return out;
}

/**
 * The problem list, worded lazily: a month can hold a thousand problems and only the ones on
 * screen are put into words (each once: rows keep their issue objects until they change).
 */
function listIssues(t: TFunction, base: GridBase, gaps: CoverageIssue[], summaries: RowSummary[]): ListedIssue[] {
  const words = new WeakMap<RowIssue, string>();
  const out: ListedIssue[] = gaps.map((g) => ({
    key: `cov:${g.line.key}:${g.day}`,
    ruleId: rosterRules.coverage,
    severity: 'error',
    text: () => describeCoverageIssue(t, g),
    pos: null,
    column: g.day,
  }));
  summaries.forEach((s, r) => {
    for (const issue of s.issues) {
      out.push({
        key: `row:${r}:${issue.dateIdx}:${issue.rule}`,
        ruleId: issue.ruleId,
        severity: issue.severity,
        text: () => words.get(issue) ?? words.set(issue, describeRowIssue(t, issue)).get(issue)!,
        pos: { r, c: issue.dateIdx - base.first },
        column: issue.dateIdx - base.first,
      });
    }
  });
  // By day, as the month is read; coverage before people on the same day.
  return out.sort((a, b) => a.column - b.column);
}

/** A department's published groups are named up to this many; beyond, the banner counts them. */
const NAMED_GROUPS = 6;

/** Banners above the grid: calendar fallback, published month (ROS-7), how to start an empty month. */
const Banners = memo(function Banners({
  view,
  empty,
  codes,
  rest,
  onTab,
}: {
  view: MonthView;
  empty: boolean;
  codes: string;
  rest: string;
  onTab: (tab: RosterTab) => void;
}) {
  const { t } = useTranslation();
  const scopeGroup = view.groupId === null ? null : view.groups.find((g) => g.id === view.groupId);
  const publishedGroups = view.groups.filter((g) => g.status === 'published');
  const changeLogLink = (
    <Button size="small" type="link" onClick={() => onTab('changes')}>
      {t('roster.grid.openChangeLog')}
    </Button>
  );
  return (
    <>
      {view.calendarWarning && (
        <Alert type="warning" showIcon title={view.calendarWarning} style={{ marginBottom: 8 }} data-testid="calendar-warning" />
      )}
      {scopeGroup?.status === 'published' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="published-banner"
          title={t('roster.grid.publishedBanner', { at: scopeGroup.publishedAt ? momentText(scopeGroup.publishedAt) : '' })}
          action={changeLogLink}
        />
      )}
      {view.groupId === null && publishedGroups.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="published-banner"
          title={t(publishedGroups.length <= NAMED_GROUPS ? 'roster.grid.publishedGroups' : 'roster.grid.publishedGroupsMany', {
            count: publishedGroups.length,
            groups: publishedGroups
              .slice(0, NAMED_GROUPS)
              .map((g) => g.name)
              .join(t('common.listSeparator')),
          })}
          action={changeLogLink}
        />
      )}
      {empty && (
        <Alert
          type="info"
          showIcon
          closable
          style={{ marginBottom: 8 }}
          data-testid="empty-month-hint"
          title={
            <>
              <b>{t('roster.grid.emptyMonthTitle')}</b> {t('roster.grid.emptyMonthBody', { codes, rest })}
            </>
          }
        />
      )}
    </>
  );
});

/**
 * The grid with everything around it: the toolbar, the problem list, the legend, dialogs, and the
 * editing gestures (keyboard, mouse, context menu) turned into setCells batches.
 */
export function GridEditor({ view, wishes, onTab }: { view: MonthView; wishes: Wishes; onTab: (tab: RosterTab) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const gridRef = useRef<RosterGridHandle>(null);
  const [store] = useState(
    () =>
      new GridStore(
        view,
        {
          setCells: async (changes, source) => void (await call('roster', 'setCells', { changes, source })),
          lockCells: async (cells, locked) => void (await call('roster', 'lockCells', { cells, locked })),
          saved: () => {
            // The grid is the truth for the cells; other views of them are refreshed, the month is
            // only marked stale so it is read again next time the grid opens.
            void client.invalidateQueries({ queryKey: ['roster', 'month'], refetchType: 'none' });
            for (const method of ['check', 'changeLog', 'swaps']) void client.invalidateQueries({ queryKey: ['roster', method] });
          },
        },
        (error) => void message.error(t('roster.grid.rolledBack', { reason: (error as Error).message }), 6),
      ),
  );
  useEffect(() => store.reset(view), [store, view]);
  const { base, rows, canUndo, canRedo } = useSyncExternalStore(store.subscribe, store.getSnapshot);

  // The month's first frame shows its cells, hours and coverage; the rule checks of every row (tens
  // of milliseconds for 200 people) follow right after it is painted, and from then on an edit
  // re-checks only the rows it changed. Until then the problem count says it is still checking.
  const [checked, setChecked] = useState(false);
  useEffect(() => {
    let timer = 0;
    const frame = requestAnimationFrame(() => (timer = window.setTimeout(() => setChecked(true))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  const summaries = useMemo(() => (checked ? rowSummaries(base, rows) : uncheckedSummaries(base, rows)), [checked, base, rows]);
  const planned = useMemo(() => plannedCoverage(base, rows), [base, rows]);
  const gaps = useMemo(() => coverageIssues(base, planned), [base, planned]);
  const empty = useMemo(() => monthIsEmpty(base, rows), [base, rows]);
  const issueCount = useMemo(() => summaries.reduce((n, s) => n + s.issues.length, gaps.length), [summaries, gaps]);

  const [selectionState, setSelection] = useState<Selection>(single({ r: 0, c: 0 }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [showIssues, setShowIssues] = useState(issuesPanelPreference);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const cols = base.days.length;
  const selection: Selection = {
    anchor: clampPos(selectionState.anchor, Math.max(1, rows.length), cols),
    focus: clampPos(selectionState.focus, Math.max(1, rows.length), cols),
  };
  const rect = rectOf(selection);

  // The toolbar's actions are one stable object reading the latest state, so the (antd-heavy)
  // toolbar does not re-render on every edit.
  const latest = useRef({ base, rows, rect, showIssues });
  useLayoutEffect(() => {
    latest.current = { base, rows, rect, showIssues };
  });
  const actions = useMemo<GridActions>(
    () => ({
      // Keyboard editing goes on in the grid after a toolbar click.
      undo: () => {
        store.undo();
        gridRef.current?.focus();
      },
      redo: () => {
        store.redo();
        gridRef.current?.focus();
      },
      copyWeek: () => setDialog('copyWeek'),
      pattern: () => setDialog('pattern'),
      lock: (locked) => {
        store.setLocks(lockableCells(latest.current.base, latest.current.rows, latest.current.rect), locked);
        gridRef.current?.focus();
      },
      toggleIssues: () => {
        const open = !latest.current.showIssues;
        localStorage.setItem(PANEL_KEY, open ? 'open' : 'closed');
        issuesPanelPreference = open;
        setShowIssues(open);
      },
      publish: () => void store.settled().then(() => setDialog('publish')),
    }),
    [store],
  );

  const wishesByRow = useMemo(() => {
    const out = new Map<number, Map<number, Wish>>();
    for (const w of wishes) {
      const r = base.rowOf.get(w.personId);
      const i = base.dateIndex.get(w.date);
      if (r === undefined || i === undefined) continue;
      if (!out.has(r)) out.set(r, new Map());
      out.get(r)!.set(i, w);
    }
    return out;
  }, [wishes, base]);
  const groupNames = useMemo(() => new Map(view.groups.map((g) => [g.id, g.name])), [view.groups]);
  const labels = useMemo(() => ({ rest: t('roster.grid.restShort') }), [t]);
  const keysForRest = useMemo(() => restKeys(new Set(base.shiftByCode.keys())), [base]);

  /** Sends a batch; says so when locked cells were kept or cells had to be left out. */
  const commit = (batch: Batch, source: EditSource = 'manual') => {
    if (batch.skipped > 0) void message.info(t('roster.grid.lockedKept', { count: batch.skipped }));
    if (batch.refused > 0) void message.warning(t('roster.grid.functionRefused', { count: batch.refused }));
    return store.edit(batch.changes, source);
  };

  const setValue = (value: CellValue) => {
    if (isSingle(selection) && !isEditable(base, selection.focus.r, base.first + selection.focus.c)) {
      void message.warning(t('roster.grid.notEmployed'));
      return;
    }
    commit(fillRect(base, rows, rect, value));
    // Typing into one cell moves on to the next day, so a week is typed as "EELLN00".
    if (isSingle(selection) && value !== null && selection.focus.c < cols - 1) {
      setSelection(single({ r: selection.focus.r, c: selection.focus.c + 1 }));
    }
  };

  const move = (dr: number, dc: number, extend: boolean) => {
    const focus = clampPos({ r: selection.focus.r + dr, c: selection.focus.c + dc }, rows.length, cols);
    setSelection(extend ? { anchor: selection.anchor, focus } : single(focus));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key;
    const lower = key.toLowerCase();
    let handled = true;
    if (mod && lower === 'z' && !e.shiftKey) store.undo();
    else if (mod && (lower === 'y' || (lower === 'z' && e.shiftKey))) store.redo();
    else if (mod && lower === 'a') setSelection({ anchor: { r: 0, c: 0 }, focus: { r: rows.length - 1, c: cols - 1 } });
    else if (mod || e.altKey) handled = false;
    else if (key === 'ArrowUp') move(-1, 0, e.shiftKey);
    else if (key === 'ArrowDown') move(1, 0, e.shiftKey);
    else if (key === 'Enter') move(e.shiftKey ? -1 : 1, 0, false);
    else if (key === 'ArrowLeft') move(0, -1, e.shiftKey);
    else if (key === 'ArrowRight') move(0, 1, e.shiftKey);
    else if (key === 'Home') move(0, -cols, e.shiftKey);
    else if (key === 'End') move(0, cols, e.shiftKey);
    else if (key === 'Escape') setSelection(single(selection.focus));
    else if (key === 'Delete' || key === 'Backspace' || key === ' ') setValue(null);
    else if (key.length === 1 && keysForRest.includes(key.toUpperCase())) setValue('rest');
    else if (/^[a-z]$/i.test(key)) {
      const shift = base.shiftByCode.get(key.toUpperCase());
      if (shift) setValue(shift.id);
      else void message.warning(t('roster.grid.unknownKey', { key: key.toUpperCase(), codes: [...base.shiftByCode.keys()].join(' ') }));
    } else handled = false;
    if (handled) e.preventDefault();
  };

  const onFill = (source: Rect, target: Rect) => commit(dragFill(base, rows, source, target));

  // ---- wishes (the auto-scheduler weighs them) ----
  const wishAt = (pos: Pos) => wishesByRow.get(pos.r)?.get(base.first + pos.c);
  const saveWish = async (kind: 'on' | 'off' | null) => {
    const pos = selection.focus;
    const existing = wishAt(pos);
    const value = rows[pos.r]?.values[base.first + pos.c];
    try {
      if (existing) await call('roster', 'removeWish', { id: existing.id });
      if (kind) {
        await call('roster', 'saveWish', {
          personId: base.people[pos.r]!.id,
          date: base.days[pos.c]!.date,
          shiftTypeId: typeof value === 'number' ? value : null,
          kind,
          weight: 1,
          note: null,
        });
      }
      await client.invalidateQueries({ queryKey: ['roster', 'wishes'] });
    } catch (error) {
      void message.error((error as Error).message, 6);
    }
  };

  const menuArgs: CellMenuArgs = {
    base,
    rows,
    selection,
    hasWish: Boolean(wishAt(selection.focus)),
    onValue: setValue,
    onLock: (locked) => store.setLocks(lockableCells(base, rows, rect), locked),
    onWish: (kind) => void saveWish(kind),
    onCopyWeek: () => setDialog('copyWeek'),
    onPattern: () => setDialog('pattern'),
  };
  const onContextMenu = (pos: Pos, x: number, y: number) => {
    if (!contains(selection, pos)) setSelection(single(pos));
    setMenuAt({ x, y });
  };

  // ---- hover explanations ----
  const describeCell = (pos: Pos): string[] => {
    const i = base.first + pos.c;
    const row = rows[pos.r];
    if (!row) return [];
    const notes: string[] = [];
    const away = base.leave[pos.r]!.get(i);
    if (away) notes.push(t('roster.grid.onLeave', { label: away.label }));
    const wish = wishAt(pos);
    if (wish) notes.push(t(wish.kind === 'on' ? 'roster.grid.wishOn' : 'roster.grid.wishOff'));
    if (row.locked[i]) notes.push(t('roster.grid.lockedNote'));
    if (!isEditable(base, pos.r, i)) notes.push(t('roster.grid.notEmployed'));
    for (const issue of summaries[pos.r]!.byDate.get(i) ?? []) notes.push(describeRowIssue(t, issue));
    if (notes.length === 0) return [];
    return [`${base.people[pos.r]!.name} · ${dayLabel(t, base, i)} · ${describeValue(t, base, row.values[i] ?? null)}`, ...notes];
  };
  const describeCoverage = (l: number, c: number): string[] => {
    const line = base.coverageLines[l]!;
    const gap = gaps.find((g) => g.line === line && g.day === c);
    const head = `${dayLabel(t, base, base.first + c)} · ${line.shift.code} ${line.shift.name}`;
    return [
      head,
      t('roster.grid.coverageCell', { planned: planned[l]![c], required: line.required[c] }),
      ...(gap ? [describeCoverageIssue(t, gap)] : []),
    ];
  };
  const describeDay = (c: number): string[] => {
    const day = base.days[c]!;
    if (day.kind === 'ordinary') return [];
    return [
      dayLabel(t, base, base.first + c),
      `${t(`roster.calendarTab.kinds.${day.kind}`)}${day.holidayName ? ` · ${day.holidayName}` : ''}`,
    ];
  };

  // ---- the problem list (built only while it is shown) ----
  const listed = useMemo(() => (showIssues ? listIssues(t, base, gaps, summaries) : []), [showIssues, t, base, gaps, summaries]);
  const jumpTo = (issue: ListedIssue) => {
    if (issue.pos) setSelection(single(issue.pos));
    else gridRef.current?.revealColumn(issue.column);
    gridRef.current?.focus();
  };

  return (
    <>
      <ShiftStyles shiftTypes={view.shiftTypes} />
      <GridToolbar
        view={view}
        store={store}
        canUndo={canUndo}
        canRedo={canRedo}
        issueCount={checked ? issueCount : null}
        showIssues={showIssues}
        actions={actions}
      />
      <Banners view={view} empty={empty} codes={[...base.shiftByCode.keys()].join(' ')} rest={keysForRest.join(' / ')} onTab={onTab} />
      <div className="roster-grid-area">
        <div className="roster-grid-column">
          <RosterGrid
            ref={gridRef}
            base={base}
            rows={rows}
            summaries={summaries}
            planned={planned}
            wishes={wishesByRow}
            groupNames={groupNames}
            labels={labels}
            selection={selection}
            onSelect={setSelection}
            onKeyDown={onKeyDown}
            onFill={onFill}
            onContextMenu={onContextMenu}
            describeCell={describeCell}
            describeCoverage={describeCoverage}
            describeDay={describeDay}
          />
          <GridLegend base={base} restKeys={keysForRest} />
        </div>
        {showIssues && <IssuesPanel issues={listed} checking={!checked} onJump={jumpTo} onClose={actions.toggleIssues} />}
      </div>
      {menuAt && <CellMenu x={menuAt.x} y={menuAt.y} args={menuArgs} onClose={() => setMenuAt(null)} />}
      {dialog === 'copyWeek' && (
        <CopyWeekDialog base={base} rows={rows} rect={rect} onApply={(batch) => commit(batch, 'copy')} onClose={() => setDialog(null)} />
      )}
      {dialog === 'pattern' && (
        <PatternDialog base={base} rows={rows} rect={rect} onApply={(batch) => commit(batch, 'pattern')} onClose={() => setDialog(null)} />
      )}
      {dialog === 'publish' && <PublishDialog view={view} onClose={() => setDialog(null)} />}
    </>
  );
}
