// A rectangular selection of grid cells: rows are people (row index), columns are the month's
// days (0 = the 1st). The anchor stays where the selection started; the focus moves.

export interface Pos {
  r: number;
  c: number;
}

export interface Selection {
  anchor: Pos;
  focus: Pos;
}

export interface Rect {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

export const single = (pos: Pos): Selection => ({ anchor: pos, focus: pos });

export function rectOf(s: Selection): Rect {
  return {
    r0: Math.min(s.anchor.r, s.focus.r),
    r1: Math.max(s.anchor.r, s.focus.r),
    c0: Math.min(s.anchor.c, s.focus.c),
    c1: Math.max(s.anchor.c, s.focus.c),
  };
}

export function isSingle(s: Selection): boolean {
  return s.anchor.r === s.focus.r && s.anchor.c === s.focus.c;
}

export function contains(s: Selection, pos: Pos): boolean {
  const r = rectOf(s);
  return pos.r >= r.r0 && pos.r <= r.r1 && pos.c >= r.c0 && pos.c <= r.c1;
}

export function clampPos(pos: Pos, rows: number, cols: number): Pos {
  return { r: Math.max(0, Math.min(rows - 1, pos.r)), c: Math.max(0, Math.min(cols - 1, pos.c)) };
}
