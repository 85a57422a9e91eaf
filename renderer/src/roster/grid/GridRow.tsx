import { memo, type ReactNode } from 'react';
import type { GridBase, RowCells } from './model.ts';
import type { RowSummary } from './derived.ts';
import { formatHours } from '../dates.ts';
import { ROW_H, dayClass } from './layout.ts';

export interface Wish {
  id: number;
  personId: number;
  date: string;
  shiftTypeId: number | null;
  kind: 'on' | 'off';
}

export interface RowLabels {
  rest: string;
}

/**
 * One person's day cells: plain divs with classes, no component per cell, so a repaint after an
 * edit touches only the row that changed (memo: the other rows keep their props by identity).
 */
export const GridRow = memo(function GridRow({
  base,
  r,
  row,
  summary,
  wishes,
  labels,
}: {
  base: GridBase;
  r: number;
  row: RowCells;
  summary: RowSummary;
  wishes: Map<number, Wish> | undefined;
  labels: RowLabels;
}) {
  const person = base.people[r]!;
  const employed = base.employed[r]!;
  const leave = base.leave[r]!;
  const cells: ReactNode[] = [];
  for (let c = 0; c < base.days.length; c++) {
    const i = base.first + c;
    const day = base.days[c]!;
    const value = row.values[i];
    let cls = `rg-cell ${dayClass(day.kind, day.weekday)}`;
    let text = '';
    if (typeof value === 'number') {
      cls += ` rg-s-${value}`;
      text = base.shiftById.get(value)?.code ?? '?';
    } else if (value === 'rest') {
      cls += ' rg-rest';
      text = labels.rest;
    }
    const away = leave.size > 0 ? leave.get(i) : undefined;
    if (away) {
      cls += ' rg-leave';
      if (!text) text = away.label.slice(0, 1);
    }
    if (i < employed.from || i > employed.to) cls += ' rg-out';
    if (row.locked[i]) cls += ' rg-locked';
    const issues = summary.byDate.get(i);
    if (issues) cls += issues.some((x) => x.severity === 'error') ? ' rg-issue' : ' rg-warn';
    const wish = wishes?.get(i);
    cells.push(
      <div key={c} className={cls} data-c={c} data-cell={`${person.id}:${day.date}`}>
        {wish && <i className={`rg-wish ${wish.kind}`} />}
        {text}
      </div>,
    );
  }
  return (
    <div className="rg-row" data-r={r} data-person={person.id} style={{ top: r * ROW_H }}>
      {cells}
    </div>
  );
});

/** The name column: name and group, employee number on hover. */
export const RowName = memo(function RowName({
  person,
  r,
  groupName,
}: {
  person: GridBase['people'][number];
  r: number;
  groupName: string | null;
}) {
  return (
    <div className="rg-name" title={person.employeeNo} style={{ top: r * ROW_H }}>
      <span className="rg-name-text">{person.name}</span>
      {groupName && <span className="rg-group">{groupName}</span>}
    </div>
  );
});

/** The hours column: paid hours planned in the month, red when an hours limit is broken. */
export const RowHours = memo(function RowHours({ personId, r, summary }: { personId: number; r: number; summary: RowSummary }) {
  const bad = summary.issues.some((x) => x.rule === 'weeklyHours' || x.rule === 'dailyHours');
  return (
    <div className={`rg-hours${bad ? ' bad' : ''}`} data-testid={`hours-${personId}`} style={{ top: r * ROW_H }}>
      {formatHours(summary.minutes)}
    </div>
  );
});
