import type { Store } from '../../db/connection.ts';

/** Who is using the app: the supervisor, or a named group leader (no passwords yet). */
export interface Actor {
  /** 'supervisor' or 'person:<id>' */
  id: string;
  name: string;
}

/** What every service call gets: the open data file and who is acting. */
export interface Ctx {
  store: Store;
  actor: Actor;
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** Today's date on this computer's calendar as YYYY-MM-DD. */
export function localToday(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
