import type { HandlersOf } from '../ipc/contract-kit.ts';
import type { Contract } from '../contract.ts';
import type { Ctx } from './context.ts';
import type { AppHost } from './host.ts';
import { AppError } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import { listBackups, backupPath } from '../backup/files.ts';
import { auditHistory } from '../audit/history.ts';
import * as people from '../people/service.ts';
import { previewImport, commitImport } from '../people/import.ts';
import { exportPeople } from '../people/export.ts';
import * as settings from '../settings/service.ts';
import fs from 'node:fs';
import { rosterHandlers } from '../roster/handlers/index.ts';
import { leaveHandlers } from '../leave/handlers.ts';
import { overtimeHandlers } from '../overtime/handlers.ts';
import { attendanceHandlers } from '../attendance/handlers.ts';
import { appraisalHandlers } from '../appraisal/handlers.ts';
import { disciplineHandlers } from '../discipline/handlers.ts';

/** Handlers get the data file and the acting profile, plus the host for app-level work. */
export type HandlerCtx = Ctx & { host: AppHost };

/** Supervisor, then every active group leader (and manager or supervisor by name). */
function profiles(ctx: HandlerCtx) {
  const rows = ctx.store.sqlite
    .prepare(
      `select p.id, p.name, p.role, g.name as groupName from people p left join groups g on g.id = p.group_id
        where p.status = 'active' and p.role in ('leader', 'supervisor', 'manager') order by p.role, g.sort_order, p.name`,
    )
    .all() as Array<{ id: number; name: string; role: string; groupName: string | null }>;
  return [
    { id: 'supervisor', name: t('profile.supervisor') },
    ...rows.map((r) => ({
      id: `person:${r.id}`,
      name:
        r.role === 'leader' && r.groupName
          ? t('profile.leaderOf', { name: r.name, group: r.groupName })
          : t('common.withNote', { text: r.name, note: t(`roles.${r.role}`) }),
    })),
  ];
}

export function buildHandlers(host: AppHost): HandlersOf<Contract, HandlerCtx> {
  return {
    system: {
      status: () => host.status(),
      setLanguage: ({ lang }) => {
        host.setLanguage(lang);
        return host.status();
      },
      profiles: (_input, ctx) => profiles(ctx),
      switchProfile: ({ id }, ctx) => {
        if (!profiles(ctx).some((p) => p.id === id)) throw new AppError('NOT_FOUND', t('errors.profileNotFound'));
        host.setProfile(id);
        return host.status();
      },
      printPdf: async ({ route, fileName, landscape }) => {
        if (!host.options.printToPdf) throw new AppError('RULE_VIOLATION', t('errors.pdfBrowserMode'));
        const pdf = await host.options.printToPdf(route, landscape);
        return { fileName, mimeType: 'application/pdf', contentBase64: pdf.toString('base64') };
      },
    },
    backup: {
      list: () => listBackups(host.options.dataDir),
      create: async () => (await host.backup('manual'))!,
      restore: (source) => host.restore(source),
      download: ({ name }) => {
        const file = backupPath(host.options.dataDir, name);
        if (!file) throw new AppError('NOT_FOUND', t('errors.backupNotFound', { name }));
        return { fileName: name, mimeType: 'application/vnd.sqlite3', contentBase64: fs.readFileSync(file).toString('base64') };
      },
    },
    audit: {
      history: ({ entity, entityId }, ctx) => auditHistory(ctx, entity, entityId),
    },
    people: {
      org: (_input, ctx) => people.orgTree(ctx),
      list: (filter, ctx) => people.listPeople(ctx, filter),
      get: ({ id }, ctx) => people.getPerson(ctx, id),
      create: (input, ctx) => people.createPerson(ctx, input),
      update: (input, ctx) => people.updatePerson(ctx, input),
      markLeft: (input, ctx) => people.markLeft(ctx, input),
      move: (input, ctx) => people.movePerson(ctx, input),
      renameDepartment: ({ name }, ctx) => people.renameDepartment(ctx, name),
      createGroup: ({ name }, ctx) => people.createGroup(ctx, name),
      renameGroup: ({ id, name }, ctx) => people.renameGroup(ctx, id, name),
      archiveGroup: ({ id, archivedOn }, ctx) => people.archiveGroup(ctx, id, archivedOn),
      importPreview: (input, ctx) => previewImport(ctx, input),
      importCommit: (input, ctx) => commitImport(ctx, input),
      exportXlsx: (filter, ctx) => exportPeople(ctx, filter),
    },
    settings: {
      list: ({ onDate }, ctx) => settings.listSettings(ctx, onDate),
      history: ({ key }, ctx) => settings.settingHistory(ctx, key),
      change: (input, ctx) => settings.changeSetting(ctx, input),
      rules: (_input, ctx) => settings.listRules(ctx),
    },
    roster: rosterHandlers,
    leave: leaveHandlers,
    overtime: overtimeHandlers,
    attendance: attendanceHandlers,
    appraisal: appraisalHandlers,
    discipline: disciplineHandlers,
  };
}
