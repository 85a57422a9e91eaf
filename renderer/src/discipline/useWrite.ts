import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { call, type In, type Method, type Out } from '../api/client.ts';
import { showErrorsOnForm } from '../api/form-errors.ts';

/**
 * A discipline write from a dialog: the call, then every discipline query refreshed (and people's
 * after a promotion decision, which changes a role). Errors are thrown for the dialog to place on its fields.
 */
export function useWrite() {
  const client = useQueryClient();
  return async <M extends Method<'discipline'>>(method: M, input: In<'discipline', M>): Promise<Out<'discipline', M>> => {
    const value = await call('discipline', method, input);
    await Promise.all([
      client.invalidateQueries({ queryKey: ['discipline'] }),
      method === 'decidePromotion' ? client.invalidateQueries({ queryKey: ['people'] }) : undefined,
    ]);
    return value;
  };
}

/**
 * A dialog's submit: `busy` while `run`'s work is under way; an error goes under the form's fields
 * it names (through `fieldMap`), else to a message shown for `seconds`.
 */
export function useSubmit(form?: FormInstance, fieldMap?: Record<string, string>, seconds = 8) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      if (!form || !showErrorsOnForm(form, error, fieldMap)) void message.error((error as Error).message, seconds);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
