import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import type { AuditEntry } from '../audit/record.ts';
import { statement } from '../../db/statements.ts';
import { normaliseHeader } from './mapping.ts';

// Column mappings remembered per kind of file: a time clock or an HR system always writes the same
// headers, so the mapping the user checked once is found again by the headers' fingerprint.

export function headerFingerprint(headers: readonly string[]): string {
  return headers.map(normaliseHeader).join('|');
}

/** The mapping last used for files with these headers, when it still fits them. */
export function rememberedMapping<F extends string>(
  ctx: Ctx,
  kind: string,
  headers: readonly string[],
  fields: readonly F[],
): Array<F | null> | null {
  const row = statement(ctx.store.sqlite, 'select mapping from import_profiles where kind = ? and fingerprint = ?').get(
    kind,
    headerFingerprint(headers),
  ) as { mapping: string } | undefined;
  if (!row) return null;
  const mapping = JSON.parse(row.mapping) as Array<F | null>;
  const valid = mapping.length === headers.length && mapping.every((f) => f === null || fields.includes(f));
  return valid ? mapping : null;
}

/** Keeps the mapping of an import that went through; the caller holds the transaction. */
export function rememberMapping(
  ctx: Ctx,
  kind: string,
  headers: readonly string[],
  mapping: ReadonlyArray<string | null>,
  audit: (entry: AuditEntry) => void,
): void {
  const fingerprint = headerFingerprint(headers);
  const before = statement(ctx.store.sqlite, 'select mapping from import_profiles where kind = ? and fingerprint = ?').get(
    kind,
    fingerprint,
  ) as { mapping: string } | undefined;
  const json = JSON.stringify(mapping);
  if (before?.mapping === json) return;
  statement(
    ctx.store.sqlite,
    `insert into import_profiles (kind, fingerprint, mapping, updated_at) values (?, ?, ?, ?)
     on conflict(kind, fingerprint) do update set mapping = excluded.mapping, updated_at = excluded.updated_at`,
  ).run(kind, fingerprint, json, nowIso());
  audit({
    action: before ? 'update' : 'create',
    entity: 'importProfile',
    entityId: `${kind}:${fingerprint}`,
    before: before ? JSON.parse(before.mapping) : undefined,
    after: mapping,
  });
}
