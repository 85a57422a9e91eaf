import { Alert, Button, Popconfirm, Space, Table, Typography, Upload, App } from 'antd';
import { SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Status } from '../../../main/system/contract.ts';
import { useApi, useApiMutation } from '../api/hooks.ts';
import { readPickedFile, saveFile } from '../files/files.ts';
import { formatBytes } from './format.ts';

/** Manual backup, the list of backups, and restore (which backs the current data up first). */
export function BackupTab({ status }: { status: Status }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const backups = useApi('backup', 'list', {});
  const everything = ['backup', 'people', 'settings', 'system', 'audit'] as const;
  const create = useApiMutation('backup', 'create', {
    invalidates: ['backup'],
    onSuccess: (b) => void message.success(t('settings.backupDone', { name: b.name })),
  });
  const restore = useApiMutation('backup', 'restore', {
    invalidates: [...everything],
    onSuccess: (r) => void message.success(t('settings.restored', { name: r.safetyBackup ?? '—' }), 6),
  });
  const download = useApiMutation('backup', 'download', { invalidates: [], onSuccess: saveFile });

  return (
    <>
      <Alert
        type="info"
        showIcon
        message={t('settings.backupIntro')}
        description={
          <>
            {t('common.labelSuffix', { label: t('settings.dataDir') })}
            <Typography.Text copyable>{status.dataDir}</Typography.Text>
          </>
        }
        style={{ marginBottom: 16, maxWidth: 900 }}
      />
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<SaveOutlined />} loading={create.isPending} onClick={() => create.mutate({})}>
          {t('settings.backupNow')}
        </Button>
        <Upload
          accept=".db,.sqlite,.sqlite3"
          showUploadList={false}
          beforeUpload={async (file) => {
            restore.mutate({ file: await readPickedFile(file) });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={restore.isPending}>
            {t('settings.restoreFromFile')}
          </Button>
        </Upload>
      </Space>
      <Table
        data-testid="backup-table"
        size="small"
        rowKey="name"
        loading={backups.isPending}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={backups.data ?? []}
        locale={{ emptyText: t('settings.noBackups') }}
        style={{ maxWidth: 900 }}
        columns={[
          {
            title: t('settings.backupAt'),
            dataIndex: 'createdAt',
            width: 170,
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
          },
          { title: t('settings.backupKind'), dataIndex: 'kind', width: 110, render: (k: string) => t(`settings.kinds.${k}`) },
          { title: t('settings.backupSize'), dataIndex: 'sizeBytes', width: 100, className: 'banzu-numeric', render: formatBytes },
          { title: t('settings.backupName'), dataIndex: 'name', ellipsis: true },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_v, b) => (
              <Space size={0}>
                <Popconfirm
                  title={t('settings.restoreConfirm', { name: b.name })}
                  onConfirm={() => restore.mutate({ name: b.name })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                >
                  <Button type="link" size="small">
                    {t('settings.restore')}
                  </Button>
                </Popconfirm>
                <Button type="link" size="small" onClick={() => download.mutate({ name: b.name })}>
                  {t('settings.download')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
