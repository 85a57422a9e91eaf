import type { QueryClient } from '@tanstack/react-query';
import type { Out } from '../api/client.ts';
import { prefetchApi } from '../api/hooks.ts';
import { defaultRosterGroup, rosterScopeOf } from '../roster/useRosterScope.ts';
import type { AreaKey } from './areas.tsx';

/**
 * What a screen reads before it can show anything, requested the moment the address changes.
 * React renders a change of screen in slices after the menu and the old screen; the screen's own
 * request would leave only when its turn came, and it would then paint once empty and once again
 * with its rows.
 */
const screenReads: Partial<Record<AreaKey, (client: QueryClient, params: URLSearchParams) => void>> = {
  people: (client) => prefetchApi(client, 'people', 'list', {}),
  roster: (client, params) => {
    const scope = rosterScopeOf(params);
    if (scope.tab !== 'grid') return;
    const org = client.getQueryData<Out<'people', 'org'>>(['people', 'org', {}]);
    const groupId = scope.groupId !== undefined ? scope.groupId : org && defaultRosterGroup(org.groups);
    if (groupId === undefined) return;
    prefetchApi(client, 'roster', 'month', { month: scope.month, groupId });
    prefetchApi(client, 'roster', 'wishes', { month: scope.month });
  },
};

/** Starts the reads of the screen a hash route such as `#/roster?tab=grid` leads to. */
export function prefetchScreen(client: QueryClient, hash: string): void {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  screenReads[path.split('/')[0] as AreaKey]?.(client, new URLSearchParams(query));
}
