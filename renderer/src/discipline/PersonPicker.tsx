import { forwardRef, useMemo } from 'react';
import { Select, type RefSelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/hooks.ts';

/** A person by name or employee number (people who left at the end, marked). */
export const PersonPicker = forwardRef<
  RefSelectProps,
  {
    value: number | null;
    onChange: (id: number | null) => void;
    activeOnly?: boolean;
    width?: number;
    placeholder?: string;
    testId?: string;
    autoFocus?: boolean;
  }
>(function PersonPicker(props, ref) {
  const { t } = useTranslation();
  const people = useApi('people', 'list', {});
  const options = useMemo(
    () =>
      (people.data ?? [])
        .filter((p) => !props.activeOnly || p.status === 'active')
        .sort((a, b) => (a.status === b.status ? a.employeeNo.localeCompare(b.employeeNo) : a.status === 'active' ? -1 : 1))
        .map((p) => ({
          value: p.id,
          label: `${p.name} ${p.employeeNo}${p.groupName ? ` · ${p.groupName}` : ''}${p.status === 'left' ? ` · ${t('statuses.left')}` : ''}`,
        })),
    [people.data, props.activeOnly, t],
  );
  return (
    <Select
      ref={ref}
      showSearch
      allowClear
      autoFocus={props.autoFocus}
      optionFilterProp="label"
      style={{ width: props.width ?? 220 }}
      placeholder={props.placeholder ?? t('discipline.ui.pickPerson')}
      aria-label={props.placeholder ?? t('discipline.ui.pickPerson')}
      data-testid={props.testId}
      loading={people.isPending}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange(v ?? null)}
      options={options}
    />
  );
});
