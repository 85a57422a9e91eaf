import { describe, it, expect } from 'vitest';
import {
  amountProblem,
  attendanceBreaches,
  checkEligibility,
  cleanWindow,
  compareCodes,
  deductionCheck,
  monthsToClose,
  nextRole,
  promotionFlow,
  rewardTransition,
  sanctionTransition,
  settleMonths,
  versionInForce,
  type EligibilityInput,
  type SanctionFact,
} from '../../main/discipline/rules/index.ts';
import { addMonths, shiftMonth } from '../../main/time/months.ts';

describe('DIS-3 and LAW: the catalogue entry in force on a date', () => {
  const versions = [
    { id: 1, code: 'DIS-3.5', version: 1, publishedOn: '2025-01-01', archivedOn: null },
    { id: 2, code: 'DIS-3.5', version: 2, publishedOn: '2026-06-01', archivedOn: null },
    { id: 3, code: 'X-1', version: 1, publishedOn: '2026-06-01', archivedOn: null },
  ];

  it('a violation before its rule was published is refused with the publication date', () => {
    expect(versionInForce(versions, 'X-1', '2026-05-31')).toEqual({ ok: false, reason: 'notPublished', from: '2026-06-01' });
    expect(versionInForce(versions, 'X-1', '2026-06-01')).toMatchObject({ ok: true, version: { id: 3 } });
  });

  it('the newest version published by the date applies; the older one before that', () => {
    expect(versionInForce(versions, 'DIS-3.5', '2026-05-31')).toMatchObject({ ok: true, version: { version: 1 } });
    expect(versionInForce(versions, 'DIS-3.5', '2026-06-01')).toMatchObject({ ok: true, version: { version: 2 } });
  });

  it('an archived code applies before its archive date only; an unknown code is unknown', () => {
    const archived = [{ ...versions[0]!, archivedOn: '2026-03-01' }];
    expect(versionInForce(archived, 'DIS-3.5', '2026-02-28').ok).toBe(true);
    expect(versionInForce(archived, 'DIS-3.5', '2026-03-01')).toEqual({ ok: false, reason: 'archived', from: '2026-03-01' });
    expect(versionInForce(versions, 'DIS-3.99', '2026-03-01')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('DIS-1: a fine needs an amount, a pay cut may have one, other sanctions have none', () => {
    expect(amountProblem('fine', null)).toBe('required');
    expect(amountProblem('fine', 0)).toBe('required');
    expect(amountProblem('fine', 2000)).toBeNull();
    expect(amountProblem('pay-cut', 50000)).toBeNull();
    expect(amountProblem('warning', 100)).toBe('notAllowed');
    expect(amountProblem('demerit', null)).toBeNull();
  });

  it('codes sort the way the rulebooks list them', () => {
    expect(['ATT-2', 'DIS-3.10', 'CONF-1', 'DIS-3.2', 'X-1', 'DIS-3.1'].sort(compareCodes)).toEqual([
      'DIS-3.1',
      'DIS-3.2',
      'DIS-3.10',
      'ATT-2',
      'CONF-1',
      'X-1',
    ]);
  });
});

describe('PRO-1…5: promotion eligibility', () => {
  const agent = { role: 'agent' as const, status: 'active' as const, hireDate: '2024-01-02', leftOn: null };
  const good = [
    { period: '2026-03', endsOn: '2026-03-31', grade: 'good' as const },
    { period: '2026-04', endsOn: '2026-04-30', grade: 'excellent' as const },
    { period: '2026-05', endsOn: '2026-05-31', grade: 'good' as const },
  ];
  const base: EligibilityInput = {
    person: agent,
    toRole: 'leader',
    appliedOn: '2026-06-15',
    exceptionNote: null,
    cleanMonths: 3,
    sanctions: [],
    appraisals: good,
  };
  const sanction = (date: string, status: SanctionFact['status'] = 'active'): SanctionFact => ({
    id: 1,
    date,
    code: 'DIS-3.13',
    sanction: 'fine',
    status,
  });
  const state = (input: EligibilityInput, key: string) => checkEligibility(input).conditions.find((c) => c.key === key)!.state;

  it('a clean agent with good results and enough tenure is eligible (PRO-2)', () => {
    const e = checkEligibility(base);
    expect(e.eligible).toBe(true);
    expect(e.window).toEqual({ from: '2026-03-15', to: '2026-06-15', months: 3 });
    expect(e.conditions.map((c) => [c.key, c.state])).toEqual([
      ['active', 'met'],
      ['path', 'met'],
      ['cleanRecord', 'met'],
      ['appraisal', 'met'],
      ['tenure', 'met'],
    ]);
  });

  it('PRO-2: a violation exactly on the first day of the 3-month window blocks; the day before does not', () => {
    expect(state({ ...base, sanctions: [sanction('2026-03-15')] }, 'cleanRecord')).toBe('unmet');
    expect(state({ ...base, sanctions: [sanction('2026-03-14')] }, 'cleanRecord')).toBe('met');
  });

  it('PRO-2: a violation on the application day itself (the window’s last day) blocks', () => {
    const e = checkEligibility({ ...base, sanctions: [sanction('2026-06-15')] });
    expect(e.eligible).toBe(false);
    expect(e.conditions.find((c) => c.key === 'cleanRecord')!.records).toEqual([
      expect.objectContaining({ date: '2026-06-15', counts: true }),
    ]);
  });

  it('the window keeps the day inside short months (05-31 minus 3 months is 02-28)', () => {
    expect(cleanWindow('2026-05-31', 3)).toEqual({ from: '2026-02-28', to: '2026-05-31' });
    expect(addMonths('2024-05-31', -3)).toBe('2024-02-29');
    expect(addMonths('2026-01-15', -12)).toBe('2025-01-15');
  });

  it('DIS-5: a voided sanction is shown but does not block; an appealed one still counts', () => {
    const voided = checkEligibility({ ...base, sanctions: [sanction('2026-05-01', 'voided')] });
    expect(voided.eligible).toBe(true);
    const clean = voided.conditions.find((c) => c.key === 'cleanRecord')!;
    expect(clean.records).toEqual([expect.objectContaining({ status: 'voided', counts: false })]);
    expect(clean.params).toMatchObject({ count: 0, voided: 1 });
    expect(checkEligibility({ ...base, sanctions: [sanction('2026-05-01', 'appealed')] }).eligible).toBe(false);
  });

  it('PRO-1: a skip-level promotion needs its justification and is recorded as such', () => {
    const without = checkEligibility({ ...base, toRole: 'supervisor', cleanMonths: 6 });
    expect(without.skipLevel).toBe(true);
    expect(without.conditions.find((c) => c.key === 'path')).toMatchObject({
      state: 'unmet',
      params: { reason: 'skipWithoutNote', steps: 2 },
    });
    const withNote = checkEligibility({
      ...base,
      toRole: 'supervisor',
      cleanMonths: 6,
      exceptionNote: '带领项目组完成重大上线',
      appraisals: [...good, { period: '2026-01', endsOn: '2026-01-31', grade: 'good' }],
    });
    expect(withNote).toMatchObject({ skipLevel: true, eligible: true });
    expect(withNote.conditions.find((c) => c.key === 'path')!.state).toBe('exception');
    expect(checkEligibility({ ...base, person: { ...agent, role: 'leader' }, toRole: 'leader' }).conditions[1]!.params.reason).toBe(
      'notAbove',
    );
  });

  it('PRO-5: appraisal results — none, an unqualified one, or a latest result below good are not enough', () => {
    const reason = (appraisals: EligibilityInput['appraisals']) =>
      checkEligibility({ ...base, appraisals }).conditions.find((c) => c.key === 'appraisal')!.params.reason;
    expect(reason([])).toBe('none');
    expect(reason([...good, { period: '2026-02', endsOn: '2026-03-20', grade: 'unqualified' }])).toBe('unqualified');
    expect(reason([{ period: '2026-05', endsOn: '2026-05-31', grade: 'qualified' }])).toBe('notOutstanding');
    // A result outside the window does not count either way.
    expect(reason([{ period: '2026-01', endsOn: '2026-01-31', grade: 'unqualified' }, ...good])).toBe('outstanding');
  });

  it('PRO-5: tenure — hired after the window started is not enough; leaving ends eligibility', () => {
    expect(state({ ...base, person: { ...agent, hireDate: '2026-03-16' } }, 'tenure')).toBe('unmet');
    expect(state({ ...base, person: { ...agent, hireDate: '2026-03-15' } }, 'tenure')).toBe('met');
    expect(state({ ...base, person: { ...agent, status: 'left', leftOn: '2026-06-01' } }, 'active')).toBe('unmet');
  });

  it('PRO-2…4: who decides at each level, and the path upwards', () => {
    expect(promotionFlow('leader')).toEqual({ first: 'apply', decisions: ['supervisor-approval'], ruleId: 'PRO-2' });
    expect(promotionFlow('supervisor')).toEqual({ first: 'nominate', decisions: ['superior-approval'], ruleId: 'PRO-3' });
    expect(promotionFlow('manager')).toEqual({ first: 'apply', decisions: ['hr-assessment', 'gm-approval'], ruleId: 'PRO-4' });
    expect([nextRole('agent'), nextRole('leader'), nextRole('supervisor'), nextRole('manager')]).toEqual([
      'leader',
      'supervisor',
      'manager',
      null,
    ]);
  });
});

describe('DIS-2: the fund ledger', () => {
  it('closing balances carry month to month and across a year end', () => {
    const amounts: Record<string, number[]> = { '2025-11': [2000, -500], '2025-12': [1000], '2026-01': [-1500, 300], '2026-02': [] };
    const settled = settleMonths(['2025-11', '2025-12', '2026-01', '2026-02'], 10_000, (m) => amounts[m] ?? []);
    expect(settled).toEqual([
      { month: '2025-11', openingFen: 10_000, inFen: 2000, outFen: 500, closingFen: 11_500 },
      { month: '2025-12', openingFen: 11_500, inFen: 1000, outFen: 0, closingFen: 12_500 },
      { month: '2026-01', openingFen: 12_500, inFen: 300, outFen: 1500, closingFen: 11_300 },
      { month: '2026-02', openingFen: 11_300, inFen: 0, outFen: 0, closingFen: 11_300 },
    ]);
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  });

  it('closing a month closes the open months before it, oldest first; a closed month cannot close again', () => {
    expect(monthsToClose('2026-03', '2025-12', null)).toEqual({ ok: true, months: ['2025-12', '2026-01', '2026-02', '2026-03'] });
    expect(monthsToClose('2026-03', null, null)).toEqual({ ok: true, months: ['2026-03'] });
    expect(monthsToClose('2026-03', '2026-05', null)).toEqual({ ok: true, months: ['2026-03'] });
    expect(monthsToClose('2026-03', '2025-12', '2026-01')).toEqual({ ok: true, months: ['2026-02', '2026-03'] });
    expect(monthsToClose('2026-01', '2025-12', '2026-01')).toEqual({ ok: false, reason: 'alreadyClosed' });
  });

  it('LAW: deductions are warned about above 20 % of the monthly wage (daily × 21.75) and below the minimum wage', () => {
    const base = { dailyWageFen: 20_000, monthlyWorkDays: 21.75, capPercent: 20, minimumMonthlyFen: 254_000 };
    // 200 yuan a day → 4 350 yuan a month → the cap is 870 yuan.
    expect(deductionCheck({ ...base, deductionsFen: 87_000 })).toMatchObject({
      monthlyWageFen: 435_000,
      capFen: 87_000,
      overCap: false,
      percent: 20,
    });
    expect(deductionCheck({ ...base, deductionsFen: 87_001 })).toMatchObject({ overCap: true });
    expect(deductionCheck({ ...base, deductionsFen: 20_000, dailyWageFen: 12_000 })).toMatchObject({
      monthlyWageFen: 261_000,
      belowMinimum: true,
    });
    expect(deductionCheck({ ...base, dailyWageFen: null, deductionsFen: 2000 })).toEqual({ wageKnown: false, deductionsFen: 2000 });
  });
});

describe('ATT-2…7 into sanctions: one record per person, day and breach', () => {
  const month = {
    personId: 7,
    fines: [
      { date: '2026-03-02', kind: 'late' as const, minutes: 5, fineFen: 2000 },
      { date: '2026-03-02', kind: 'early' as const, minutes: 10, fineFen: 2000 },
    ],
    absences: [
      { date: '2026-03-03', days: 0.5, deductionFen: 30_000, reason: 'late' as const },
      { date: '2026-03-04', days: 1, deductionFen: 60_000, reason: 'early' as const },
      { date: '2026-03-05', days: 1, deductionFen: null, reason: 'noPunch' as const },
      { date: '2026-03-06', days: 1, deductionFen: 60_000, reason: 'missingPunch' as const },
    ],
  };

  it('ATT-2 fines and ATT-3/ATT-4/ATT-7 absences, each with its amount', () => {
    expect(attendanceBreaches(month).map((b) => [b.date, b.code, b.amountFen])).toEqual([
      ['2026-03-02', 'ATT-2', 2000],
      ['2026-03-02', 'ATT-2', 2000],
      ['2026-03-03', 'ATT-3', 30_000],
      ['2026-03-04', 'ATT-4', 60_000],
      ['2026-03-05', 'ATT-7', null],
      ['2026-03-06', 'ATT-7', 60_000],
    ]);
  });

  it('a fine recorded twice from the same attendance day has the same key (the second is impossible)', () => {
    const keys = attendanceBreaches(month).map((b) => b.sourceKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(attendanceBreaches(month).map((b) => b.sourceKey)).toEqual(keys);
    expect(keys[0]).toBe('attendance:7:2026-03-02:late');
    expect(keys[1]).toBe('attendance:7:2026-03-02:early');
  });
});

describe('DIS-4, DIS-5: what may happen next', () => {
  it('a sanction is appealed while active, the appeal upheld or the sanction voided; a voided one stays voided', () => {
    expect(sanctionTransition('active', 'appeal')).toBe('appealed');
    expect(sanctionTransition('appealed', 'appeal')).toBeNull();
    expect(sanctionTransition('appealed', 'uphold')).toBe('active');
    expect(sanctionTransition('active', 'uphold')).toBeNull();
    expect(sanctionTransition('appealed', 'void')).toBe('voided');
    expect(sanctionTransition('voided', 'void')).toBeNull();
  });

  it('a reward goes recommended → applied → reviewed → approved, and may be rejected at either review', () => {
    expect(rewardTransition('recommended', 'apply')).toBe('applied');
    expect(rewardTransition('recommended', 'review')).toBeNull();
    expect(rewardTransition('applied', 'review')).toBe('reviewed');
    expect(rewardTransition('applied', 'review', false)).toBe('rejected');
    expect(rewardTransition('applied', 'approve')).toBeNull();
    expect(rewardTransition('reviewed', 'approve')).toBe('approved');
    expect(rewardTransition('reviewed', 'approve', false)).toBe('rejected');
    expect(rewardTransition('approved', 'void')).toBe('voided');
    expect(rewardTransition('rejected', 'void')).toBeNull();
  });
});
