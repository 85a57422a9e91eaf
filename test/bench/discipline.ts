import { personRecord } from '../../main/discipline/record.ts';
import { promotionBoard } from '../../main/discipline/promotions.ts';
import { closeFundMonth } from '../../main/discipline/fund.ts';
import { shiftMonth } from '../../main/time/months.ts';
import { seededDatabase, hostOnCopy, timed, median, BENCH_END_DATE } from './fixtures.ts';

/**
 * On the seeded department (about 300 people, three years of sanctions, rewards, fund movements
 * and promotions), on a copy of the file:
 * discipline.record_history_ms — the full record (timeline and summary) of the person with the
 *   most records over the three years, median of 20;
 * discipline.promotion_check_300_ms — PRO-5 eligibility for the next role of everyone below
 *   manager (about 300 people) on the end date, median of 20;
 * discipline.fund_close_month_ms — settling the first open month of the 乐捐 fund (deduction
 *   check, balances, locking), each run rolled back, median of 20.
 */
export async function benchDiscipline(root: string): Promise<Record<string, number>> {
  const host = await hostOnCopy(root, await seededDatabase(root));
  try {
    const ctx = { store: host.store(), actor: { id: 'supervisor', name: '主管' } };
    const sqlite = ctx.store.sqlite;
    const busiest = sqlite
      .prepare(
        `select person_id as id, count(*) as n from (select person_id from sanctions union all select person_id from rewards
           union all select a.person_id from appraisals a) group by person_id order by n desc limit 1`,
      )
      .get() as { id: number; n: number };
    let entries = 0;
    const history = timed(() => {
      entries = personRecord(ctx, busiest.id).timeline.length;
    });
    if (entries < 30) throw new Error(`the busiest person has only ${entries} records`);

    let people = 0;
    const board = timed(() => {
      people = promotionBoard(ctx, BENCH_END_DATE).length;
    });
    if (people < 250) throw new Error(`promotion check covered only ${people} people`);

    const lastClosed = (sqlite.prepare('select max(month) as m from fund_months').get() as { m: string | null }).m;
    if (!lastClosed) throw new Error('the seeded fund has no closed month');
    const month = shiftMonth(lastClosed, 1);
    const close = timed(() => {
      sqlite.exec('begin');
      try {
        const closed = closeFundMonth(ctx, month, true, BENCH_END_DATE);
        if (closed.status !== 'closed') throw new Error('the month did not close');
      } finally {
        sqlite.exec('rollback');
      }
    });
    return {
      'discipline.record_history_ms': median(history),
      'discipline.promotion_check_300_ms': median(board),
      'discipline.fund_close_month_ms': median(close),
    };
  } finally {
    host.close();
  }
}
