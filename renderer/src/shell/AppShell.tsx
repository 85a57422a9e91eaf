import { memo, Suspense, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Layout, Select, Spin, Space, Typography, Segmented, Tooltip } from 'antd';
import { UserSwitchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { Status } from '../../../main/system/contract.ts';
import { useApi, useApiMutation } from '../api/hooks.ts';
import { areas } from './areas.tsx';
import { AreaNav } from './AreaNav.tsx';
import { NotBuilt } from './NotBuilt.tsx';
import { ScreenErrorBoundary } from './ScreenErrorBoundary.tsx';
import { prefetchScreen } from './screenReads.ts';
import { PeoplePage } from '../people/PeoplePage.tsx';
import { SettingsPage } from '../settings/SettingsPage.tsx';
import { RosterPage } from '../roster/RosterPage.tsx';
import { RosterPrintRoute } from '../roster/planning/RosterPrintView.tsx';
import { AppraisalPage } from '../appraisal/AppraisalPage.tsx';
import { LeavePage } from '../leave/LeavePage.tsx';
import { AttendancePage } from '../attendance/AttendancePage.tsx';
import { ScorePage } from '../appraisal/form/ScorePage.tsx';
import { AppraisalFormPrintRoute } from '../appraisal/print/AppraisalFormPrint.tsx';
import { DisciplinePage } from '../discipline/DisciplinePage.tsx';
import { SanctionNoticePrintRoute } from '../discipline/print/SanctionNoticePrint.tsx';
import { RewardFormPrintRoute } from '../discipline/print/RewardFormPrint.tsx';

const { Sider, Header, Content } = Layout;

export function AppShell({ status }: { status: Status }) {
  const { t } = useTranslation();
  const location = useLocation();
  const org = useApi('people', 'org', {});
  const current = location.pathname.split('/')[1] || 'people';
  const departmentName = org.data?.department.name || t('people.departmentUnnamed');
  const client = useQueryClient();
  // A link in the side navigation, a typed address or Back: the router hears it too, but renders later.
  useEffect(() => {
    const onHashChange = () => prefetchScreen(client, window.location.hash);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [client]);

  return (
    <Layout style={{ height: '100%' }}>
      <Sider width={188} theme="light" style={{ borderRight: '1px solid #eef0f3' }}>
        <div style={{ padding: '18px 20px 12px' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {departmentName}
          </Typography.Text>
        </div>
        <AreaNav current={current} />
      </Sider>
      <Layout>
        <TopBar status={status} />
        <Content style={{ overflow: 'auto', padding: 20 }}>
          <ScreenErrorBoundary screen={current}>
            <Suspense fallback={<Spin style={{ display: 'block', marginTop: '20vh' }} />}>
              <Routes>
                <Route path="/" element={<Navigate to="/roster" replace />} />
                <Route path="/roster" element={<RosterPage />} />
                <Route path="/print/roster" element={<RosterPrintRoute />} />
                <Route path="/appraisal" element={<AppraisalPage />} />
                <Route path="/appraisal/score/:id" element={<ScorePage />} />
                <Route path="/print/appraisal-form" element={<AppraisalFormPrintRoute />} />
                <Route path="/leave" element={<LeavePage />} />
                <Route path="/attendance" element={<AttendancePage />} />
                <Route path="/people" element={<PeoplePage />} />
                <Route path="/settings" element={<SettingsPage status={status} />} />
                <Route path="/discipline" element={<DisciplinePage />} />
                <Route path="/print/sanction-notice" element={<SanctionNoticePrintRoute />} />
                <Route path="/print/reward-form" element={<RewardFormPrintRoute />} />
                {areas
                  .filter((a) => !a.built)
                  .map((a) => (
                    <Route key={a.key} path={`/${a.key}`} element={<NotBuilt area={a.key} />} />
                  ))}
                <Route path="*" element={<Navigate to="/people" replace />} />
              </Routes>
            </Suspense>
          </ScreenErrorBoundary>
        </Content>
      </Layout>
    </Layout>
  );
}

/**
 * Profile and language pickers. Memoised: they need not render again on every change of screen,
 * whose first frame pays for whatever renders with it.
 */
const TopBar = memo(function TopBar({ status }: { status: Status }) {
  const { t } = useTranslation();
  const profiles = useApi('system', 'profiles', {});
  const switchProfile = useApiMutation('system', 'switchProfile', { invalidates: ['system'] });
  const setLanguage = useApiMutation('system', 'setLanguage', { invalidates: ['system', 'people', 'settings'] });
  return (
    <Header
      style={{
        background: '#fff',
        padding: '0 20px',
        height: 52,
        lineHeight: '52px',
        borderBottom: '1px solid #eef0f3',
        display: 'flex',
        justifyContent: 'flex-end',
      }}
    >
      <Space size="middle">
        <Tooltip title={t('profile.hint')}>
          <Space size={6}>
            <UserSwitchOutlined />
            <Select
              aria-label={t('common.profile')}
              size="small"
              style={{ minWidth: 170 }}
              value={status.profile.id}
              options={(profiles.data ?? [status.profile]).map((p) => ({ value: p.id, label: p.name }))}
              onChange={(id) => switchProfile.mutate({ id })}
            />
          </Space>
        </Tooltip>
        <Segmented
          size="small"
          aria-label={t('common.language')}
          value={status.language}
          options={[
            { value: 'zh-CN', label: '中文' },
            { value: 'en', label: 'English' },
          ]}
          onChange={(lang) => setLanguage.mutate({ lang: lang as Status['language'] })}
        />
      </Space>
    </Header>
  );
});
