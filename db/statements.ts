import type { Statement } from 'better-sqlite3';
import type { Sqlite } from './connection.ts';

const caches = new WeakMap<Sqlite, Map<string, Statement<unknown[]>>>();

/**
 * A prepared statement, prepared once per connection. better-sqlite3 does not cache, and
 * preparing is the dominant cost of a small query run thousands of times (an import).
 */
export function statement(sqlite: Sqlite, sql: string): Statement<unknown[]> {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = sqlite.prepare<unknown[]>(sql)));
  return prepared;
}

/** The where clause of a list query, built from the filters that are set ("and" between them). */
export class Filters {
  readonly params: unknown[] = [];
  private readonly clauses: string[] = [];

  /** Adds `clause` (with one `?` for value) when value is set. */
  add(clause: string, value: unknown): this {
    if (value !== undefined && value !== null && value !== '') {
      this.clauses.push(clause);
      this.params.push(value);
    }
    return this;
  }

  get where(): string {
    return this.clauses.length ? `where ${this.clauses.join(' and ')}` : '';
  }
}
