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
  const scope = rosterScopeOf(params);
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

export function rosterScopeOf(params: URLSearchParams): RosterScope {
  const tabParam = params.get('tab') as RosterTab | null;
  const groupParam = params.get('group');
  return {
    tab: tabParam && rosterTabs.includes(tabParam) ? tabParam : 'grid',
    month: monthParam(params.get('month')),
    groupId: groupParam === null ? undefined : groupParam === 'all' ? null : Number(groupParam),
  };
}

/**
 * A group leader lives in one group: without a choice in the address, the first group (or the
 * department when there are no groups yet). The default is not written to the address, so it
 * follows the groups as they are created.
 */
export function defaultRosterGroup(groups: ReadonlyArray<{ id: number; archivedOn: string | null }>): number | null {
  return groups.find((g) => !g.archivedOn)?.id ?? null;
}
