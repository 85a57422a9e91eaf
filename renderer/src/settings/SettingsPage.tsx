import { Card, Tabs, Descriptions, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Status } from '../../../main/system/contract.ts';
import { useApiMutation } from '../api/hooks.ts';
import { RulesTab } from './RulesTab.tsx';
import { BackupTab } from './BackupTab.tsx';

export function SettingsPage({ status }: { status: Status }) {
  const { t } = useTranslation();
  const setLanguage = useApiMutation('system', 'setLanguage', { invalidates: ['system', 'people', 'settings'] });
  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        items={[
          { key: 'rules', label: t('settings.tabRules'), children: <RulesTab /> },
          { key: 'backup', label: t('settings.tabBackup'), children: <BackupTab status={status} /> },
          {
            key: 'general',
            label: t('settings.tabGeneral'),
            children: (
              <Descriptions column={1} bordered size="small" style={{ maxWidth: 720 }}>
                <Descriptions.Item label={t('settings.language')}>
                  <Segmented
                    value={status.language}
                    options={[
                      { value: 'zh-CN', label: '中文' },
                      { value: 'en', label: 'English' },
                    ]}
                    onChange={(lang) => setLanguage.mutate({ lang: lang as Status['language'] })}
                  />
                </Descriptions.Item>
                <Descriptions.Item label={t('settings.dataDir')}>
                  <Typography.Text copyable>{status.dataDir}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('settings.about')}>
                  {t('app.fullName')} · {t('settings.version', { version: status.version })}
                </Descriptions.Item>
              </Descriptions>
            ),
          },
        ]}
      />
    </Card>
  );
}
