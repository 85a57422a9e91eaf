import { useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type MouseEvent, type Ref } from 'react';
import type { GridBase, RowCells } from './model.ts';
import type { RowSummary } from './derived.ts';
import { GridRow, RowHours, RowName, type RowLabels, type Wish } from './GridRow.tsx';
import { GridHeader } from './GridHeader.tsx';
import { CoverageFooter } from './CoverageFooter.tsx';
import { HoverTip, type HoverTipHandle } from './HoverTip.tsx';
import { rectOf, single, type Pos, type Rect, type Selection } from './selection.ts';
import { CELL_W, FOOT_ROW_H, HEAD_H, HOURS_W, NAME_W, ROW_H, gridWidth } from './layout.ts';
import { useRowWindow } from '../../shell/useRowWindow.ts';

/** Rows rendered beyond the viewport on each side, so scrolling a little shows no gap. */
const OVERSCAN = 4;

export interface RosterGridHandle {
  focus(): void;
  /** Scrolls a column into view (for coverage problems, which have no row). */
  revealColumn(c: number): void;
}

export interface RosterGridProps {
  ref?: Ref<RosterGridHandle>;
  base: GridBase;
  rows: RowCells[];
  summaries: RowSummary[];
  planned: number[][];
  wishes: Map<number, Map<number, Wish>>;
  groupNames: Map<number, string> | null;
  labels: RowLabels;
  selection: Selection;
  onSelect(selection: Selection): void;
  onKeyDown(event: KeyboardEvent<HTMLDivElement>): void;
  /** Drag-to-fill: repeat the selection's values over `target` (the selection grown along its rows). */
  onFill(source: Rect, target: Rect): void;
  describeCell(pos: Pos): string[];
  describeCoverage(line: number, c: number): string[];
  describeDay(c: number): string[];
  /** Right-click on a cell, with the mouse position for the menu. */
  onContextMenu(pos: Pos, x: number, y: number): void;
}

type Drag = { mode: 'select' } | { mode: 'fill'; source: Rect } | null;

/** Reads the grid position of a mouse event from the cell under it (one handler for all cells). */
function posOf(target: EventTarget): Pos | null {
  const cell = (target as HTMLElement).closest?.('[data-c]') as HTMLElement | null;
  const row = cell?.parentElement;
  if (!cell || !row?.dataset.r) return null;
  return { r: Number(row.dataset.r), c: Number(cell.dataset.c) };
}

/**
 * The roster grid: people × days, virtualised by rows (only those in view are in the DOM) inside one scroll box whose header, name
 * column, hours column and coverage footer stay in view with CSS sticky positioning. Selection is
 * an overlay box, so moving it never re-renders the rows.
 */
export function RosterGrid(props: RosterGridProps) {
  const { ref, base, rows, summaries, planned, wishes, groupNames, labels, selection, onSelect, onKeyDown, onFill } = props;
  const { describeCell, describeCoverage, describeDay, onContextMenu: openMenu } = props;
  const tipRef = useRef<HoverTipHandle>(null);
  const drag = useRef<Drag>(null);
  const [fillTarget, setFillTarget] = useState<Rect | null>(null);
  const fillRef = useRef<Rect | null>(null);
  const setFill = (target: Rect | null) => {
    fillRef.current = target;
    setFillTarget(target);
  };
  const cols = base.days.length;
  const footHeight = base.coverageLines.length * FOOT_ROW_H;

  // Until the first resize report, assume the box gets the window less about 320px: the app's
  // header, the page head, toolbar, banner and legend.
  const { scrollRef, metrics, onScroll, inView } = useRowWindow({
    count: rows.length,
    rowHeight: ROW_H,
    offset: HEAD_H,
    footer: footHeight,
    overscan: OVERSCAN,
    initialHeight: window.innerHeight - 320,
  });

  /** Scrolls so the cell (row r, column c) is visible between the sticky header, footer and columns. */
  const revealRect = (c: number, _c2: number, r: number | null) => {
    const box = scrollRef.current;
    const m = metrics.current;
    if (!box || m.width === 0) return;
    const left = NAME_W + c * CELL_W;
    if (left < m.left + NAME_W) box.scrollLeft = left - NAME_W;
    else if (left + CELL_W > m.left + m.width - HOURS_W) box.scrollLeft = left + CELL_W - m.width + HOURS_W;
    if (r === null) return;
    const top = HEAD_H + r * ROW_H;
    if (top < m.top + HEAD_H) box.scrollTop = top - HEAD_H;
    else if (top + ROW_H > m.top + m.height - footHeight) box.scrollTop = top + ROW_H - m.height + footHeight;
  };

  useImperativeHandle(ref, () => ({
    focus: () => scrollRef.current?.focus({ preventScroll: true }),
    revealColumn: (c) => revealRect(c, c, null),
  }));

  // Keyboard moves and jumps from the problem list bring the active cell into view.
  const focusR = selection.focus.r;
  const focusC = selection.focus.c;
  useEffect(() => {
    if (drag.current) return;
    revealRect(focusC, focusC, focusR);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the active cell moves
  }, [focusR, focusC]);

  useEffect(() => {
    const end = () => {
      const current = drag.current;
      drag.current = null;
      if (current?.mode === 'fill') {
        const target = fillRef.current;
        setFill(null);
        if (target) onFill(current.source, target);
      }
    };
    window.addEventListener('mouseup', end);
    return () => window.removeEventListener('mouseup', end);
  });

  const onMouseDown = (e: MouseEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const target = e.target as HTMLElement;
    if (target.classList.contains('rg-fill-handle')) {
      e.preventDefault();
      drag.current = { mode: 'fill', source: rectOf(selection) };
      setFill(rectOf(selection));
      scrollRef.current?.focus({ preventScroll: true });
      return;
    }
    const pos = posOf(target);
    if (!pos) return;
    e.preventDefault();
    scrollRef.current?.focus({ preventScroll: true });
    onSelect(e.shiftKey ? { anchor: selection.anchor, focus: pos } : single(pos));
    drag.current = { mode: 'select' };
  };

  const onMouseOver = (e: MouseEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const pos = posOf(target);
    const current = drag.current;
    if (pos && current?.mode === 'select') {
      if (pos.r !== selection.focus.r || pos.c !== selection.focus.c) onSelect({ anchor: selection.anchor, focus: pos });
    } else if (pos && current?.mode === 'fill') {
      // Fill runs along rows: the target grows left or right from the source, never up or down.
      const s = current.source;
      setFill({ r0: s.r0, r1: s.r1, c0: Math.min(s.c0, pos.c), c1: Math.max(s.c1, pos.c) });
    }
    let lines: string[] = [];
    if (pos) lines = describeCell(pos);
    else {
      const foot = target.closest?.('[data-fc]') as HTMLElement | null;
      const head = target.closest?.('[data-hc]') as HTMLElement | null;
      if (foot) lines = describeCoverage(Number(foot.dataset.fl), Number(foot.dataset.fc));
      else if (head) lines = describeDay(Number(head.dataset.hc));
    }
    if (lines.length > 0 && !current) tipRef.current?.show(e.clientX, e.clientY, lines);
    else tipRef.current?.hide();
  };

  const onContextMenu = (e: MouseEvent<HTMLDivElement>) => {
    const pos = posOf(e.target);
    tipRef.current?.hide();
    if (!pos) return;
    e.preventDefault();
    openMenu(pos, e.clientX, e.clientY);
  };

  const rect = rectOf(selection);
  const box = (r: Rect) => ({
    left: r.c0 * CELL_W,
    top: r.r0 * ROW_H,
    width: (r.c1 - r.c0 + 1) * CELL_W,
    height: (r.r1 - r.r0 + 1) * ROW_H,
  });
  const width = gridWidth(cols);
  const bodyHeight = rows.length * ROW_H;
  const groupName = (r: number) => (groupNames ? (groupNames.get(base.people[r]!.groupId ?? -1) ?? null) : null);

  return (
    <>
      <div
        ref={scrollRef}
        className="rg"
        data-testid="roster-grid"
        tabIndex={0}
        onKeyDown={onKeyDown}
        onMouseDown={onMouseDown}
        onMouseOver={onMouseOver}
        onMouseLeave={() => tipRef.current?.hide()}
        onContextMenu={onContextMenu}
        onScroll={onScroll}
      >
        <div className="rg-canvas" style={{ width }}>
          <GridHeader base={base} />
          {/* Names, days and hours are three columns: the names and hours stay in view by CSS sticky,
              and the rows of day cells hold nothing sticky, so each can be contained on its own. */}
          <div className="rg-body" style={{ height: bodyHeight, width }}>
            <div className="rg-names" style={{ height: bodyHeight }}>
              {inView.map((r) => (
                <RowName key={base.people[r]!.id} person={base.people[r]!} r={r} groupName={groupName(r)} />
              ))}
            </div>
            <div className="rg-days" style={{ height: bodyHeight, width: cols * CELL_W }}>
              {inView.map((r) => (
                <GridRow
                  key={base.people[r]!.id}
                  base={base}
                  r={r}
                  row={rows[r]!}
                  summary={summaries[r]!}
                  wishes={wishes.get(r)}
                  labels={labels}
                />
              ))}
              {rows.length > 0 && (
                <div className="rg-sel" style={box(rect)} data-testid="grid-selection">
                  <div
                    className="rg-active"
                    style={{
                      left: (selection.focus.c - rect.c0) * CELL_W,
                      top: (selection.focus.r - rect.r0) * ROW_H,
                      width: CELL_W,
                      height: ROW_H,
                    }}
                  />
                  <div className="rg-fill-handle" />
                </div>
              )}
              {fillTarget && <div className="rg-fill-preview" style={box(fillTarget)} />}
            </div>
            <div className="rg-hourscol" style={{ height: bodyHeight }}>
              {inView.map((r) => (
                <RowHours key={base.people[r]!.id} personId={base.people[r]!.id} r={r} summary={summaries[r]!} />
              ))}
            </div>
          </div>
          <CoverageFooter base={base} planned={planned} />
        </div>
      </div>
      <HoverTip ref={tipRef} />
    </>
  );
}
