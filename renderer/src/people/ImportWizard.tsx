import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { importFields } from '../../../main/people/vocabulary.ts';
import { useApiMutation } from '../api/hooks.ts';
import { ImportWizard as FileImportWizard } from '../files/ImportWizard.tsx';

/**
 * Import people from CSV (UTF-8 or GBK) or XLSX: choose a file, check the column mapping, read
 * the preview with every row's problems, then import all rows or none.
 */
export function ImportWizard({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const check = useApiMutation('people', 'importPreview', { invalidates: [], silentErrors: true });
  const commit = useApiMutation('people', 'importCommit', { invalidates: ['people', 'system'], silentErrors: true });
  return (
    <FileImportWizard
      title={t('import.title')}
      hint={t('import.fileHint')}
      fields={() => importFields.map((f) => ({ value: f, label: t(`fields.${f}`) }))}
      fieldLabel={(path) => (t(`fields.${path}`) === `fields.${path}` ? '' : t(`fields.${path}`))}
      preview={(file, mapping) => check.mutateAsync({ file, mapping })}
      commit={async (file, mapping) => t('import.done', { count: (await commit.mutateAsync({ file, mapping })).created })}
      columns={() => [
        { title: t('fields.employeeNo'), dataIndex: 'employeeNo', width: 100 },
        { title: t('fields.name'), dataIndex: 'name', width: 90 },
        { title: t('fields.group'), dataIndex: 'group', width: 80 },
        { title: t('fields.role'), dataIndex: 'role', width: 70 },
      ]}
      notices={(preview) =>
        preview.newGroups.length > 0 && (
          <Alert
            type="info"
            showIcon
            message={t('import.newGroups', { names: preview.newGroups.join(t('common.listSeparator')) })}
            style={{ marginBottom: 8 }}
          />
        )
      }
      commitLabel={(preview) => t('import.commit', { count: preview.rowCount })}
      onClose={onClose}
    />
  );
}
