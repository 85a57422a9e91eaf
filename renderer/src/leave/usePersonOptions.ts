import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/hooks.ts';

/**
 * The active people in groups (of one group, when given), as choices "name（no · group）" for a
 * person select; loading while the list is fetched.
 */
export function usePersonOptions(groupId: number | null): { options: Array<{ value: number; label: string }>; loading: boolean } {
  const { t } = useTranslation();
  const people = useApi('people', 'list', { status: 'active' });
  const options = useMemo(
    () =>
      (people.data ?? [])
        .filter((p) => p.groupId !== null && (groupId === null || p.groupId === groupId))
        .map((p) => ({ value: p.id, label: t('common.withNote', { text: p.name, note: p.groupName ? `${p.employeeNo} · ${p.groupName}` : p.employeeNo }) })),
    [people.data, groupId, t],
  );
  return { options, loading: people.isPending };
}
