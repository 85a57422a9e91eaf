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
