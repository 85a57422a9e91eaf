// antd's styles as one static stylesheet (zero-runtime mode below), first so that the app's own
// stylesheets, which follow it, win ties as they did over the styles antd generated at run time.
import 'antd/dist/antd.css';
import { useEffect } from 'react';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { HashRouter } from 'react-router';
import { useApi } from '../api/hooks.ts';
import { antdLocale, applyLanguage } from '../i18n/index.ts';
import { fontFamily } from './fonts.ts';
import { AppShell } from './AppShell.tsx';
import { RecoveryPage } from '../recovery/RecoveryPage.tsx';

/** Asks main for its state first: a data file that cannot be opened gets the recovery screen. */
export function Root() {
  const { t } = useTranslation();
  const status = useApi('system', 'status', {});
  const lang = status.data?.language ?? 'zh-CN';
  useEffect(() => applyLanguage(lang), [lang]);

  let content;
  if (status.isPending) content = <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  else if (status.error) content = <Result status="error" title={t('common.unknownError')} subTitle={status.error.message} />;
  else if (status.data.state === 'recovery') content = <RecoveryPage status={status.data} />;
  else
    content = (
      <HashRouter>
        <AppShell status={status.data} />
      </HashRouter>
    );

  return (
    // zeroRuntime: components no longer generate and inject their CSS on first mount (that cost each
    // screen's first frame more than its own rows); the theme's tokens still apply as CSS variables.
    <ConfigProvider
      locale={antdLocale(lang)}
      theme={{ zeroRuntime: true, token: { fontFamily, colorPrimary: '#1f6feb', borderRadius: 6 } }}
    >
      <AntApp style={{ height: '100%' }}>{content}</AntApp>
    </ConfigProvider>
  );
}
