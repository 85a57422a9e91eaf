import { t } from '../i18n/index.ts';

/** Header spellings seen in real files, per field; compared after normalising case and punctuation. */
export type Synonyms<F extends string> = Record<F, string[]>;

export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[（(].*?[)）]/g, '')
    .replace(/[\s*＊:：_\-./]/g, '');
}

/** For each column, the field its header names (or null); a field is used once at most. */
export function suggestMapping<F extends string>(headers: string[], synonyms: Synonyms<F>): Array<F | null> {
  const lookup = new Map<string, F>();
  for (const [field, names] of Object.entries(synonyms) as Array<[F, string[]]>) {
    for (const name of [field, ...names]) lookup.set(normaliseHeader(name), field);
  }
  const used = new Set<F>();
  return headers.map((header) => {
    const field = lookup.get(normaliseHeader(header));
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

/** What is wrong with a mapping: required fields missing, or a field fed by two columns. */
export function mappingProblems<F extends string>(mapping: Array<F | null>, required: F[], label: (field: F) => string): string[] {
  const problems: string[] = [];
  const missing = required.filter((f) => !mapping.includes(f));
  if (missing.length > 0) problems.push(t('import.missingField', { fields: missing.map(label).join(t('common.listSeparator')) }));
  const seen = new Set<F>();
  for (const field of mapping) {
    if (field === null) continue;
    if (seen.has(field)) problems.push(t('import.duplicateMapping', { field: label(field) }));
    seen.add(field);
  }
  return problems;
}

/** Reads a row through a mapping into { field: text }. */
export function mapRow<F extends string>(cells: string[], mapping: Array<F | null>): Partial<Record<F, string>> {
  const record: Partial<Record<F, string>> = {};
  mapping.forEach((field, i) => {
    if (field !== null) record[field] = cells[i] ?? '';
  });
  return record;
}
