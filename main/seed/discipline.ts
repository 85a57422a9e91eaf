import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { recordAudit, type AuditEntry } from '../audit/record.ts';
import { statement } from '../../db/statements.ts';
import { addDays } from '../time/dates.ts';
import { closedMonthConsequences } from '../attendance/events.ts';
import { yearFlags } from '../attendance/flags.ts';
import { ensureCatalogue, listCatalogue } from '../discipline/catalogue.ts';
import { recordAttendanceSanctions, raiseAttendanceFlags } from '../discipline/attendance-link.ts';
import { computeEligibility } from '../discipline/promotions.ts';
import { closeFundMonth } from '../discipline/fund.ts';
import { personFacts } from '../discipline/common.ts';
import { promotionFlow } from '../discipline/rules/promotion.ts';
import { monthOf, shiftMonth } from '../time/months.ts';
import type { SanctionKind } from '../discipline/vocabulary.ts';
import type { Random } from './random.ts';

// Seed discipline: three years of violations recorded by the supervisor (the common ones often,
// the grave ones rarely; a few appealed, some voided), the sanctions of every closed attendance
// month through the real link, fines paid into the 乐捐 fund, team spending and rewards paid out of
// it, every month closed up to two months before the end; quarterly honours and bonuses through
// their steps; the leaders who succeeded a leaver promoted from agent with the eligibility of the
// day, and a few applications still in approval.
//
// Written with prepared statements in the caller's transaction; audit rows are few on purpose (one
// per seeded kind of record, the fund's closing rows), not one per record.

export interface DisciplineSeedOptions {
  startDate: string;
  endDate: string;
  groups: Array<{ id: number; name: string }>;
}

export interface SeededDiscipline {
  sanctions: number;
  attendanceSanctions: number;
  rewards: number;
  fundEntries: number;
  closedFundMonths: number;
  promotions: number;
  hrFlags: number;
}

interface SeedPerson {
  id: number;
  role: string;
  groupId: number | null;
  hireDate: string;
  leftOn: string | null;
}

const SUPERVISOR = '主管';

/** How often each rule is broken, relative to the others (DIS-3). */
const codeWeights: ReadonlyArray<readonly [string, number]> = [
  ['DIS-3.13', 20],
  ['DIS-3.14', 14],
  ['DIS-3.15', 12],
  ['DIS-3.4', 10],
  ['DIS-3.2', 8],
  ['DIS-3.7', 8],
  ['DIS-3.8', 6],
  ['DIS-3.9', 5],
  ['DIS-3.1', 5],
  ['DIS-3.5', 4],
  ['DIS-3.17', 3],
  ['DIS-3.18', 3],
  ['DIS-3.11', 2],
  ['DIS-3.12', 2],
  ['DIS-3.3', 2],
  ['DIS-3.6', 1],
  ['DIS-3.10', 1],
  ['DIS-3.16', 0.6],
  ['CONF-1', 0.1],
];

const evidence: Record<string, string[]> = {
  'DIS-3.13': ['客户消息 35 秒未回应，见会话截图', '质检抽查：两次超过 20 秒未回应', '客户投诉等待过久，会话记录为证'],
  'DIS-3.14': ['无故中断对话，客户再次进线投诉', '高峰时段点忙碌 25 分钟'],
  'DIS-3.15': ['下班前 20 分钟私自点忙碌', '上班后 10 分钟内点忙碌'],
  'DIS-3.4': ['离开工位 15 分钟未知会同伴', '离岗期间聊天工具无人值守'],
  'DIS-3.2': ['上班时间打私人电话 20 分钟'],
  'DIS-3.7': ['在合作平台群聊闲聊无关话题'],
  'DIS-3.8': ['先采集 QQ 号，未先问手机号'],
  'DIS-3.9': ['未了解客户需求直接索要电话'],
  'DIS-3.1': ['私自与同事换班，组长不知情'],
  'DIS-3.5': ['与客户发生争执，用语不当'],
  'DIS-3.17': ['网站宕机 30 分钟未上报组长'],
  'DIS-3.18': ['未按要求佩戴工牌'],
  'DIS-3.11': ['交接班时未交代待跟进客户'],
  'DIS-3.12': ['未按项目话术回复客户'],
  'DIS-3.3': ['在办公区与组长争执'],
  'DIS-3.6': ['下线后在办公区辱骂客户'],
  'DIS-3.10': ['将个人微信给客户'],
  'DIS-3.16': ['修改聊天记录以掩盖漏回复'],
  'CONF-1': ['将客户名单转发给外部人员'],
};
const appeals = ['当时系统卡顿，消息延迟显示', '已提前告知组长', '客户先出言不逊', '网络故障导致掉线'];
const voidReasons = ['查实为平台故障', '申诉成立，组长证明已报备', '录入人员错误', '重复登记'];
const upheldReasons = ['核对日志后维持原处理', '证据充分，维持'];
const spendings = ['团队下午茶', '生日会蛋糕', '月度团建聚餐', '节日小礼品', '办公室绿植', '季度聚餐'];
const rewardReasons = [
  '客户满意度连续三个月组内第一',
  '本季度处理会话量最多且零投诉',
  '提出快捷回复优化方案并落地',
  '主动带教新员工',
  '高峰期主动加班保障服务',
];

/** An instant on a seeded day, so steps read in the order they happened. */
const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;

export function seedDiscipline(ctx: Ctx, random: Random, options: DisciplineSeedOptions): SeededDiscipline {
  const sqlite = ctx.store.sqlite;
  const lastDay = addDays(options.endDate, -1);
  const audit = (entry: AuditEntry) => recordAudit(ctx, entry);

  // The rulebooks were in force before the history starts: their earlier version, so three
  // years of violations were bound by a published rule (LAW).
  const ruleStart = `${Number(options.startDate.slice(0, 4)) - 1}-01-01`;
  const insertRule = statement(
    sqlite,
    "insert or ignore into rule_documents (code, title, version, published_on, note, created_at) values (?, ?, '0.9', ?, '试行版', ?)",
  );
  for (const code of ['company.consulting', 'company.operations']) {
    const title = (statement(sqlite, 'select title from rule_documents where code = ? limit 1').get(code) as { title: string }).title;
    insertRule.run(code, title, ruleStart, nowIso());
  }
  ensureCatalogue(ctx, audit);
  // Entries made before the earlier version existed point at it too.
  sqlite.exec(`update violation_types set rule_document_id = (select r2.id from rule_documents r2 where r2.code =
      (select r.code from rule_documents r where r.id = violation_types.rule_document_id) order by r2.published_on limit 1) where version = 1`);
  const catalogue = new Map(listCatalogue(ctx, true).map((v) => [v.code, v]));

  const people = statement(
    sqlite,
    'select id, role, group_id as groupId, hire_date as hireDate, left_on as leftOn from people order by id',
  ).all() as SeedPerson[];

  // ---- promotions first: a successor's clean window is kept clean of typed violations ----
  const successions = seedSuccessions(ctx);
  const cleanUntil = new Map<number, { from: string; to: string }>();
  for (const s of successions) cleanUntil.set(s.personId, { from: addDays(s.appliedOn, -200), to: s.appliedOn });

  // ---- sanctions typed by the supervisor ----
  const insertSanction = statement(
    sqlite,
    `insert into sanctions (person_id, date, violation_type_id, sanction, amount_fen, evidence, source, source_key, status, appeal_note,
                            void_reason, voided_at, voided_by, recorded_by, created_at) values (?, ?, ?, ?, ?, ?, 'manual', null, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertStep = statement(
    sqlite,
    'insert into approval_steps (subject, subject_id, step, decision, actor, actor_name, at, note) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertFlag = statement(
    sqlite,
    `insert into hr_flags (kind, person_id, key, evidence, status, note, raised_at, updated_at) values ('termination-review', ?, ?, ?, ?, ?, ?, ?)
     on conflict(key) do nothing`,
  );
  let sanctions = 0;
  let flags = 0;
  for (const p of people) {
    const from = p.hireDate > options.startDate ? p.hireDate : options.startDate;
    const to = p.leftOn !== null && p.leftOn < lastDay ? p.leftOn : lastDay;
    // About one violation every five months for an agent; leaders and supervisors rarely.
    const rate = p.role === 'agent' ? 0.2 : p.role === 'leader' ? 0.08 : 0.02;
    for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = shiftMonth(month, 1)) {
      if (!random.chance(rate)) continue;
      const date = `${month}-${String(random.int(1, 28)).padStart(2, '0')}`;
      if (date < from || date > to) continue;
      const clean = cleanUntil.get(p.id);
      if (clean && date >= clean.from && date <= clean.to) continue;
      const code = random.weighted(codeWeights);
      const type = catalogue.get(code)!;
      const sanction: SanctionKind =
        type.defaultSanction === 'fine' && random.chance(0.08)
          ? 'warning'
          : type.defaultSanction === 'warning' && random.chance(0.1)
            ? 'demerit'
            : type.defaultSanction;
      const amount = sanction === 'fine' ? type.defaultAmountFen : null;
      const recent = date >= addDays(options.endDate, -20);
      const fate = random.weighted([
        ['active', 88],
        ['upheld', 5],
        ['voided', 5],
        ['appealed', recent ? 20 : 0],
      ] as const);
      const status = fate === 'upheld' ? 'active' : fate;
      const appeal = fate === 'active' ? null : random.pick(appeals);
      const voidReason = fate === 'voided' ? random.pick(voidReasons) : null;
      const decidedOn = [addDays(date, random.int(3, 10)), lastDay].sort()[0]!;
      const id = Number(
        insertSanction.run(
          p.id,
          date,
          type.id,
          sanction,
          amount,
          random.pick(evidence[code] ?? ['见质检记录']),
          status,
          appeal,
          voidReason,
          voidReason ? at(decidedOn, 8) : null,
          voidReason ? SUPERVISOR : null,
          SUPERVISOR,
          at(date, 9),
        ).lastInsertRowid,
      );
      sanctions++;
      if (appeal) insertStep.run('sanction', id, 'appeal', 'submitted', 'supervisor', SUPERVISOR, at(addDays(date, 1), 3), appeal);
      if (fate === 'upheld')
        insertStep.run('sanction', id, 'appeal-decision', 'upheld', 'supervisor', SUPERVISOR, at(decidedOn, 8), random.pick(upheldReasons));
      if (fate === 'voided')
        insertStep.run('sanction', id, 'appeal-decision', 'voided', 'supervisor', SUPERVISOR, at(decidedOn, 8), voidReason);
      if (sanction === 'termination-review') {
        const evidenceJson = JSON.stringify({ rule: 'DIS-1', sanctionId: id, date, code, nameZh: type.nameZh, nameEn: type.nameEn });
        const closed = fate === 'voided' || date < addDays(options.endDate, -60);
        flags += insertFlag.run(
          p.id,
          `termination-review:${id}`,
          evidenceJson,
          closed ? 'closed' : 'open',
          closed ? '人事部已处理' : null,
          at(date, 9),
          at(decidedOn, 8),
        ).changes;
      }
    }
  }
  recordAudit(ctx, { action: 'seed', entity: 'sanctions', entityId: options.endDate, after: { sanctions } });

  // ---- the closed attendance months' sanctions and ATT-6 flags, through the real link ----
  let attendanceSanctions = 0;
  const closedMonths = (
    statement(sqlite, "select month from attendance_months where status = 'closed' order by month").all() as Array<{ month: string }>
  ).map((r) => r.month);
  for (const month of closedMonths) {
    attendanceSanctions += recordAttendanceSanctions(ctx, month, closedMonthConsequences(ctx, month), audit, {
      perRecordAudit: false,
    }).created;
  }
  for (const year of new Set(closedMonths.map((m) => Number(m.slice(0, 4))))) {
    flags += raiseAttendanceFlags(ctx, yearFlags(ctx, year, `${options.endDate} 12:00:00`), audit);
  }

  // ---- rewards, quarterly, through their steps ----
  const rewards = seedRewards(ctx, random, people, options, insertStep);

  // ---- the fund: fines paid in, rewards and team spending out ----
  const fund = seedFund(ctx, random, options);

  // ---- promotions: the successions, and a few applications of the last weeks ----
  const promotions = writePromotions(ctx, random, successions, people, options, insertStep);

  // ---- every fund month closed up to two months before the end ----
  const closeUntil = shiftMonth(monthOf(options.endDate), -2);
  let closedFundMonths = 0;
  const first = (statement(sqlite, 'select min(month) as m from fund_entries').get() as { m: string | null }).m;
  if (first && first <= closeUntil) {
    closeFundMonth(ctx, closeUntil, true, options.endDate);
    closedFundMonths = (statement(sqlite, 'select count(*) as n from fund_months').get() as { n: number }).n;
  }
  return { sanctions, attendanceSanctions, rewards, fundEntries: fund, closedFundMonths, promotions, hrFlags: flags };
}

function seedRewards(
  ctx: Ctx,
  random: Random,
  people: SeedPerson[],
  options: DisciplineSeedOptions,
  insertStep: ReturnType<typeof statement>,
): number {
  const sqlite = ctx.store.sqlite;
  const insert = statement(
    sqlite,
    `insert into rewards (person_id, kind, title, amount_fen, reason, status, application, date, created_at, created_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const step = (id: number, name: string, decision: string, date: string, hour: number, by: string, note: string | null) =>
    insertStep.run('reward', id, name, decision, 'supervisor', by, at(date, hour), note);
  let count = 0;
  const lastDay = addDays(options.endDate, -1);
  for (let quarterEnd = shiftMonth(options.startDate.slice(0, 7), 2); ; quarterEnd = shiftMonth(quarterEnd, 3)) {
    const date = `${quarterEnd}-25`;
    if (date > lastDay) break;
    const active = people.filter((p) => p.role !== 'manager' && p.hireDate <= addDays(date, -90) && (p.leftOn === null || p.leftOn > date));
    const awards = [
      ...Array.from({ length: random.int(2, 4) }, () => ({ kind: 'honour', title: 'service-star', amount: null as number | null })),
      ...(random.chance(0.4) ? [{ kind: 'honour', title: 'innovation', amount: null }] : []),
      ...(quarterEnd.endsWith('-12') ? [{ kind: 'honour', title: 'excellent-employee', amount: null }] : []),
      ...Array.from({ length: random.int(1, 3) }, () => ({ kind: 'bonus', title: '季度服务奖金', amount: random.int(2, 10) * 5000 })),
      ...(random.chance(0.3) ? [{ kind: 'training', title: '外部客服管理培训名额', amount: null }] : []),
    ];
    const recent = date >= addDays(options.endDate, -45);
    for (const award of awards) {
      const person = random.pick(active);
      const status = recent
        ? random.pick(['recommended', 'applied', 'reviewed'] as const)
        : random.weighted([
            ['approved', 85],
            ['rejected', 10],
            ['voided', 5],
          ] as const);
      const reason = random.pick(rewardReasons);
      const applied = status !== 'recommended';
      const application = applied ? JSON.stringify({ deeds: `${reason}；${date.slice(0, 7)} 季度表现突出`, opinion: '同意推荐' }) : null;
      const id = Number(
        insert.run(person.id, award.kind, award.title, award.amount, reason, status, application, date, at(date, 9), SUPERVISOR)
          .lastInsertRowid,
      );
      count++;
      step(id, 'recommend', 'submitted', date, 1, SUPERVISOR, reason);
      if (applied) step(id, 'apply', 'submitted', addDays(date, 1), 2, SUPERVISOR, '同意推荐');
      if (status === 'reviewed' || status === 'approved' || status === 'voided')
        step(id, 'hr-review', 'approved', addDays(date, 3), 3, '人事部', '材料齐全');
      if (status === 'approved' || status === 'voided') step(id, 'leadership-approval', 'approved', addDays(date, 5), 4, '总经理', null);
      if (status === 'rejected') step(id, 'hr-review', 'rejected', addDays(date, 3), 3, '人事部', '本季度名额已满');
      if (status === 'voided') step(id, 'void', 'voided', addDays(date, 8), 5, SUPERVISOR, '重复推荐');
    }
  }
  recordAudit(ctx, { action: 'seed', entity: 'rewards', entityId: options.endDate, after: { rewards: count } });
  return count;
}

function seedFund(ctx: Ctx, random: Random, options: DisciplineSeedOptions): number {
  const sqlite = ctx.store.sqlite;
  const lastDay = addDays(options.endDate, -1);
  const insert = statement(
    sqlite,
    `insert into fund_entries (month, date, kind, amount_fen, person_id, sanction_id, reward_id, note, created_at, created_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const movements: Array<{
    date: string;
    kind: string;
    amount: number;
    personId: number | null;
    sanctionId: number | null;
    rewardId: number | null;
    note: string | null;
  }> = [];
  // Fines: most paid within a few weeks; the last weeks' ones mostly still open.
  const fines = statement(
    sqlite,
    "select id, person_id as personId, date, amount_fen as amount from sanctions where sanction = 'fine' and status != 'voided' and amount_fen > 0 order by date, id",
  ).all() as Array<{ id: number; personId: number; date: string; amount: number }>;
  for (const f of fines) {
    if (!random.chance(0.9)) continue;
    const paidOn = addDays(f.date, random.int(2, 25));
    if (paidOn > lastDay) continue;
    movements.push({
      date: paidOn,
      kind: 'fine-paid',
      amount: f.amount,
      personId: f.personId,
      sanctionId: f.id,
      rewardId: null,
      note: null,
    });
  }
  // Approved bonuses paid out a week after approval.
  const bonuses = statement(
    sqlite,
    "select id, person_id as personId, date, amount_fen as amount from rewards where status = 'approved' and amount_fen > 0 order by date",
  ).all() as Array<{ id: number; personId: number; date: string; amount: number }>;
  for (const b of bonuses) {
    const paidOn = addDays(b.date, 7);
    if (paidOn <= lastDay)
      movements.push({
        date: paidOn,
        kind: 'reward-paid',
        amount: -b.amount,
        personId: b.personId,
        sanctionId: null,
        rewardId: b.id,
        note: null,
      });
  }
  // Team spending once to three times a month.
  for (let month = options.startDate.slice(0, 7); month <= lastDay.slice(0, 7); month = shiftMonth(month, 1)) {
    for (let i = random.int(1, 3); i > 0; i--) {
      const date = `${month}-${String(random.int(5, 28)).padStart(2, '0')}`;
      if (date > lastDay || date < options.startDate) continue;
      movements.push({
        date,
        kind: 'spending',
        amount: -random.int(20, 120) * 1000,
        personId: null,
        sanctionId: null,
        rewardId: null,
        note: random.pick(spendings),
      });
    }
  }
  // In date order; spending that the fund cannot cover yet is not made (rewards always are).
  movements.sort((a, b) => a.date.localeCompare(b.date) || b.amount - a.amount);
  let balance = 0;
  let count = 0;
  const createdAt = nowIso();
  for (const m of movements) {
    if (m.kind === 'spending' && balance + m.amount < 0) continue;
    if (m.kind === 'reward-paid' && balance + m.amount < 0) continue;
    insert.run(m.date.slice(0, 7), m.date, m.kind, m.amount, m.personId, m.sanctionId, m.rewardId, m.note, createdAt, SUPERVISOR);
    balance += m.amount;
    count++;
  }
  recordAudit(ctx, { action: 'seed', entity: 'fundEntries', entityId: options.endDate, after: { entries: count, balance } });
  return count;
}

interface Succession {
  personId: number;
  groupId: number;
  appliedOn: string;
  effectiveOn: string;
}

/** The people seed made agents leaders when their leader left: when, from its audit rows. */
function seedSuccessions(ctx: Ctx): Succession[] {
  const sqlite = ctx.store.sqlite;
  const leavers = statement(
    sqlite,
    `select json_extract(before, '$.groupId') as groupId, json_extract(after, '$.leftOn') as leftOn from audit_log
      where entity = 'person' and action = 'markLeft' and json_extract(before, '$.role') = 'leader' order by id`,
  ).all() as Array<{ groupId: number; leftOn: string }>;
  const successors = statement(
    sqlite,
    `select cast(entity_id as integer) as personId, json_extract(after, '$.groupId') as groupId from audit_log
      where entity = 'person' and action = 'update' and json_extract(before, '$.role') = 'agent' and json_extract(after, '$.role') = 'leader' order by id`,
  ).all() as Array<{ personId: number; groupId: number }>;
  const out: Succession[] = [];
  const used = new Set<number>();
  for (const s of successors) {
    const i = leavers.findIndex((l, k) => !used.has(k) && l.groupId === s.groupId);
    if (i < 0) continue;
    used.add(i);
    const leftOn = leavers[i]!.leftOn;
    out.push({ personId: s.personId, groupId: s.groupId, appliedOn: addDays(leftOn, -10), effectiveOn: addDays(leftOn, 1) });
  }
  return out;
}

function writePromotions(
  ctx: Ctx,
  random: Random,
  successions: Succession[],
  people: SeedPerson[],
  options: DisciplineSeedOptions,
  insertStep: ReturnType<typeof statement>,
): number {
  const sqlite = ctx.store.sqlite;
  const insert = statement(
    sqlite,
    `insert into promotions (person_id, from_role, to_role, skip_level, exception_note, applied_on, eligibility, status, effective_on, created_at, created_by)
     values (?, ?, ?, 0, null, ?, ?, ?, ?, ?, ?)`,
  );
  const roleChange = statement(
    sqlite,
    'insert into role_changes (person_id, from_role, to_role, effective_on, promotion_id, created_at) values (?, ?, ?, ?, ?, ?)',
  );
  let count = 0;
  const createdAt = nowIso();
  for (const s of successions) {
    const person = { ...personFacts(ctx, s.personId), role: 'agent' as const, status: 'active' as const, leftOn: null };
    const eligibility = computeEligibility(ctx, person, 'leader', s.appliedOn, null);
    let promotionId: number | null = null;
    if (eligibility.eligible) {
      promotionId = Number(
        insert.run(
          s.personId,
          'agent',
          'leader',
          s.appliedOn,
          JSON.stringify(eligibility),
          'approved',
          s.effectiveOn,
          at(s.appliedOn, 9),
          SUPERVISOR,
        ).lastInsertRowid,
      );
      insertStep.run('promotion', promotionId, 'apply', 'submitted', 'supervisor', person.name, at(s.appliedOn, 9), '申请接任组长');
      insertStep.run(
        'promotion',
        promotionId,
        'supervisor-approval',
        'approved',
        'supervisor',
        SUPERVISOR,
        at(addDays(s.appliedOn, 3), 9),
        '同意任命',
      );
      count++;
    }
    // Without a passing check the supervisor changed the role by hand: the change is kept, no application.
    roleChange.run(s.personId, 'agent', 'leader', s.effectiveOn, promotionId, createdAt);
  }
  // A few agents apply in the last weeks; some earlier applications were turned down or withdrawn.
  const onDate = addDays(options.endDate, -10);
  const agents = people.filter((p) => p.role === 'agent' && p.leftOn === null);
  let pending = 0;
  for (const p of agents) {
    if (pending >= 4 && count > successions.length + 6) break;
    if (!random.chance(0.15)) continue;
    const facts = personFacts(ctx, p.id);
    const early = pending >= 4;
    const appliedOn = early ? addDays(options.endDate, -random.int(60, 400)) : onDate;
    if (appliedOn < facts.hireDate) continue;
    const eligibility = computeEligibility(ctx, facts, 'leader', appliedOn, null);
    if (!eligibility.eligible) continue;
    const status = early ? random.pick(['rejected', 'withdrawn'] as const) : 'applied';
    const id = Number(
      insert.run(p.id, 'agent', 'leader', appliedOn, JSON.stringify(eligibility), status, null, at(appliedOn, 9), SUPERVISOR)
        .lastInsertRowid,
    );
    insertStep.run('promotion', id, promotionFlow('leader').first, 'submitted', 'supervisor', facts.name, at(appliedOn, 9), '本人申请');
    if (status === 'rejected')
      insertStep.run(
        'promotion',
        id,
        'supervisor-approval',
        'rejected',
        'supervisor',
        SUPERVISOR,
        at(addDays(appliedOn, 5), 9),
        '暂无组长空缺',
      );
    if (status === 'withdrawn')
      insertStep.run('promotion', id, 'withdraw', 'withdrawn', 'supervisor', SUPERVISOR, at(addDays(appliedOn, 4), 9), '本人撤回');
    if (status === 'applied') pending++;
    count++;
  }
  recordAudit(ctx, {
    action: 'seed',
    entity: 'promotions',
    entityId: options.endDate,
    after: { promotions: count, successions: successions.length },
  });
  return count;
}
