import { useState, type ReactNode } from 'react';
import { Alert, Button, Empty, Popconfirm, Result, Space, Spin, Tag, Tooltip } from 'antd';
import { DownloadOutlined, LockOutlined, UnlockOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Sheet } from '../../../main/attendance/contract.ts';
import { markKeys } from '../../../main/attendance/vocabulary.ts';
import { useApi, useApiMutation } from '../api/hooks.ts';
import { saveFile } from '../files/files.ts';
import { ScopeBar } from '../leave/ScopeBar.tsx';
import { usePageScope, useRefetchOnLanguage } from '../leave/useLeaveScope.ts';
import { ReasonDialog } from '../leave/requests/RequestsTab.tsx';
import { SheetGrid } from './sheet/SheetGrid.tsx';
import { DayDrawer } from './day/DayDrawer.tsx';
import { AnomaliesTab } from './anomalies/AnomaliesTab.tsx';
import { PunchesTab } from './punches/PunchesTab.tsx';
import { FlagsTab } from './flags/FlagsTab.tsx';
import { PunchImport } from './PunchImport.tsx';
import '../leave/leave.css';
import './attendance.css';

const tabs = ['sheet', 'anomalies', 'punches', 'flags'] as const;
type Tab = (typeof tabs)[number];

function Legend({ sheet }: { sheet: Sheet }) {
  const { t } = useTranslation();
  const shown = markKeys.filter((m) => !['leave', 'unpublished', 'none'].includes(m));
  return (
    <div className="att-legend" data-testid="attendance-legend">
      {shown.map((m) => (
        <span key={m}>
          <span className={`att-cell m-${m}`}>{t(`attendance.symbols.${m}`)}</span>
          {t(`attendance.ui.markNames.${m}`)}
        </span>
      ))}
      {sheet.leaveTypes.map((l) => (
        <span key={l.code}>
          <span className="att-cell m-leave">{l.symbol}</span>
          {l.label}
        </span>
      ))}
    </div>
  );
}

/** The sheet tab: what needs doing first, then people × days, then the legend. */
function SheetTab({
  sheet,
  onCell,
  onTab,
  onImport,
}: {
  sheet: Sheet;
  onCell: (personId: number, date: string) => void;
  onTab: (tab: Tab) => void;
  onImport: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (sheet.people.length === 0) {
    return (
      <div className="area-panel">
        <Result
          status="info"
          title={t('attendance.ui.emptyTitle')}
          subTitle={t('attendance.ui.emptyBody')}
          extra={[
            <Button key="roster" type="primary" onClick={() => navigate('/roster')}>
              {t('attendance.ui.toRoster')}
            </Button>,
            <Button key="people" onClick={() => navigate('/people')}>
              {t('attendance.ui.toPeople')}
            </Button>,
          ]}
        />
      </div>
    );
  }
  const noData = sheet.people.some((p) => p.cells.some((c) => c.includes('nodata')));
  return (
    <div className="area-panel" style={{ display: 'flex', flexDirection: 'column' }} data-testid="sheet-tab">
      <div className="att-summary">
        {sheet.unpublished.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('attendance.ui.unpublished', { groups: sheet.unpublished.join(t('common.listSeparator')) })}
            action={
              <Button size="small" onClick={() => navigate(`/roster?month=${sheet.month}`)}>
                {t('attendance.ui.toRoster')}
              </Button>
            }
          />
        )}
        {noData && sheet.status === 'open' && (
          <Alert
            type="info"
            showIcon
            message={t('attendance.ui.noPunchesYet')}
            action={
              <Button size="small" type="primary" onClick={onImport}>
                {t('attendance.ui.import')}
              </Button>
            }
          />
        )}
        {sheet.anomalies.length > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="anomaly-banner"
            message={t('attendance.ui.anomalyBanner', { count: sheet.anomalies.length })}
            action={
              <Button size="small" onClick={() => onTab('anomalies')}>
                {t('attendance.ui.resolveNow')}
              </Button>
            }
          />
        )}
        {sheet.flags.length > 0 && (
          <Alert
            type="error"
            showIcon
            message={t('attendance.ui.flagBanner', {
              count: sheet.flags.length,
              names: [...new Set(sheet.flags.map((f) => f.name))].join(t('common.listSeparator')),
            })}
            action={
              <Button size="small" onClick={() => onTab('flags')}>
                {t('attendance.ui.seeFlags')}
              </Button>
            }
          />
        )}
      </div>
      <SheetGrid sheet={sheet} onCell={onCell} />
      <Legend sheet={sheet} />
    </div>
  );
}

/** 考勤: the month's sheet judged against the published roster, its anomalies, punches and HR flags. */
export function AttendancePage() {
  const { t } = useTranslation();
  useRefetchOnLanguage(['attendance', 'leave']);
  const [scope, setScope] = usePageScope(tabs);
  const sheet = useApi('attendance', 'sheet', { month: scope.month, groupId: scope.groupId });
  const org = useApi('people', 'org', {});
  const exportXlsx = useApiMutation('attendance', 'exportXlsx', { invalidates: [], onSuccess: saveFile });
  const close = useApiMutation('attendance', 'closeMonth', { invalidates: ['attendance', 'discipline'] });
  const reopen = useApiMutation('attendance', 'reopenMonth', { invalidates: ['attendance', 'discipline'] });
  const [day, setDay] = useState<{ personId: number; date: string } | null>(null);
  const [importing, setImporting] = useState(false);
  const [reopening, setReopening] = useState(false);
  const data = sheet.data;
  const closed = data?.status === 'closed';
  const groupName = scope.groupId === null ? null : (org.data?.groups.find((g) => g.id === scope.groupId)?.name ?? null);
  const count = (n: number | undefined) => (n ? <span className="tab-count">{n}</span> : null);
  const tabItems: Array<{ key: Tab; label: ReactNode }> = [
    { key: 'sheet', label: t('attendance.ui.tabs.sheet') },
    {
      key: 'anomalies',
      label: (
        <>
          {t('attendance.ui.tabs.anomalies')}
          {count(data?.anomalies.length)}
        </>
      ),
    },
    { key: 'punches', label: t('attendance.ui.tabs.punches') },
    { key: 'flags', label: t('attendance.ui.tabs.flags') },
  ];
  const blockers = (data?.closeBlockers ?? []).filter((b) => !closed || !b.includes(scope.month));
  const extra = (
    <Space size={6}>
      {data && (
        <Tag color={closed ? 'green' : 'default'} icon={closed ? <LockOutlined /> : undefined} data-testid="month-status">
          {closed ? t('attendance.ui.closed', { by: data.closedBy ?? '' }) : t('attendance.ui.open')}
        </Tag>
      )}
      {!closed && (
        <Button size="small" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="attendance-import">
          {t('attendance.ui.import')}
        </Button>
      )}
      <Button
        size="small"
        icon={<DownloadOutlined />}
        loading={exportXlsx.isPending}
        disabled={!data?.people.length}
        onClick={() => exportXlsx.mutate({ month: scope.month, groupId: scope.groupId })}
        data-testid="attendance-export"
      >
        {t('attendance.ui.export')}
      </Button>
      {closed ? (
        <Button size="small" icon={<UnlockOutlined />} onClick={() => setReopening(true)}>
          {t('attendance.ui.reopen')}
        </Button>
      ) : (
        <Tooltip title={blockers.length > 0 ? blockers.join(t('common.sentenceSeparator')) : t('attendance.ui.closeHint')}>
          <Popconfirm
            title={t('attendance.ui.closeConfirm', { month: scope.month })}
            description={t('attendance.ui.closeConfirmBody')}
            disabled={blockers.length > 0}
            onConfirm={() => close.mutateAsync({ month: scope.month })}
          >
            <Button
              size="small"
              type="primary"
              icon={<LockOutlined />}
              disabled={!data?.people.length || blockers.length > 0}
              data-testid="attendance-close"
            >
              {t('attendance.ui.close')}
            </Button>
          </Popconfirm>
        </Tooltip>
      )}
    </Space>
  );
  return (
    <div className="area-page" data-testid="attendance-page">
      <ScopeBar
        title={t('attendance.ui.title')}
        month={scope.month}
        groupId={scope.groupId}
        tab={scope.tab}
        tabs={tabItems}
        onChange={setScope}
        extra={extra}
        testId="attendance"
      />
      {sheet.isPending ? (
        <div className="area-panel">
          <Spin />
        </div>
      ) : sheet.error || !data ? (
        <div className="area-panel">
          <Empty description={sheet.error?.message} />
        </div>
      ) : scope.tab === 'sheet' ? (
        <SheetTab
          sheet={data}
          onCell={(personId, date) => setDay({ personId, date })}
          onTab={(tab) => setScope({ tab })}
          onImport={() => setImporting(true)}
        />
      ) : scope.tab === 'anomalies' ? (
        <AnomaliesTab sheet={data} />
      ) : scope.tab === 'punches' ? (
        <PunchesTab month={scope.month} groupId={scope.groupId} closed={closed} onImport={() => setImporting(true)} />
      ) : (
        <FlagsTab year={Number(scope.month.slice(0, 4))} groupName={groupName} />
      )}
      {day && <DayDrawer personId={day.personId} date={day.date} closed={closed} onClose={() => setDay(null)} />}
      {importing && <PunchImport onClose={() => setImporting(false)} />}
      {reopening && (
        <ReasonDialog
          title={t('attendance.ui.reopenTitle', { month: scope.month })}
          onOk={(reason) => reopen.mutateAsync({ month: scope.month, reason })}
          onClose={() => setReopening(false)}
        />
      )}
    </div>
  );
}
