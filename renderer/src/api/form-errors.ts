import type { FormInstance } from 'antd';
import { ApiError } from './client.ts';

/**
 * Puts each error detail under the form field it names; returns true when every detail found a
 * field (so a toast is not needed), false when the user must be told another way.
 */
export function showErrorsOnForm(form: FormInstance, error: unknown, fieldMap: Record<string, string> = {}): boolean {
  if (!(error instanceof ApiError) || error.details.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const byField = new Map<string, string[]>();
  let unplaced = false;
  for (const detail of error.details) {
    const field = fieldMap[detail.path] ?? detail.path.split('.')[0]!;
    if (!known.has(field)) {
      unplaced = true;
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), detail.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return !unplaced;
}
