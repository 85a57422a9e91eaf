// From the solver's roster back to the app: the cells it proposes (only those that differ from
// the roster as it is now, never a locked one), the app's own rule check of the proposal, and the
// remaining penalty in plain language.
import type { CellChange, CellValue, MonthView, ScheduleJob } from '../contract.ts';
import type { Assignment, RosterProblem, RosterSolution } from '../problem.ts';
import { scoreRoster, type RosterScore } from '../score.ts';
import { explainShortfalls, type ShortfallReason } from '../explain.ts';
import { explain, findIssues, ruleSeverity } from '../rules/index.ts';
import { translate } from '../publish.ts';
import { t } from '../../i18n/index.ts';
import { weekday } from '../../time/dates.ts';
import { MIN_HOURS_SHARE, type ScheduleProblem } from './problem.ts';

type Explanation = NonNullable<ScheduleJob['result']>['explanation'][number];

/** The proposal: per editable cell, the shift type id the solver put there or null for a day off. */
export type Proposal = Array<{ personId: number; date: string; value: number | null; onLeave: boolean }>;

function proposalOf(sp: ScheduleProblem, assignments: readonly Assignment[]): Proposal {
  const at = new Map(assignments.map((a) => [`${a.staff}|${a.day}`, a.shift]));
  return sp.editable.map((cell) => {
    const code = at.get(`${cell.staff}|${cell.day}`);
    return { personId: cell.personId, date: cell.date, value: code ? sp.shiftTypeOf.get(code)!.id : null, onLeave: cell.onLeave };
  });
}

/**
 * The changes that turn the roster as it is now into the proposal. A cell locked since the job
 * started is left alone, and so is one filled meanwhile when only gaps were to be filled. A day
 * the proposal leaves off becomes a rest day where a shift was (cleared on a day of leave, where
 * the grid shows the leave); an empty or rest cell stays as it is.
 */
export function changesFor(view: MonthView, proposal: Proposal, fillGapsOnly: boolean): CellChange[] {
  const now = new Map<string, { value: number | 'rest'; locked: boolean }>();
  for (const [personId, date, value, locked] of view.cells) now.set(`${personId}|${date}`, { value, locked });
  const people = new Map(view.people.map((p) => [p.id, p]));
  const changes: CellChange[] = [];
  for (const cell of proposal) {
    const person = people.get(cell.personId);
    if (!person || cell.date < person.activeFrom || (person.activeTo !== null && cell.date > person.activeTo)) continue;
    const current = now.get(`${cell.personId}|${cell.date}`);
    if (current?.locked || (fillGapsOnly && current)) continue;
    const value: CellValue =
      cell.value !== null ? cell.value : typeof current?.value === 'number' ? (cell.onLeave ? null : 'rest') : (current?.value ?? null);
    if (value !== (current?.value ?? null)) changes.push({ personId: cell.personId, date: cell.date, value });
  }
  return changes;
}

/** The month as it would be with the changes applied. */
export function withChanges(view: MonthView, changes: readonly CellChange[]): MonthView {
  const cells = new Map(view.cells.map((c) => [`${c[0]}|${c[1]}`, c]));
  for (const c of changes) {
    const key = `${c.personId}|${c.date}`;
    if (c.value === null) cells.delete(key);
    else cells.set(key, [c.personId, c.date, c.value, cells.get(key)?.[3] ?? false]);
  }
  return { ...view, cells: [...cells.values()] };
}

/**
 * The app's own rule check of the proposed month (ROS-4, LEV-5, ORG-3, ROS-3): what the grid
 * would mark as a break. Coverage (ROS-1) is the soft part and is explained separately; daily
 * hours are a warning, not a break.
 */
export function ruleBreaks(proposed: MonthView): string[] {
  return findIssues(proposed)
    .filter((issue) => issue.rule !== 'coverage' && ruleSeverity(issue.rule) === 'error')
    .map((issue) => explain(issue, translate));
}

/** Per-function coverage the model could not count (ROS-1), from the grid's own check. */
function functionShortfalls(proposed: MonthView): Explanation[] {
  return findIssues(proposed)
    .filter((issue) => issue.rule === 'coverage' && issue.key === 'roster.rules.coverageFunction')
    .map((issue) => ({ kind: 'function', message: t('roster.schedule.functionShort', { issue: explain(issue, translate) }), penalty: 0 }));
}

function dateLabel(date: string): string {
  return t('roster.schedule.dateLabel', {
    date,
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
    weekday: t(`roster.staffing.weekdays.${weekday(date)}`),
  });
}

/** Names when there are a few, otherwise how many. */
function who(names: string[]): string {
  return names.length <= 3 ? names.join(t('roster.schedule.nameSeparator')) : t('roster.schedule.people', { count: names.length });
}

/** Why a post stays short, from explainShortfalls: who could not take it and why, by reason. */
function reasonsText(sp: ScheduleProblem, people: ShortfallReason[]): string {
  const name = (staff: string) => sp.personOf.get(staff)?.name ?? staff;
  const names = (kind: ShortfallReason['kind'], keep: (p: ShortfallReason) => boolean = () => true) =>
    people.filter((p) => p.kind === kind && keep(p)).map((p) => name(p.staff));
  const groups: string[] = [];
  const add = (key: string, list: string[], params: Record<string, string> = {}) => {
    if (list.length > 0) groups.push(t(`roster.schedule.${key}`, { who: who(list), ...params }));
  };
  add('reasonDayOff', names('day-off'));
  add('reasonNeverWorks', names('never-works-shift'));
  const ruleCounts = new Map<string, number>();
  for (const p of people) if (p.kind === 'breaks-rules') for (const r of new Set(p.rules)) ruleCounts.set(r, (ruleCounts.get(r) ?? 0) + 1);
  const rules = [...ruleCounts]
    .sort((a, b) => b[1] - a[1])
    .map(([rule, count]) => t('roster.schedule.ruleCount', { rule: t(`roster.schedule.rules.${rule}`), count }))
    .join(t('roster.schedule.nameSeparator'));
  add('reasonBreaksRules', names('breaks-rules'), { rules });
  add(
    'reasonCostsMore',
    names('costs-more', (p) => p.kind === 'costs-more' && p.penaltyDelta > 0),
  );
  add(
    'reasonCostsMoreEqual',
    names('costs-more', (p) => p.kind === 'costs-more' && p.penaltyDelta <= 0),
  );
  if (groups.length === 0) return t('roster.schedule.nobody');
  return t('roster.schedule.why', { list: groups.join(t('roster.schedule.separator')) });
}

/** Wishes as the user made them (one per person, date and shift or any shift), met or not. */
function unmetWishes(sp: ScheduleProblem, assignments: readonly Assignment[]): Explanation[] {
  const at = new Map(assignments.map((a) => [`${a.staff}|${a.day}`, a.shift]));
  const seen = new Set<unknown>();
  const out: Explanation[] = [];
  sp.problem.requests.forEach((request, i) => {
    const wish = sp.requestWish[i];
    if (!wish || seen.has(wish)) return;
    seen.add(wish);
    const worked = at.get(`${request.staff}|${request.day}`);
    const workedType = worked ? sp.shiftTypeOf.get(worked)!.id : null;
    const met =
      wish.kind === 'on'
        ? wish.shiftTypeId === null
          ? workedType !== null
          : workedType === wish.shiftTypeId
        : wish.shiftTypeId === null
          ? workedType === null
          : workedType !== wish.shiftTypeId;
    if (met) return;
    const person = sp.personOf.get(request.staff)!;
    const shift = wish.shiftTypeId === null ? '' : (sp.shiftTypeOf.get(sp.shiftIdOf.get(wish.shiftTypeId) ?? '')?.name ?? '');
    const key = `${wish.kind === 'on' ? 'wishOn' : 'wishOff'}${wish.shiftTypeId === null ? 'Any' : ''}`;
    out.push({
      kind: 'wish',
      message: t(`roster.schedule.${key}`, { name: person.name, date: dateLabel(wish.date), shift }),
      penalty: wish.weight,
    });
  });
  return out;
}

export interface Outcome {
  proposal: Proposal;
  /** Cover and unmet wishes, as the user counts them. */
  penalty: number;
  explanation: Explanation[];
  /** Hard rules of the model broken by people's rows (the model's own conditions, not the app's rules). */
  modelBreaks: string[];
}

/** Short posts explained with reasons; any beyond are listed without them. */
const MAX_EXPLAINED_POSTS = 200;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Why each short post (ROS-1) stays short, person by person with a pause in between so the IPC
 * thread keeps answering. explainShortfalls scores the whole roster for every person it tries on
 * a post; here it gets a problem with that one person, their wishes, and cover rows asking what
 * the others leave to fill (the requirement less the others on the post, negative when they
 * already exceed it). Short and over are linear in the person's own count, so every penalty
 * difference, every rule they would break and every reason is the same as in the whole problem,
 * at the cost of one row instead of all of them.
 */
async function shortfallItems(sp: ScheduleProblem, solution: RosterSolution, score: RosterScore): Promise<Explanation[]> {
  const { problem } = sp;
  const shiftOrder = new Map(problem.shifts.map((s, i) => [s.id, i]));
  const short = score.breakdown.cover
    .filter((c) => c.short > 0)
    .sort((a, b) => a.day - b.day || shiftOrder.get(a.shift)! - shiftOrder.get(b.shift)!);
  const explained = short.slice(0, MAX_EXPLAINED_POSTS);
  const reasons = new Map<string, ShortfallReason[]>(explained.map((c) => [`${c.day}|${c.shift}`, []]));
  const onPost = new Map<string, number>();
  for (const a of solution.assignments) onPost.set(`${a.day}|${a.shift}`, (onPost.get(`${a.day}|${a.shift}`) ?? 0) + 1);
  const byStaff = new Map<string, Assignment[]>(problem.staff.map((p) => [p.id, []]));
  for (const a of solution.assignments) byStaff.get(a.staff)?.push(a);
  const unexplained = new Set(short.slice(MAX_EXPLAINED_POSTS).map((c) => `${c.day}|${c.shift}`));
  for (const person of problem.staff) {
    const own = byStaff.get(person.id)!;
    const mine = (day: number, shift: string) => (own.some((a) => a.day === day && a.shift === shift) ? 1 : 0);
    const alone: RosterProblem = {
      ...problem,
      staff: [person],
      requests: problem.requests.filter((r) => r.staff === person.id),
      cover: problem.cover.map((c) => {
        const key = `${c.day}|${c.shift}`;
        const left = c.requirement - ((onPost.get(key) ?? 0) - mine(c.day, c.shift));
        // A post not explained asks no more than the person gives it: not short, and leaving it
        // still costs one person short, as in the whole problem.
        return { ...c, requirement: unexplained.has(key) ? Math.min(left, mine(c.day, c.shift)) : left };
      }),
    };
    for (const row of explainShortfalls(alone, own)) reasons.get(`${row.day}|${row.shift}`)?.push(...row.people);
    await yieldToEventLoop();
  }
  return short.map((row) => {
    const params = {
      date: dateLabel(sp.dates[row.day]!),
      shift: sp.shiftTypeOf.get(row.shift)?.name ?? row.shift,
      required: row.requirement,
      assigned: row.assigned,
      short: row.short,
    };
    const people = reasons.get(`${row.day}|${row.shift}`);
    const message = people
      ? t('roster.schedule.short', { ...params, reasons: reasonsText(sp, people) })
      : t('roster.schedule.shortBrief', params);
    return { kind: 'short', message, penalty: row.penalty };
  });
}

/** Everything about a finished solve that does not depend on later edits of the roster. */
export async function outcomeOf(sp: ScheduleProblem, solution: RosterSolution, view: MonthView): Promise<Outcome> {
  const proposal = proposalOf(sp, solution.assignments);
  const score = scoreRoster(sp.problem, solution.assignments);
  const explanation: Explanation[] = await shortfallItems(sp, solution, score);

  const over = score.breakdown.cover.filter((c) => c.over > 0);
  if (over.length > 0) {
    const overPenalty = over.reduce((sum, c) => sum + c.penalty, 0);
    explanation.push({
      kind: 'over',
      message: t('roster.schedule.over', {
        rows: over.length,
        people: over.reduce((sum, c) => sum + c.over, 0),
        percent: Math.round(MIN_HOURS_SHARE * 100),
      }),
      penalty: overPenalty,
    });
  }
  explanation.push(...unmetWishes(sp, solution.assignments));

  const proposed = withChanges(view, changesFor(view, proposal, false));
  explanation.push(...functionShortfalls(proposed));
  const archived = new Map<number, number>();
  for (const r of sp.archivedRequirements) archived.set(r.shiftTypeId, (archived.get(r.shiftTypeId) ?? 0) + 1);
  for (const [id, count] of archived) {
    const shift = view.shiftTypes.find((s) => s.id === id)?.name ?? String(id);
    explanation.push({ kind: 'note', message: t('roster.schedule.archived', { shift, count }), penalty: 0 });
  }
  if (sp.keptGroups.length > 0) {
    explanation.push({
      kind: 'note',
      message: t('roster.schedule.keptGroups', { groups: sp.keptGroups.join(t('roster.schedule.nameSeparator')) }),
      penalty: 0,
    });
  }

  // The model's conditions the best row could not keep (fairness, run lengths, hours): words
  // for the user; whether the roster breaks the app's rules is ruleBreaks' answer.
  const modelBreaks = [...new Set(solution.hardViolations.map((v) => `${v.staff ?? ''}|${v.rule}`))].map((key) => {
    const [staff, rule] = key.split('|') as [string, string];
    const known = [
      'forbidden-succession',
      'max-consecutive-shifts',
      'min-consecutive-days-off',
      'total-minutes',
      'max-weekends',
      'max-shifts',
      'day-off',
      'one-shift-per-day',
    ];
    return t('roster.schedule.modelRule', {
      name: sp.personOf.get(staff)?.name ?? staff,
      rule: t(`roster.schedule.rules.${known.includes(rule) ? rule : 'unknown'}`),
    });
  });

  return { proposal, penalty: Math.max(0, solution.penalty - sp.requestOffset), explanation, modelBreaks };
}
