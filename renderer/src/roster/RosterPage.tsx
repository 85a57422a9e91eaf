import { Select, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useApi, usePrefetchApi } from '../api/hooks.ts';
import { LazyMonthPicker } from '../shell/LazyMonthPicker.tsx';
import '../shell/light-button.css';
import { StaffingPanel } from './planning/StaffingPanel.tsx';
import { defaultRosterGroup, useRosterScope, type RosterTab } from './useRosterScope.ts';
import { GridTab } from './grid/GridTab.tsx';
import { ShiftsTab } from './shifts/ShiftsTab.tsx';
import { CalendarTab } from './calendar/CalendarTab.tsx';
import { SwapsTab } from './swaps/SwapsTab.tsx';
import { ChangeLogTab } from './changelog/ChangeLogTab.tsx';
import './roster.css';
import { TabBar } from '../shell/TabBar.tsx';

function shiftMonth(month: string, by: number): string {
  return dayjs(`${month}-01`).add(by, 'month').format('YYYY-MM');
}

/** 排班: the month and scope pickers above the tabs; every tab works on the chosen month and scope. */
export function RosterPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useRosterScope();
  const org = useApi('people', 'org', {});
  const groups = (org.data?.groups ?? []).filter((g) => !g.archivedOn);

  const groupId = scope.groupId !== undefined ? scope.groupId : defaultRosterGroup(groups);
  const tabs: Array<{ key: RosterTab; label: string }> = [
    { key: 'grid', label: t('roster.page.tabGrid') },
    { key: 'shifts', label: t('roster.page.tabShifts') },
    { key: 'calendar', label: t('roster.page.tabCalendar') },
    { key: 'staffing', label: t('roster.staffing.tab') },
    { key: 'swaps', label: t('roster.page.tabSwaps') },
    { key: 'changes', label: t('roster.page.tabChanges') },
  ];
  const ready = scope.groupId !== undefined || org.data !== undefined;
  // The grid's month starts loading while the page itself renders, so the data travels while the
  // header and toolbar are built instead of after them; its wishes too: asked for only when the
  // grid mounts, they arrived after its first frame and drew every row again.
  const gridShown = ready && scope.tab === 'grid';
  usePrefetchApi('roster', 'month', { month: scope.month, groupId }, { enabled: gridShown });
  usePrefetchApi('roster', 'wishes', { month: scope.month }, { enabled: gridShown });

  return (
    <div className="roster-page" data-testid="roster-page">
      <div className="roster-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('roster.page.title')}
        </Typography.Title>
        {/* Plain buttons and a picker that mounts antd's DatePicker only when opened: their antd
            versions generated styles on the grid's first render. */}
        <Space size={4}>
          <button
            type="button"
            className="lb lb-icon"
            aria-label={t('roster.page.previousMonth')}
            onClick={() => setScope({ month: shiftMonth(scope.month, -1) })}
          >
            <LeftOutlined />
          </button>
          <LazyMonthPicker
            month={scope.month}
            onChange={(month) => setScope({ month })}
            format={t('roster.page.monthFormat')}
            label={t('roster.page.month')}
            testId="roster-month"
          />
          <button
            type="button"
            className="lb lb-icon"
            aria-label={t('roster.page.nextMonth')}
            onClick={() => setScope({ month: shiftMonth(scope.month, 1) })}
          >
            <RightOutlined />
          </button>
        </Space>
        <Select<number | 'all'>
          size="small"
          aria-label={t('roster.page.scope')}
          data-testid="roster-scope"
          style={{ minWidth: 140 }}
          value={ready ? (groupId ?? 'all') : undefined}
          loading={org.isPending}
          onChange={(v) => setScope({ groupId: v === 'all' ? null : v })}
          options={[
            ...groups.map((g) => ({ value: g.id as number | 'all', label: g.name })),
            { value: 'all', label: t('roster.page.wholeDepartment') },
          ]}
        />
        <TabBar tabs={tabs} active={scope.tab} onChange={(tab) => setScope({ tab })} />
      </div>
      <div className="roster-page-body">
        {!ready ? null : scope.tab === 'grid' ? (
          <GridTab month={scope.month} groupId={groupId} onTab={(tab) => setScope({ tab })} />
        ) : scope.tab === 'shifts' ? (
          <ShiftsTab groupId={groupId} />
        ) : scope.tab === 'calendar' ? (
          <CalendarTab initialYear={Number(scope.month.slice(0, 4))} />
        ) : scope.tab === 'staffing' ? (
          <StaffingPanel month={scope.month} groupId={groupId} />
        ) : scope.tab === 'swaps' ? (
          <SwapsTab month={scope.month} groupId={groupId} />
        ) : (
          <ChangeLogTab month={scope.month} groupId={groupId} />
        )}
      </div>
    </div>
  );
}
