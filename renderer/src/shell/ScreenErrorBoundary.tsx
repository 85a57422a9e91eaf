import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';

/**
 * A screen that fails to load or render shows what went wrong and a retry in its own place, and
 * the navigation stays usable; moving to another screen starts it afresh.
 */
export function ScreenErrorBoundary({ screen, children }: { screen: string; children: ReactNode }) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary onReset={reset} resetKeys={[screen]} FallbackComponent={ScreenFailed}>
          {children}
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}

function ScreenFailed({ error, resetErrorBoundary }: FallbackProps) {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('common.screenFailed')}
      subTitle={error instanceof Error ? error.message : String(error)}
      extra={
        <Button type="primary" onClick={resetErrorBoundary}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
