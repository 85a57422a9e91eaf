import { useMutation, useQuery, useQueryClient, useSuspenseQuery, type QueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { App } from 'antd';
import type { ApiError } from './client.ts';
import { call, type Area, type Method, type In, type Out } from './client.ts';

/** Reads a channel through TanStack Query; the key is the channel and its input. */
export function useApi<A extends Area, M extends Method<A>>(
  area: A,
  method: M,
  input: In<A, M>,
  options: Partial<UseQueryOptions<Out<A, M>, ApiError>> = {},
) {
  return useQuery<Out<A, M>, ApiError>({
    queryKey: [area, method, input],
    queryFn: () => call(area, method, input),
    ...options,
  });
}

/** useApi for a screen that has nothing to show without the data: it suspends until it is there. */
export function useSuspenseApi<A extends Area, M extends Method<A>>(area: A, method: M, input: In<A, M>) {
  return useSuspenseQuery<Out<A, M>, ApiError>({ queryKey: [area, method, input], queryFn: () => call(area, method, input) });
}

/**
 * Starts reading a channel while the screen is first rendered, when nothing is cached for it yet:
 * useApi's own request would leave only after the first commit, and the screen would then sit
 * idle waiting for data it could have had while it rendered. Call it before useApi. As TanStack's
 * usePrefetchQuery does, plus `enabled` (a hook cannot be called conditionally).
 */
export function usePrefetchApi<A extends Area, M extends Method<A>>(
  area: A,
  method: M,
  input: In<A, M>,
  { enabled = true }: { enabled?: boolean } = {},
): void {
  const client = useQueryClient();
  if (enabled) prefetchApi(client, area, method, input);
}

/** Starts reading a channel into the cache unless something is cached or on its way for it. */
export function prefetchApi<A extends Area, M extends Method<A>>(client: QueryClient, area: A, method: M, input: In<A, M>): void {
  const queryKey = [area, method, input];
  if (!client.getQueryState(queryKey)) {
    client.query<Out<A, M>, ApiError>({ queryKey, queryFn: () => call(area, method, input) }).catch(() => undefined);
  }
}

/**
 * Writes through a channel; on success every query of the listed areas is refreshed (writes in
 * one area often change what another shows, e.g. a new person changes the org tree).
 */
export function useApiMutation<A extends Area, M extends Method<A>>(
  area: A,
  method: M,
  options: { invalidates?: Area[]; onSuccess?: (value: Out<A, M>) => void; silentErrors?: boolean } = {},
) {
  const client = useQueryClient();
  const { message } = App.useApp();
  return useMutation<Out<A, M>, ApiError, In<A, M>>({
    mutationFn: (input) => call(area, method, input),
    onSuccess: async (value) => {
      await Promise.all((options.invalidates ?? [area]).map((a) => client.invalidateQueries({ queryKey: [a] })));
      options.onSuccess?.(value);
    },
    onError: (error) => {
      if (!options.silentErrors) void message.error(error.message, 6);
    },
  });
}
