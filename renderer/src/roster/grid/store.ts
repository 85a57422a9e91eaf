import type { CellChange, MonthView } from '../../../../main/roster/contract.ts';
import { applyChanges, applyLocks, buildBase, buildRows, effectiveChanges, inverseOf, type GridBase, type RowCells } from './model.ts';

// The grid's editing state outside React: edits show at once (optimistic), go to the server one
// batch at a time in order (so two quick edits of one cell cannot arrive swapped), and a batch the
// server refuses is rolled back by replaying what is still pending on top of what it confirmed.

export type EditSource = 'manual' | 'pattern' | 'copy' | 'auto' | 'undo';
export type CellRef = { personId: number; date: string };

type Op = { kind: 'cells'; changes: CellChange[]; source: EditSource } | { kind: 'locks'; cells: CellRef[]; locked: boolean };

/** One undoable step: what it did and what undoes it (setCells batches both ways). */
interface Batch {
  forward: CellChange[];
  inverse: CellChange[];
  source: EditSource;
}

export interface GridServer {
  setCells(changes: CellChange[], source: EditSource): Promise<void>;
  lockCells(cells: CellRef[], locked: boolean): Promise<void>;
  /** Called after the server confirmed a write, to refresh what depends on the cells. */
  saved(): void;
}

export interface GridSnapshot {
  base: GridBase;
  rows: RowCells[];
  canUndo: boolean;
  canRedo: boolean;
  /** Writes sent and not yet confirmed. */
  saving: number;
}

function applyOp(base: GridBase, rows: RowCells[], op: Op): RowCells[] {
  return op.kind === 'cells' ? applyChanges(base, rows, op.changes) : applyLocks(base, rows, op.cells, op.locked);
}

function sameRow(a: RowCells, b: RowCells): boolean {
  if (a.values.length !== b.values.length) return false;
  for (let i = 0; i < a.values.length; i++) if (a.values[i] !== b.values[i] || a.locked[i] !== b.locked[i]) return false;
  return true;
}

export class GridStore {
  private base: GridBase;
  private confirmed: RowCells[];
  private rows: RowCells[];
  private pending: Op[] = [];
  private undoStack: Batch[] = [];
  private redoStack: Batch[] = [];
  private queue: Promise<void> = Promise.resolve();
  private snapshot: GridSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly server: GridServer;
  private readonly onError: (error: unknown) => void;

  constructor(view: MonthView, server: GridServer, onError: (error: unknown) => void) {
    this.server = server;
    this.onError = onError;
    this.base = buildBase(view);
    this.confirmed = buildRows(this.base);
    this.rows = this.confirmed;
    this.snapshot = this.makeSnapshot();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /** New data from the server: what is still pending is replayed on top; unchanged rows keep their identity. */
  reset(view: MonthView): void {
    if (view === this.base.view) return;
    const sameScope = view.month === this.base.view.month && view.groupId === this.base.view.groupId;
    if (!sameScope) {
      this.undoStack = [];
      this.redoStack = [];
    }
    const previous = sameScope && view.people.length === this.base.people.length ? this.rows : null;
    this.base = buildBase(view);
    this.confirmed = buildRows(this.base);
    let rows = this.replay();
    if (previous && view.people.every((p, i) => this.base.people[i]!.id === p.id)) {
      rows = rows.map((row, i) => (previous[i] && sameRow(previous[i], row) ? previous[i] : row));
    }
    this.rows = rows;
    this.emit();
  }

  /** Sets cells; returns false when nothing changed. */
  edit(changes: CellChange[], source: EditSource = 'manual'): boolean {
    const forward = effectiveChanges(this.base, this.rows, changes);
    if (forward.length === 0) return false;
    const batch = { forward, inverse: inverseOf(this.base, this.rows, forward), source };
    this.undoStack.push(batch);
    this.redoStack = [];
    this.run({ kind: 'cells', changes: forward, source }, batch);
    return true;
  }

  undo(): void {
    const batch = this.undoStack.pop();
    if (!batch) return;
    this.redoStack.push(batch);
    this.run({ kind: 'cells', changes: batch.inverse, source: 'undo' }, batch);
  }

  redo(): void {
    const batch = this.redoStack.pop();
    if (!batch) return;
    this.undoStack.push(batch);
    this.run({ kind: 'cells', changes: batch.forward, source: 'undo' }, batch);
  }

  setLocks(cells: CellRef[], locked: boolean): void {
    const changed = cells.filter((c) => {
      const row = this.base.rowOf.get(c.personId);
      const index = this.base.dateIndex.get(c.date);
      return row !== undefined && index !== undefined && this.rows[row]!.locked[index] !== locked;
    });
    if (changed.length > 0) this.run({ kind: 'locks', cells: changed, locked });
  }

  private run(op: Op, batch?: Batch): void {
    this.rows = applyOp(this.base, this.rows, op);
    this.pending.push(op);
    this.emit();
    this.queue = this.queue.then(async () => {
      let failed = false;
      try {
        if (op.kind === 'cells') await this.server.setCells(op.changes, op.source);
        else await this.server.lockCells(op.cells, op.locked);
        this.confirmed = applyOp(this.base, this.confirmed, op);
      } catch (error) {
        failed = true;
        this.onError(error);
      }
      this.pending.splice(this.pending.indexOf(op), 1);
      if (failed) {
        // The step is gone: it can be neither undone nor redone.
        if (batch) {
          this.undoStack = this.undoStack.filter((b) => b !== batch);
          this.redoStack = this.redoStack.filter((b) => b !== batch);
        }
        const rows = this.replay();
        this.rows = rows.map((row, i) => (sameRow(row, this.rows[i]!) ? this.rows[i]! : row));
      } else if (this.pending.length === 0) this.server.saved();
      this.emit();
    });
  }

  /** Waits until every write sent so far has been answered. */
  settled(): Promise<void> {
    return this.queue;
  }

  private replay(): RowCells[] {
    let rows = this.confirmed;
    for (const op of this.pending) rows = applyOp(this.base, rows, op);
    return rows;
  }

  private makeSnapshot(): GridSnapshot {
    return {
      base: this.base,
      rows: this.rows,
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
      saving: this.pending.length,
    };
  }

  private emit(): void {
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }
}
