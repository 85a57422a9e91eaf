import type { QueryClient } from '@tanstack/react-query';
import { prefetchApi } from '../api/hooks.ts';
import type { AreaKey } from './areas.tsx';

/**
 * What a screen reads before it can show anything, requested the moment the address changes.
 * React renders a change of screen in slices after the menu and the old screen; the screen's own
 * request would leave only when its turn came, and it would then paint once empty and once again
 * with its rows.
 */
const screenReads: Partial<Record<AreaKey, (client: QueryClient) => void>> = {
  people: (client) => prefetchApi(client, 'people', 'list', {}),
};

/** The area of a hash route such as `#/people?x=1`. */
export function screenOfHash(hash: string): string {
  return hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
}

export function prefetchScreen(client: QueryClient, screen: string): void {
  screenReads[screen as AreaKey]?.(client);
}
