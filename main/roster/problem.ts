// Schemas for the roster-problem/1 and roster-solution/1 formats (see shared/roster-problem.md).
// Shape is checked by zod; cross-references (ids, days) by one refinement so every message names
// the exact path of the offending value.
import { z } from 'zod';

const nonNegativeInt = z.number().int().nonnegative();
const id = z.string().min(1, 'must not be empty');

export const shiftSchema = z.object({
  id,
  minutes: nonNegativeInt,
  start: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day HH:MM')
    .optional(),
  forbiddenNext: z.array(id),
});

export const staffSchema = z.object({
  id,
  maxShifts: z.record(z.string(), nonNegativeInt),
  minMinutes: nonNegativeInt,
  maxMinutes: nonNegativeInt,
  minConsecutiveShifts: nonNegativeInt,
  maxConsecutiveShifts: nonNegativeInt,
  minConsecutiveDaysOff: nonNegativeInt,
  maxWeekends: nonNegativeInt,
  daysOff: z.array(nonNegativeInt),
});

export const requestSchema = z.object({
  staff: id,
  day: nonNegativeInt,
  shift: id,
  kind: z.enum(['on', 'off']),
  weight: nonNegativeInt,
});

export const coverSchema = z.object({
  day: nonNegativeInt,
  shift: id,
  requirement: nonNegativeInt,
  underWeight: nonNegativeInt,
  overWeight: nonNegativeInt,
});

const problemShape = z.object({
  format: z.literal('roster-problem/1'),
  startDate: z.iso.date('must be a date YYYY-MM-DD'),
  days: z.number().int().min(1).max(366),
  shifts: z.array(shiftSchema).min(1, 'needs at least one shift'),
  staff: z.array(staffSchema),
  requests: z.array(requestSchema),
  cover: z.array(coverSchema),
});

type Path = (string | number)[];

function checkReferences(p: z.infer<typeof problemShape>, ctx: z.core.$RefinementCtx): void {
  const issue = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });
  const shiftIds = new Set<string>();
  p.shifts.forEach((s, i) => {
    if (shiftIds.has(s.id)) issue(['shifts', i, 'id'], `duplicate shift id "${s.id}"`);
    shiftIds.add(s.id);
  });
  p.shifts.forEach((s, i) =>
    s.forbiddenNext.forEach((next, j) => {
      if (!shiftIds.has(next)) issue(['shifts', i, 'forbiddenNext', j], `unknown shift id "${next}"`);
    }),
  );
  const staffIds = new Set<string>();
  p.staff.forEach((person, i) => {
    if (staffIds.has(person.id)) issue(['staff', i, 'id'], `duplicate staff id "${person.id}"`);
    staffIds.add(person.id);
    for (const key of Object.keys(person.maxShifts)) {
      if (!shiftIds.has(key)) issue(['staff', i, 'maxShifts', key], `unknown shift id "${key}"`);
    }
    person.daysOff.forEach((day, j) => {
      if (day >= p.days) issue(['staff', i, 'daysOff', j], `day ${day} is outside 0..${p.days - 1}`);
    });
  });
  p.requests.forEach((r, i) => {
    if (!staffIds.has(r.staff)) issue(['requests', i, 'staff'], `unknown staff id "${r.staff}"`);
    if (!shiftIds.has(r.shift)) issue(['requests', i, 'shift'], `unknown shift id "${r.shift}"`);
    if (r.day >= p.days) issue(['requests', i, 'day'], `day ${r.day} is outside 0..${p.days - 1}`);
  });
  const coverKeys = new Set<string>();
  p.cover.forEach((c, i) => {
    if (!shiftIds.has(c.shift)) issue(['cover', i, 'shift'], `unknown shift id "${c.shift}"`);
    if (c.day >= p.days) issue(['cover', i, 'day'], `day ${c.day} is outside 0..${p.days - 1}`);
    const key = `${c.day}\u0000${c.shift}`;
    if (coverKeys.has(key)) issue(['cover', i], `second cover row for day ${c.day} shift "${c.shift}"`);
    coverKeys.add(key);
  });
}

export const rosterProblemSchema = problemShape.superRefine(checkReferences);

export const assignmentSchema = z.object({ staff: id, day: nonNegativeInt, shift: id });

export const hardViolationSchema = z.object({
  rule: z.string(),
  staff: z.string().nullable(),
  day: z.number().int().nullable(),
  detail: z.string(),
});

export const rosterSolutionSchema = z.object({
  format: z.literal('roster-solution/1'),
  assignments: z.array(assignmentSchema),
  penalty: z.number(),
  hardViolations: z.array(hardViolationSchema),
});

export type RosterProblem = z.infer<typeof rosterProblemSchema>;
export type Shift = z.infer<typeof shiftSchema>;
export type Staff = z.infer<typeof staffSchema>;
export type ShiftRequest = z.infer<typeof requestSchema>;
export type CoverRow = z.infer<typeof coverSchema>;
export type Assignment = z.infer<typeof assignmentSchema>;
export type HardViolation = z.infer<typeof hardViolationSchema>;
export type RosterSolution = z.infer<typeof rosterSolutionSchema>;

/** `shifts[2].forbiddenNext[0]` style path for messages. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

function describe(error: z.ZodError, what: string): Error {
  const lines = error.issues.map((i) => `  ${formatPath(i.path)}: ${i.message}`);
  return new Error(`invalid ${what}:\n${lines.join('\n')}`);
}

/** Returns the typed problem or throws an Error listing every problem and where it is. */
export function parseProblem(json: unknown): RosterProblem {
  const result = rosterProblemSchema.safeParse(json);
  if (!result.success) throw describe(result.error, 'roster-problem/1');
  return result.data;
}

export function parseSolution(json: unknown): RosterSolution {
  const result = rosterSolutionSchema.safeParse(json);
  if (!result.success) throw describe(result.error, 'roster-solution/1');
  return result.data;
}
