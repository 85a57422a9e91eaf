import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type Ref } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { GridBase, RowCells } from './model.ts';
import type { RowSummary } from './derived.ts';
import { GridRow, type RowLabels, type Wish } from './GridRow.tsx';
import { GridHeader } from './GridHeader.tsx';
import { CoverageFooter } from './CoverageFooter.tsx';
import { HoverTip, type HoverTipHandle } from './HoverTip.tsx';
import { rectOf, single, type Pos, type Rect, type Selection } from './selection.ts';
import { CELL_W, FOOT_ROW_H, HEAD_H, HOURS_W, NAME_W, ROW_H, gridWidth } from './layout.ts';

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
 * The roster grid: people × days, virtualised by rows inside one scroll box whose header, name
 * column, hours column and coverage footer stay in view with CSS sticky positioning. Selection is
 * an overlay box, so moving it never re-renders the rows.
 */
export function RosterGrid(props: RosterGridProps) {
  const { base, rows, summaries, planned, wishes, groupNames, labels, selection, onSelect } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
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

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this component itself on scroll
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    overscan: 6,
    scrollMargin: HEAD_H,
    // Start from the window's size and let a ResizeObserver report the real one: the default
    // measures the element on mount, which forces a layout of the whole page before the rows exist.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    observeElementRect: (instance, report) => {
      const element = instance.scrollElement;
      if (!element) return;
      const observer = new ResizeObserver(() => report({ width: element.clientWidth, height: element.clientHeight }));
      observer.observe(element);
      return () => observer.disconnect();
    },
  });

  useImperativeHandle(props.ref, () => ({
    focus: () => scrollRef.current?.focus({ preventScroll: true }),
    revealColumn: (c) => revealRect(c, c, null),
  }));

  // Scroll position and viewport size, kept from scroll and resize events: reading them from the
  // element after an edit would force a layout of the whole grid in the middle of the update.
  const metrics = useRef({ left: 0, top: 0, width: 0, height: 0 });
  useEffect(() => {
    const box = scrollRef.current!;
    const observer = new ResizeObserver(([entry]) => {
      metrics.current.width = entry!.contentRect.width;
      metrics.current.height = entry!.contentRect.height;
      clipOverlaysRef.current();
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  const onScroll = () => {
    const box = scrollRef.current!;
    metrics.current.left = box.scrollLeft;
    metrics.current.top = box.scrollTop;
    clipOverlays();
  };

  // Rows are layers of their own, so the selection box would paint over the sticky name and hours
  // columns when the grid is scrolled sideways; it is clipped to the day columns in view instead.
  const selRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const clipOverlays = () => {
    const m = metrics.current;
    if (m.width === 0) return;
    const visibleLeft = m.left + NAME_W;
    const visibleRight = m.left + m.width - HOURS_W;
    for (const [el, r] of [
      [selRef.current, rectOf(selection)],
      [previewRef.current, fillTarget],
    ] as const) {
      if (!el || !r) continue;
      const left = NAME_W + r.c0 * CELL_W;
      const right = NAME_W + (r.c1 + 1) * CELL_W;
      const clipLeft = left < visibleLeft ? visibleLeft - left : -6;
      const clipRight = right > visibleRight ? right - visibleRight : -6;
      el.style.clipPath = `inset(-6px ${clipRight}px -6px ${clipLeft}px)`;
    }
  };
  const clipOverlaysRef = useRef(clipOverlays);
  useLayoutEffect(() => {
    clipOverlaysRef.current = clipOverlays;
    clipOverlays();
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
        if (target) props.onFill(current.source, target);
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
    if (pos) lines = props.describeCell(pos);
    else {
      const foot = target.closest?.('[data-fc]') as HTMLElement | null;
      const head = target.closest?.('[data-hc]') as HTMLElement | null;
      if (foot) lines = props.describeCoverage(Number(foot.dataset.fl), Number(foot.dataset.fc));
      else if (head) lines = props.describeDay(Number(head.dataset.hc));
    }
    if (lines.length > 0 && !current) tipRef.current?.show(e.clientX, e.clientY, lines);
    else tipRef.current?.hide();
  };

  const onContextMenu = (e: MouseEvent<HTMLDivElement>) => {
    const pos = posOf(e.target);
    tipRef.current?.hide();
    if (!pos) return;
    e.preventDefault();
    props.onContextMenu(pos, e.clientX, e.clientY);
  };

  const rect = rectOf(selection);
  const box = (r: Rect) => ({
    left: NAME_W + r.c0 * CELL_W,
    top: r.r0 * ROW_H,
    width: (r.c1 - r.c0 + 1) * CELL_W,
    height: (r.r1 - r.r0 + 1) * ROW_H,
  });
  const width = gridWidth(cols);

  return (
    <>
      <div
        ref={scrollRef}
        className="rg"
        data-testid="roster-grid"
        tabIndex={0}
        onKeyDown={props.onKeyDown}
        onMouseDown={onMouseDown}
        onMouseOver={onMouseOver}
        onMouseLeave={() => tipRef.current?.hide()}
        onContextMenu={onContextMenu}
        onScroll={onScroll}
      >
        <div className="rg-canvas" style={{ width }}>
          <GridHeader base={base} />
          <div className="rg-body" style={{ height: rows.length * ROW_H, width }}>
            {virtualizer.getVirtualItems().map((item) => (
              <GridRow
                key={base.people[item.index]!.id}
                base={base}
                r={item.index}
                row={rows[item.index]!}
                summary={summaries[item.index]!}
                wishes={wishes.get(item.index)}
                labels={labels}
                groupName={groupNames ? (groupNames.get(base.people[item.index]!.groupId ?? -1) ?? null) : null}
              />
            ))}
            {rows.length > 0 && (
              <div ref={selRef} className="rg-sel" style={box(rect)} data-testid="grid-selection">
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
            {fillTarget && <div ref={previewRef} className="rg-fill-preview" style={box(fillTarget)} />}
          </div>
          <CoverageFooter base={base} planned={planned} />
        </div>
      </div>
      <HoverTip ref={tipRef} />
    </>
  );
}
