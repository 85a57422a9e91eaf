import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PunchImportPreview } from '../../../main/attendance/contract.ts';
import { punchImportFields, type PunchImportField } from '../../../main/attendance/vocabulary.ts';
import { useApiMutation } from '../api/hooks.ts';
import { ImportWizard } from '../files/ImportWizard.tsx';

type Row = PunchImportPreview['rows'][number];

/**
 * ATT-1: the month's clock file as the time clock or attendance app exports it (CSV in UTF-8 or
 * GBK, or XLSX; Chinese headers): mapping (remembered per kind of file), preview, all or nothing.
 */
export function PunchImport({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const preview = useApiMutation('attendance', 'importPreview', { invalidates: [], silentErrors: true });
  const commit = useApiMutation('attendance', 'importCommit', { invalidates: ['attendance'], silentErrors: true });
  const label = (field: string) => ((punchImportFields as readonly string[]).includes(field) ? t(`attendance.import.fields.${field}`) : '');
  return (
    <ImportWizard<PunchImportField, Row, PunchImportPreview>
      title={t('attendance.ui.importTitle')}
      hint={t('attendance.ui.importHint')}
      fields={() => punchImportFields.map((f) => ({ value: f, label: t(`attendance.import.fields.${f}`) }))}
      fieldLabel={label}
      preview={(file, mapping) => preview.mutateAsync({ file, mapping })}
      commit={async (file, mapping) => {
        const done = await commit.mutateAsync({ file, mapping });
        return t('attendance.ui.importDone', { created: done.created, duplicates: done.duplicates, unknown: done.unknown });
      }}
      columns={() => [
        { title: t('fields.employeeNo'), dataIndex: 'employeeNo', width: 90 },
        { title: t('fields.name'), dataIndex: 'name', width: 80 },
        { title: t('attendance.ui.punchTime'), dataIndex: 'at', width: 170 },
      ]}
      notices={(p) => (
        <div data-testid="punch-import-notices">
          {p.remembered && <Alert type="info" showIcon message={t('attendance.ui.mappingRemembered')} style={{ marginBottom: 8 }} />}
          {p.mappingProblems.length === 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 8 }}
              message={t('attendance.ui.importSummary', {
                created: p.newPunches,
                people: p.people,
                from: p.from ?? '—',
                to: p.to ?? '—',
                duplicates: p.duplicates,
              })}
            />
          )}
          {p.unknown.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              message={t('attendance.ui.unknownNumbers', { count: p.unknown.reduce((s, u) => s + u.rows, 0) })}
              description={p.unknown
                .slice(0, 20)
                .map((u) =>
                  t('attendance.ui.unknownLine', { employeeNo: u.employeeNo, name: u.name || '—', rows: u.rows, row: u.firstRow }),
                )
                .join(t('common.sentenceSeparator'))}
            />
          )}
        </div>
      )}
      commitLabel={(p) => t('attendance.ui.importCommit', { count: p.newPunches })}
      onClose={onClose}
    />
  );
}
