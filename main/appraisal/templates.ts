import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { audited, type AuditEntry } from '../audit/record.ts';
import { DEFAULT_TEMPLATE_KEY, DEFAULT_TEMPLATE_NAME, defaultTemplate, type TemplateStructure } from './rules/index.ts';
import { listSetting, templateById } from './store.ts';
import type { TemplateView } from './contract.ts';

// APR-1…3: templates are versioned. A version is written once and never changed: editing makes
// the next version, so a cycle scored with a version keeps it.

export function templateView(ctx: Ctx, id: number): TemplateView {
  const row = templateById(ctx, id);
  const use = statement(
    ctx.store.sqlite,
    `select (select count(*) from appraisal_cycles where template_id = ?) as cycles,
            (select count(*) from appraisals where template_id = ?) as appraisals`,
  ).get(id, id) as { cycles: number; appraisals: number };
  return { ...row, ...use };
}

export function listTemplates(ctx: Ctx): TemplateView[] {
  const ids = statement(
    ctx.store.sqlite,
    'select id from appraisal_templates where archived_on is null order by key, version desc',
  ).all() as Array<{
    id: number;
  }>;
  return ids.map((r) => templateView(ctx, r.id));
}

/** The newest version of a template key, if there is one. */
export function latestVersion(ctx: Ctx, key: string): number | undefined {
  return (
    statement(ctx.store.sqlite, 'select id from appraisal_templates where key = ? order by version desc limit 1').get(key) as
      { id: number } | undefined
  )?.id;
}

export function insertTemplateVersion(
  ctx: Ctx,
  input: { key: string; name: string; structure: TemplateStructure },
  audit: (entry: AuditEntry) => void,
  at = nowIso(),
): number {
  const version =
    ((statement(ctx.store.sqlite, 'select max(version) as v from appraisal_templates where key = ?').get(input.key) as { v: number | null })
      .v ?? 0) + 1;
  const id = Number(
    statement(
      ctx.store.sqlite,
      'insert into appraisal_templates (key, name, version, structure, created_at, created_by) values (?, ?, ?, ?, ?, ?)',
    ).run(input.key, input.name, version, JSON.stringify(input.structure), at, ctx.actor.name).lastInsertRowid,
  );
  audit({
    action: 'create',
    entity: 'appraisalTemplate',
    entityId: id,
    after: { key: input.key, name: input.name, version, structure: input.structure },
  });
  return id;
}

/** The template a first cycle uses when the supervisor has not written one: the rulebook's. */
export function ensureDefaultTemplate(ctx: Ctx, onDate: string, audit: (entry: AuditEntry) => void): number {
  const existing = latestVersion(ctx, DEFAULT_TEMPLATE_KEY);
  if (existing !== undefined) return existing;
  const structure = defaultTemplate(listSetting(ctx, 'appraisal.dimensionWeights', onDate));
  return insertTemplateVersion(ctx, { key: DEFAULT_TEMPLATE_KEY, name: DEFAULT_TEMPLATE_NAME, structure }, audit);
}

/**
 * Saves the next version. With applyToOpenCycles, open cycles move to it, and so do their
 * appraisals not yet consolidated (those consolidated or locked keep the version they were scored with).
 */
export function saveTemplate(
  ctx: Ctx,
  input: { key: string; name: string; structure: TemplateStructure; applyToOpenCycles: boolean },
): TemplateView {
  return audited(ctx, (audit) => {
    const id = insertTemplateVersion(ctx, input, audit);
    if (input.applyToOpenCycles) {
      const open = statement(
        ctx.store.sqlite,
        `select c.id from appraisal_cycles c join appraisal_templates t on t.id = c.template_id where c.status = 'open' and t.key = ?`,
      ).all(input.key) as Array<{ id: number }>;
      for (const cycle of open) {
        statement(ctx.store.sqlite, 'update appraisal_cycles set template_id = ? where id = ?').run(id, cycle.id);
        const moved = statement(
          ctx.store.sqlite,
          `update appraisals set template_id = ?, updated_at = ? where cycle_id = ? and state in ('draft', 'self-assessed', 'scored')`,
        ).run(id, nowIso(), cycle.id).changes;
        audit({ action: 'adoptTemplate', entity: 'appraisalCycle', entityId: cycle.id, after: { templateId: id, appraisals: moved } });
      }
    }
    return templateView(ctx, id);
  });
}
