import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { monthParam } from './dates.ts';

export const rosterTabs = ['grid', 'shifts', 'calendar', 'staffing', 'swaps', 'changes'] as const;
export type RosterTab = (typeof rosterTabs)[number];

export interface RosterScope {
  tab: RosterTab;
  month: string;
  /** A group id, null for the whole department, undefined until the page picks a default. */
  groupId: number | null | undefined;
}

/**
 * The page's tab, month and scope live in the address (#/roster?tab=grid&month=2026-03&group=2),
 * so a reload, a link or a test lands on the same view.
 */
export function useRosterScope(): [RosterScope, (change: Partial<RosterScope>) => void] {
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab') as RosterTab | null;
  const groupParam = params.get('group');
  const scope: RosterScope = {
    tab: tabParam && rosterTabs.includes(tabParam) ? tabParam : 'grid',
    month: monthParam(params.get('month')),
    groupId: groupParam === null ? undefined : groupParam === 'all' ? null : Number(groupParam),
  };
  const update = useCallback(
    (change: Partial<RosterScope>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (change.tab) next.set('tab', change.tab);
          if (change.month) next.set('month', change.month);
          if (change.groupId !== undefined) next.set('group', change.groupId === null ? 'all' : String(change.groupId));
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [scope, update];
}
