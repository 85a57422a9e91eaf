import type { Ctx } from '../app/context.ts';
import { recordAudit, type AuditEntry } from '../audit/record.ts';
import { statement } from '../../db/statements.ts';
import { addDays } from '../time/dates.ts';
import { monthsFrom } from '../time/months.ts';
import type { PersonFunction } from '../people/vocabulary.ts';
import type { Grade } from '../appraisal/vocabulary.ts';
import {
  appraisalOutcome,
  defaultTemplate,
  DEFAULT_TEMPLATE_KEY,
  DEFAULT_TEMPLATE_NAME,
  employedShare,
  periodBounds,
  previousPeriod,
  type TemplateStructure,
} from '../appraisal/rules/index.ts';
import { cycleSettings, listSetting } from '../appraisal/store.ts';
import { eligiblePeople, insertCycleRow } from '../appraisal/cycles.ts';
import { insertTemplateVersion } from '../appraisal/templates.ts';
import type { Random } from './random.ts';

// Seed appraisals: a monthly cycle for every month of the history, scored with the real rules.
// Each person has a steady level and monthly noise; a few struggle, so some months are 不合格 and
// a handful of people are 不合格 twice in a row (improvement plans, HR flags). Every month before
// the last is locked with its feedback talk; the last month is in progress. Training assessments
// fail now and then and are retaken. The template gets a second version a year before the end.
//
// Written with prepared statements in the caller's transaction. Audit rows are few on purpose:
// one per template version and cycle (createCycle's own) and one for the whole seeding, not one
// per appraisal: the seeded history is not anyone's input.

export interface AppraisalSeedOptions {
  startDate: string;
  endDate: string;
  groups: Array<{ id: number; name: string }>;
}

export interface SeededAppraisals {
  templates: number;
  cycles: number;
  appraisals: number;
  unqualified: number;
  improvementPlans: number;
  hrFlags: number;
  trainings: number;
}

interface Member {
  personId: number;
  groupId: number | null;
  function: PersonFunction;
  hireDate: string;
  leftOn: string | null;
}

const talks = ['业绩稳定，继续保持', '解决率有提升，沟通可以更主动', '业务量达标，注意首次响应时长', '本月进步明显', '需加强业务知识学习'];
const actions = ['参加话术培训', '下月跟岗学习', '每周复盘一次典型会话', null];

/** A normal draw (Box–Muller) from the seeded generator. */
function normal(random: Random, mean: number, sd: number): number {
  const u = Math.max(random.next(), 1e-12);
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
const half = (v: number) => Math.round(v * 2) / 2;

export function seedAppraisals(ctx: Ctx, random: Random, options: AppraisalSeedOptions): SeededAppraisals {
  // Some 11,000 rows of JSON in one transaction: a larger page cache keeps them off the WAL.
  const cacheSize = ctx.store.sqlite.pragma('cache_size', { simple: true }) as number;
  ctx.store.sqlite.pragma('cache_size = -131072');
  try {
    return ctx.store.sqlite.transaction(() => writeAppraisals(ctx, random, options))();
  } finally {
    ctx.store.sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

function writeAppraisals(ctx: Ctx, random: Random, options: AppraisalSeedOptions): SeededAppraisals {
  const audit = (entry: AuditEntry) => recordAudit(ctx, entry);
  const sqlite = ctx.store.sqlite;
  const months = monthsFrom(options.startDate.slice(0, 7), options.endDate.slice(0, 7));
  const first = periodBounds(months[0]!).from;
  const v1Structure = defaultTemplate(listSetting(ctx, 'appraisal.dimensionWeights', first));
  const v1 = insertTemplateVersion(
    ctx,
    { key: DEFAULT_TEMPLATE_KEY, name: DEFAULT_TEMPLATE_NAME, structure: v1Structure },
    audit,
    `${first}T01:00:00.000Z`,
  );
  // A year before the end the department weighs the conversation rate more (APR-2).
  const switchMonth = months[Math.max(0, months.length - 12)]!;
  const v2Structure: TemplateStructure = structuredClone(v1Structure);
  const weights: Record<string, number> = { satisfaction: 25, resolutionRate: 25, volume: 20, conversationRate: 20, firstResponse: 10 };
  for (const i of v2Structure.indicators) if (i.key in weights) i.weight = weights[i.key]!;
  const v2 = insertTemplateVersion(
    ctx,
    { key: DEFAULT_TEMPLATE_KEY, name: DEFAULT_TEMPLATE_NAME, structure: v2Structure },
    audit,
    `${periodBounds(switchMonth).from}T01:00:00.000Z`,
  );

  const level = new Map<number, number>();
  const levelOf = (personId: number) => {
    let l = level.get(personId);
    if (l === undefined) {
      l = random.chance(0.04) ? normal(random, 0.64, 0.04) : normal(random, 0.82, 0.06);
      level.set(personId, l);
    }
    return l;
  };

  const insert = statement(
    sqlite,
    `insert into appraisals (cycle_id, person_id, group_id, template_id, state, targets, scores, indicator_values, total, grade,
                             coefficient, result, feedback, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const step = statement(
    sqlite,
    `insert into appraisal_steps (appraisal_id, from_state, to_state, actor, actor_name, at, note) values (?, ?, ?, 'supervisor', '主管', ?, null)`,
  );
  const plan = statement(
    sqlite,
    `insert into improvement_plans (appraisal_id, person_id, opened_on, goals, status, closed_on, outcome) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const flag = statement(
    sqlite,
    `insert into hr_flags (kind, person_id, key, evidence, status, raised_at, updated_at) values ('unqualified-twice', ?, ?, ?, ?, ?, ?)`,
  );
  const lockCycle = statement(sqlite, `update appraisal_cycles set status = 'locked', locked_at = ?, locked_by = '主管' where id = ?`);
  const people = new Map(
    (
      statement(
        sqlite,
        `select id, function, hire_date as hireDate, left_on as leftOn from people where role in ('leader', 'agent')`,
      ).all() as Array<Omit<Member, 'personId' | 'groupId'> & { id: number }>
    ).map((p) => [p.id, p]),
  );

  const report: SeededAppraisals = {
    templates: 2,
    cycles: 0,
    appraisals: 0,
    unqualified: 0,
    improvementPlans: 0,
    hrFlags: 0,
    trainings: 0,
  };
  let previousGrades = new Map<number, { grade: Grade; total: number }>();
  const lastMonth = months.at(-1)!;

  for (const month of months) {
    const templateId = month < switchMonth ? v1 : v2;
    const structure = month < switchMonth ? v1Structure : v2Structure;
    const bounds = periodBounds(month);
    const closedAt = `${addDays(bounds.to, 3)}T02:00:00.000Z`;
    const cycleId = insertCycleRow(ctx, month, templateId, `${bounds.from}T01:00:00.000Z`);
    const settings = cycleSettings(ctx, bounds.to);
    const inProgress = month === lastMonth;
    const grades = new Map<number, { grade: Grade; total: number }>();
    report.cycles++;

    for (const e of eligiblePeople(ctx, bounds.from, bounds.to)) {
      const m: Member = { ...people.get(e.personId)!, personId: e.personId, groupId: e.groupId };
      const write = (...columns: unknown[]) => Number(insert.run(cycleId, m.personId, m.groupId, templateId, ...columns).lastInsertRowid);
      report.appraisals++;
      const share = employedShare(bounds, m.hireDate, m.leftOn);
      const form = levelOf(m.personId) + normal(random, 0, 0.06);
      const itemScore = (bias: number) => clamp(half(form * 10 + bias + normal(random, 0, 0.6)), 2, 10);
      const superior = Object.fromEntries(structure.items.map((i) => [i.key, itemScore(0)]));
      const self = Object.fromEntries(structure.items.map((i) => [i.key, itemScore(0.6)]));
      const values: Record<string, number> = {};
      for (const ind of structure.indicators.filter((i) => i.functions.includes(m.function))) {
        const p = clamp(form + normal(random, 0, 0.08), 0.2, 1.25);
        const scale = ind.prorate ? share : 1;
        const raw = (ind.floor + (ind.target - ind.floor) * p) * scale;
        values[ind.key] = ind.unit === 'percent' ? Math.round(clamp(raw, -100, 100) * 10) / 10 : Math.max(0, Math.round(raw));
      }
      const scores = { self, selfComment: null, superior, superiorComment: null, peers: [], customer: null };
      const targets = { tasks: [], indicatorTargets: {} };
      const outcome = appraisalOutcome({
        structure,
        fn: m.function,
        sourceWeights: settings.sourceWeights,
        scores: { self, superior, peers: [], customer: null },
        indicatorValues: values,
        indicatorTargets: {},
        employedShare: share,
        thresholds: settings.thresholds,
        coefficients: settings.coefficients,
        previousGrade: previousGrades.get(m.personId)?.grade ?? null,
        joinedMidCycle: m.hireDate > bounds.from,
        leftMidCycle: m.leftOn !== null && m.leftOn < bounds.to,
        trainingRetakePending: false,
      });

      if (inProgress) {
        // The month under way: some still without targets, some assessed, a few scored.
        const stage = random.weighted([
          ['draft', 45],
          ['self-assessed', 30],
          ['scored', 20],
          ['consolidated', 5],
        ] as const);
        const hasTargets = stage !== 'draft' || random.chance(0.6);
        const seen = stage === 'draft' ? {} : stage === 'self-assessed' && random.chance(0.5) ? {} : values;
        const visible = {
          ...scores,
          self: stage === 'draft' ? null : self,
          superior: stage === 'draft' || stage === 'self-assessed' ? null : superior,
        };
        const settled = stage === 'consolidated' && outcome.complete;
        const state = stage === 'consolidated' && !settled ? 'scored' : stage;
        const id = write(
          state,
          hasTargets ? JSON.stringify(targets) : null,
          JSON.stringify(visible),
          JSON.stringify(state === 'scored' || settled ? values : seen),
          settled ? outcome.total : null,
          settled ? outcome.grade : null,
          settled ? outcome.coefficient : null,
          settled ? JSON.stringify(outcome) : null,
          null,
          closedAt,
        );
        const order = ['draft', 'self-assessed', 'scored', 'consolidated'];
        for (let k = 1; k <= order.indexOf(state); k++) step.run(id, order[k - 1], order[k], `${bounds.from}T0${k}:00:00.000Z`);
        continue;
      }

      const feedback = {
        heldOn: addDays(bounds.to, random.int(2, 6)),
        summary: random.pick(talks),
        actions: random.pick(actions),
        personComment: null,
        heldBy: '主管',
        recordedAt: closedAt,
      };
      const id = write(
        'locked',
        JSON.stringify(targets),
        JSON.stringify(scores),
        JSON.stringify(values),
        outcome.total,
        outcome.grade,
        outcome.coefficient,
        JSON.stringify(outcome),
        JSON.stringify(feedback),
        closedAt,
      );
      const states = ['draft', 'self-assessed', 'scored', 'consolidated', 'locked'];
      for (let k = 1; k < states.length; k++) step.run(id, states[k - 1], states[k], `${addDays(bounds.to, k - 2)}T08:00:00.000Z`);
      grades.set(m.personId, { grade: outcome.grade!, total: outcome.total! });
      if (outcome.grade === 'unqualified') {
        report.unqualified++;
        report.improvementPlans++;
        const done = random.chance(0.7);
        plan.run(
          id,
          m.personId,
          bounds.to,
          '提升解决率与业务知识，每周复盘',
          done ? 'completed' : 'open',
          done ? addDays(bounds.to, 45) : null,
          done ? '已达成改进目标' : null,
        );
        const before = previousGrades.get(m.personId);
        if (before?.grade === 'unqualified') {
          report.hrFlags++;
          flag.run(
            m.personId,
            `unqualified-twice:${m.personId}:${month}`,
            JSON.stringify({ rule: 'APR-8', periods: [previousPeriod(month), month], totals: [before.total, outcome.total] }),
            random.chance(0.5) ? 'sent' : 'open',
            closedAt,
            closedAt,
          );
        }
      }
    }
    if (!inProgress) lockCycle.run(closedAt, cycleId);
    audit({ action: 'create', entity: 'appraisalCycle', entityId: cycleId, after: { period: month, templateId, seeded: true } });
    previousGrades = grades;
  }

  report.trainings = seedTrainings(ctx, random, options);
  seedSummaries(ctx, random, options, levelOf);
  audit({ action: 'seed', entity: 'appraisal', entityId: 'seed', after: report });
  return report;
}

/** APR-9: about two assessments a person a year; one in seven fails and is retaken (and passed). */
function seedTrainings(ctx: Ctx, random: Random, options: AppraisalSeedOptions): number {
  const people = statement(
    ctx.store.sqlite,
    `select id, hire_date as hireDate, left_on as leftOn from people where role in ('leader', 'agent')`,
  ).all() as Array<{
    id: number;
    hireDate: string;
    leftOn: string | null;
  }>;
  const insert = statement(
    ctx.store.sqlite,
    `insert into training_assessments (person_id, kind, title, taken_on, score, passed, retake_of, note, created_at) values (?, ?, ?, ?, ?, ?, ?, null, ?)`,
  );
  const titles = [
    ['exam', '业务知识考试'],
    ['exam', '话术规范考试'],
    ['practical', '在线接待实操'],
    ['writeup', '服务礼仪培训心得'],
  ] as const;
  let count = 0;
  const lastDay = addDays(options.endDate, -1);
  for (const p of people) {
    const from = p.hireDate > options.startDate ? p.hireDate : options.startDate;
    const to = p.leftOn !== null && p.leftOn < lastDay ? p.leftOn : lastDay;
    for (let date = addDays(from, random.int(20, 150)); date < to; date = addDays(date, random.int(120, 240))) {
      const [kind, title] = random.pick(titles);
      const passed = !random.chance(0.14);
      const score = kind === 'writeup' ? null : passed ? random.int(62, 98) : random.int(35, 59);
      const id = Number(insert.run(p.id, kind, title, date, score, passed ? 1 : 0, null, `${date}T09:00:00.000Z`).lastInsertRowid);
      count++;
      const retakeOn = addDays(date, random.int(10, 30));
      if (!passed && retakeOn < to) {
        insert.run(p.id, kind, title, retakeOn, kind === 'writeup' ? null : random.int(62, 90), 1, id, `${retakeOn}T09:00:00.000Z`);
        count++;
      }
    }
  }
  return count;
}

/** APR-4: the year-end summary score of every finished year. */
function seedSummaries(ctx: Ctx, random: Random, options: AppraisalSeedOptions, levelOf: (personId: number) => number): void {
  const insert = statement(
    ctx.store.sqlite,
    'insert into annual_summaries (person_id, year, summary_score, note, updated_at) values (?, ?, ?, null, ?)',
  );
  const endYear = Number(options.endDate.slice(0, 4));
  for (let year = Number(options.startDate.slice(0, 4)); year < endYear; year++) {
    const people = statement(
      ctx.store.sqlite,
      `select distinct a.person_id as personId from appraisals a join appraisal_cycles c on c.id = a.cycle_id where c.period like ? and a.state = 'locked'`,
    ).all(`${year}-%`) as Array<{ personId: number }>;
    for (const p of people)
      insert.run(
        p.personId,
        year,
        clamp(Math.round(normal(random, levelOf(p.personId) * 100, 5)), 40, 100),
        `${year + 1}-01-10T08:00:00.000Z`,
      );
  }
}
