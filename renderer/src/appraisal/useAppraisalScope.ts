import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export const appraisalTabs = ['board', 'charts', 'calibration', 'history', 'annual', 'training', 'plans', 'template'] as const;
export type AppraisalTab = (typeof appraisalTabs)[number];

export interface AppraisalScope {
  tab: AppraisalTab;
  period: string;
  /** A group id, null for the whole department, undefined until the page picks a default. */
  groupId: number | null | undefined;
  /** The person whose history is shown. */
  personId: number | null;
}

const periodPattern = /^\d{4}-((0[1-9]|1[0-2])|Q[1-4])$/;

/** Last month: results are scored after a month ends, so that is the month the board opens on. */
export function defaultPeriod(now = new Date()): string {
  const index = now.getFullYear() * 12 + now.getMonth() - 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The page's tab, period, scope and person live in the address
 * (#/appraisal?tab=board&period=2026-03&group=2), so a reload, a link or a test lands on the same view.
 */
export function useAppraisalScope(): [AppraisalScope, (change: Partial<AppraisalScope>) => void] {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') as AppraisalTab | null;
  const period = params.get('period');
  const group = params.get('group');
  const person = params.get('person');
  const scope: AppraisalScope = {
    tab: tab && appraisalTabs.includes(tab) ? tab : 'board',
    period: period && periodPattern.test(period) ? period : defaultPeriod(),
    groupId: group === null ? undefined : group === 'all' ? null : Number(group),
    personId: person && /^\d+$/.test(person) ? Number(person) : null,
  };
  const update = useCallback(
    (change: Partial<AppraisalScope>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (change.tab) next.set('tab', change.tab);
          if (change.period) next.set('period', change.period);
          if (change.groupId !== undefined) next.set('group', change.groupId === null ? 'all' : String(change.groupId));
          if (change.personId !== undefined) {
            if (change.personId === null) next.delete('person');
            else next.set('person', String(change.personId));
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [scope, update];
}

/** The query string of a scope, for links back to the page (from the scoring form). */
export function scopeQuery(scope: { period: string; groupId: number | null | undefined }, tab = 'board'): string {
  const group = scope.groupId === undefined ? '' : `&group=${scope.groupId === null ? 'all' : scope.groupId}`;
  return `tab=${tab}&period=${scope.period}${group}`;
}
