import { useMemo, useState, type ReactNode } from 'react';
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { useRowWindow } from './useRowWindow.ts';
import './virtual-table.css';

export interface Column<T> {
  key: string;
  title: ReactNode;
  width: number;
  render: (row: T) => ReactNode;
  /** Sorts by this column when its header is clicked. */
  compare?: (a: T, b: T) => number;
  align?: 'left' | 'right';
  /** Stays in view at the right edge when the table scrolls sideways. */
  pinned?: boolean;
}

type Sort = { key: string; direction: 1 | -1 } | null;

/**
 * A light table for hundreds of rows: plain elements with table roles, only the rows in view in
 * the DOM, a sticky header, click-to-sort. Ant Design's Table measures every column on
 * first render, which alone took longer than the whole budget of a 300-row screen.
 */
export function VirtualTable<T>(props: {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  rowHeight?: number;
  /** The scroll box's height; without it the table fills its parent (at least 200px high). */
  height?: number;
  empty?: ReactNode;
  rowClassName?: (row: T) => string;
  defaultSort?: Sort;
  testId?: string;
  label?: string;
}) {
  const rowHeight = props.rowHeight ?? 40;
  const [sort, setSort] = useState<Sort>(props.defaultSort ?? null);
  const sorted = useMemo(
    () => {
      const column = sort && props.columns.find((c) => c.key === sort.key);
      if (!column?.compare) return props.rows;
      return [...props.rows].sort((a, b) => column.compare!(a, b) * sort!.direction);
    },
    // Callers build their columns on every render; a column's order depends on its key alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [props.rows, sort],
  );
  // Until the scroll box reports its size, assume it gets the window less the app's header, the
  // card's title and filters and the table's own header (about 250px). A box found higher gets its
  // last rows in a second pass; one found lower needs none.
  const { scrollRef, onScroll, inView } = useRowWindow({
    count: sorted.length,
    rowHeight,
    overscan: 4,
    initialHeight: props.height ?? window.innerHeight - 250,
  });
  const width = props.columns.reduce((sum, c) => sum + c.width, 0);
  const template = props.columns.map((c) => `${c.width}px`).join(' ');

  const toggle = (column: Column<T>) => {
    if (!column.compare) return;
    setSort((s) =>
      s?.key !== column.key ? { key: column.key, direction: 1 } : s.direction === 1 ? { key: column.key, direction: -1 } : null,
    );
  };

  return (
    <div
      className={props.height === undefined ? 'vt vt-fill' : 'vt'}
      role="table"
      aria-label={props.label}
      aria-rowcount={sorted.length + 1}
      data-testid={props.testId}
    >
      <div
        ref={scrollRef}
        onScroll={onScroll}
        className="vt-scroll"
        style={props.height === undefined ? undefined : { height: props.height }}
      >
        <div className="vt-inner" style={{ minWidth: width }}>
          <div className="vt-row vt-head" role="row" style={{ gridTemplateColumns: template }}>
            {props.columns.map((c) => (
              <div
                key={c.key}
                role="columnheader"
                aria-sort={sort?.key === c.key ? (sort.direction === 1 ? 'ascending' : 'descending') : undefined}
                className={`vt-cell${c.align === 'right' ? ' vt-right' : ''}${c.compare ? ' vt-sortable' : ''}${c.pinned ? ' vt-pinned' : ''}`}
                onClick={() => toggle(c)}
              >
                {c.title}
                {c.compare && (
                  <span className={`vt-sorter${sort?.key === c.key ? ' vt-sorted' : ''}`}>
                    {sort?.key === c.key && sort.direction === -1 ? <CaretDownOutlined /> : <CaretUpOutlined />}
                  </span>
                )}
              </div>
            ))}
          </div>
          {sorted.length === 0 ? (
            <div className="vt-empty">{props.empty}</div>
          ) : (
            <div style={{ height: sorted.length * rowHeight, position: 'relative' }}>
              {inView.map((index) => {
                const row = sorted[index]!;
                return (
                  <div
                    key={props.rowKey(row)}
                    role="row"
                    aria-rowindex={index + 2}
                    className={`vt-row vt-body-row ${props.rowClassName?.(row) ?? ''}`}
                    style={{ gridTemplateColumns: template, height: rowHeight, transform: `translateY(${index * rowHeight}px)` }}
                  >
                    {props.columns.map((c) => (
                      <div
                        key={c.key}
                        role="cell"
                        className={`vt-cell${c.align === 'right' ? ' vt-right' : ''}${c.pinned ? ' vt-pinned' : ''}`}
                      >
                        {c.render(row)}
                      </div>
                    ))}
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
