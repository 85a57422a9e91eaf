import { useQueryClient } from '@tanstack/react-query';
import { call, type In, type Method, type Out } from '../api/client.ts';

/**
 * A discipline write from a dialog: the call, then every discipline query (and people's, which a
 * promotion changes) refreshed. Errors are thrown for the dialog to place on its fields.
 */
export function useWrite() {
  const client = useQueryClient();
  return async <M extends Method<'discipline'>>(method: M, input: In<'discipline', M>): Promise<Out<'discipline', M>> => {
    const value = await call('discipline', method, input);
    await Promise.all([client.invalidateQueries({ queryKey: ['discipline'] }), client.invalidateQueries({ queryKey: ['people'] })]);
    return value;
  };
}
