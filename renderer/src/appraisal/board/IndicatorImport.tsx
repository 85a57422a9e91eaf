import { useTranslation } from 'react-i18next';
import type { IndicatorImportPreview } from '../../../../main/appraisal/contract.ts';
import { useApiMutation } from '../../api/hooks.ts';
import { ImportWizard } from '../../files/ImportWizard.tsx';

type Row = IndicatorImportPreview['rows'][number];

/**
 * APR-6: the chat platform's statistics for the cycle (CSV UTF-8/GBK or XLSX, keyed by employee
 * number, Chinese headers): mapping, preview with every row's problems, all or nothing.
 */
export function IndicatorImport({ cycleId, period, onClose }: { cycleId: number; period: string; onClose: () => void }) {
  const { t } = useTranslation();
  const preview = useApiMutation('appraisal', 'importPreview', { invalidates: [], silentErrors: true });
  const commit = useApiMutation('appraisal', 'importCommit', { invalidates: ['appraisal'], silentErrors: true });
  const label = (key: string, p: IndicatorImportPreview | null) => p?.fields.find((f) => f.key === key)?.label ?? '';
  return (
    <ImportWizard<string, Row, IndicatorImportPreview>
      title={t('appraisal.importUi.title', { period })}
      hint={t('appraisal.importUi.hint')}
      fields={(p) => (p?.fields ?? []).map((f) => ({ value: f.key, label: f.label }))}
      fieldLabel={label}
      preview={(file, mapping) => preview.mutateAsync({ cycleId, file, mapping })}
      commit={async (file, mapping) =>
        t('appraisal.importUi.done', { count: (await commit.mutateAsync({ cycleId, file, mapping })).updated })
      }
      columns={(p) => [
        { title: t('fields.employeeNo'), dataIndex: 'employeeNo', width: 90 },
        { title: t('fields.name'), dataIndex: 'name', width: 80 },
        {
          title: t('appraisal.importUi.values'),
          render: (_v, r: Row) =>
            Object.entries(r.values)
              .map(([k, v]) => `${label(k, p) || k} ${v}`)
              .join(t('common.sentenceSeparator')),
        },
      ]}
      commitLabel={(p) => t('appraisal.importUi.commit', { count: p.rowCount })}
      onClose={onClose}
    />
  );
}
