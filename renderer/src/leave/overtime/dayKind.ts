import type { OvertimeCheck } from '../../../../main/overtime/contract.ts';

/** The tag colour of a day's kind (OT-1): a holiday red, a rest day orange, a workday blue. */
export const dayKindColor: Record<OvertimeCheck['dayKind'], string> = { holiday: 'red', rest: 'orange', workday: 'blue' };
