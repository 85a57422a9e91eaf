import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/hooks.ts';
import { ScopeBar } from './ScopeBar.tsx';
import { useLeaveScope, useRefetchOnLanguage, type LeaveTab } from './useLeaveScope.ts';
import { RequestsTab } from './requests/RequestsTab.tsx';
import { BalancesTab } from './balances/BalancesTab.tsx';
import { TypesTab } from './types/TypesTab.tsx';
import { OvertimeTab } from './overtime/OvertimeTab.tsx';
import './leave.css';

/** 请假/加班: requests and their effect on coverage, overtime, balances and the kinds of leave. */
export function LeavePage() {
  const { t } = useTranslation();
  const [scope, setScope] = useLeaveScope();
  useRefetchOnLanguage(['leave', 'overtime']);
  const types = useApi('leave', 'types', {});
  const pending = useApi('leave', 'requests', { status: 'pending', groupId: scope.groupId });
  const pendingOvertime = useApi('overtime', 'list', { status: 'pending', groupId: scope.groupId });
  const count = (n: number | undefined) => (n ? <span className="tab-count">{n}</span> : null);
  const tabs: Array<{ key: LeaveTab; label: ReactNode }> = [
    {
      key: 'requests',
      label: (
        <>
          {t('leave.ui.tabs.requests')}
          {count(pending.data?.length)}
        </>
      ),
    },
    {
      key: 'overtime',
      label: (
        <>
          {t('leave.ui.tabs.overtime')}
          {count(pendingOvertime.data?.length)}
        </>
      ),
    },
    { key: 'balances', label: t('leave.ui.tabs.balances') },
    { key: 'types', label: t('leave.ui.tabs.types') },
  ];
  return (
    <div className="area-page" data-testid="leave-page">
      <ScopeBar
        title={t('leave.ui.title')}
        month={scope.month}
        groupId={scope.groupId}
        tab={scope.tab}
        tabs={tabs}
        onChange={setScope}
        testId="leave"
      />
      {scope.tab === 'requests' ? (
        <RequestsTab month={scope.month} groupId={scope.groupId} types={types.data ?? []} />
      ) : scope.tab === 'overtime' ? (
        <OvertimeTab month={scope.month} groupId={scope.groupId} />
      ) : scope.tab === 'balances' ? (
        <BalancesTab year={Number(scope.month.slice(0, 4))} groupId={scope.groupId} />
      ) : (
        <TypesTab types={types.data ?? []} />
      )}
    </div>
  );
}
