import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Area } from '../api/client.ts';
import { currentMonth } from '../roster/dates.ts';

export const leaveTabs = ['requests', 'overtime', 'balances', 'types'] as const;
export type LeaveTab = (typeof leaveTabs)[number];

export interface PageScope<T extends string> {
  tab: T;
  month: string;
  /** A group id, null for the whole department. */
  groupId: number | null;
}

/**
 * A page's tab, month and scope live in the address (#/leave?tab=overtime&month=2026-03&group=2),
 * so a reload, a link or a test lands on the same view. Without a group the whole department shows.
 */
export function usePageScope<T extends string>(tabs: readonly T[]): [PageScope<T>, (change: Partial<PageScope<T>>) => void] {
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab') as T | null;
  const monthParam = params.get('month');
  const groupParam = params.get('group');
  const scope: PageScope<T> = {
    tab: tabParam && tabs.includes(tabParam) ? tabParam : tabs[0]!,
    month: monthParam && /^\d{4}-(0[1-9]|1[0-2])$/.test(monthParam) ? monthParam : currentMonth(),
    groupId: groupParam === null || groupParam === 'all' ? null : Number(groupParam),
  };
  const update = useCallback(
    (change: Partial<PageScope<T>>) =>
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

export function useLeaveScope() {
  return usePageScope(leaveTabs);
}

/**
 * Reads again what main wrote in words (leave type names, anomaly and flag messages, ledger lines)
 * when the language changes, so a screen never mixes the two languages.
 */
export function useRefetchOnLanguage(areas: Area[]): void {
  const { i18n } = useTranslation();
  const client = useQueryClient();
  const seen = useRef(i18n.language);
  useEffect(() => {
    if (seen.current === i18n.language) return;
    seen.current = i18n.language;
    for (const area of areas) void client.invalidateQueries({ queryKey: [area] });
  }, [i18n.language, client, areas]);
}
