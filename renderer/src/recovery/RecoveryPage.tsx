import { Alert, Button, Card, Space, Table, Typography, Upload, Result, App } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Status } from '../../../main/system/contract.ts';
import { useApi, useApiMutation } from '../api/hooks.ts';
import { readPickedFile } from '../files/files.ts';
import { formatBytes } from '../settings/format.ts';
import { momentText } from '../shell/moment.ts';

/**
 * Shown when the data file fails its checks. The bad file is never changed or deleted: a restore
 * moves it aside under a new name and puts the chosen good file in its place.
 */
export function RecoveryPage({ status }: { status: Status }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const backups = useApi('backup', 'list', {});
  const restore = useApiMutation('backup', 'restore', {
    invalidates: ['system', 'backup', 'people', 'settings'],
    onSuccess: (r) => r.keptDamagedAs && void message.info(t('recovery.keptAs', { name: r.keptDamagedAs }), 8),
  });
  const newest = backups.data?.[0];
  const reason = status.failure ? t(`openFailure.${status.failure.reason}`) : '';

  return (
    <div style={{ maxWidth: 820, margin: '40px auto', padding: 16 }}>
      <Card>
        <Result
          status="warning"
          title={t('recovery.title')}
          subTitle={t('recovery.body')}
          extra={
            <Space direction="vertical" size="middle">
              {newest ? (
                <Button
                  type="primary"
                  size="large"
                  loading={restore.isPending}
                  onClick={() => restore.mutate({ name: newest.name })}
                  data-testid="restore-newest"
                >
                  {t('recovery.newest', { name: momentText(newest.createdAt) })}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('recovery.noBackups')}</Typography.Text>
              )}
              <Upload
                accept=".db,.sqlite,.sqlite3"
                showUploadList={false}
                beforeUpload={async (file) => {
                  restore.mutate({ file: await readPickedFile(file) });
                  return false;
                }}
              >
                <Button>{t('recovery.chooseFile')}</Button>
              </Upload>
            </Space>
          }
        />
        <Alert
          type="error"
          message={t('recovery.reason', { reason })}
          description={
            <>
              <div>{t('recovery.file', { file: status.file })}</div>
              {status.failure?.detail && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {status.failure.detail}
                </Typography.Text>
              )}
            </>
          }
          style={{ marginBottom: 16 }}
        />
        {(backups.data?.length ?? 0) > 1 && (
          <>
            <Typography.Title level={5}>{t('recovery.chooseBackup')}</Typography.Title>
            <Table
              size="small"
              rowKey="name"
              pagination={{ pageSize: 5, hideOnSinglePage: true }}
              dataSource={backups.data}
              columns={[
                { title: t('settings.backupAt'), dataIndex: 'createdAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
                { title: t('settings.backupKind'), dataIndex: 'kind', render: (k: string) => t(`settings.kinds.${k}`) },
                { title: t('settings.backupSize'), dataIndex: 'sizeBytes', className: 'banzu-numeric', render: formatBytes },
                {
                  key: 'restore',
                  render: (_v, b) => (
                    <Button size="small" onClick={() => restore.mutate({ name: b.name })}>
                      {t('settings.restore')}
                    </Button>
                  ),
                },
              ]}
            />
          </>
        )}
      </Card>
    </div>
  );
}
