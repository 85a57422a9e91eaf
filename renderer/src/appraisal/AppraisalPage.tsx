import { useState } from 'react';
import { Button, DatePicker, Select, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import quarterOfYear from 'dayjs/plugin/quarterOfYear';
import { shiftPeriod } from '../../../main/appraisal/rules/period.ts';
import { useApi } from '../api/hooks.ts';
import { call } from '../api/client.ts';
import { useAppraisalScope, type AppraisalTab } from './useAppraisalScope.ts';
import { BoardTab } from './board/BoardTab.tsx';
import { ChartsTab } from './charts/ChartsTab.tsx';
import { CalibrationTab } from './calibration/CalibrationTab.tsx';
import { HistoryTab } from './history/HistoryTab.tsx';
import { AnnualTab } from './annual/AnnualTab.tsx';
import { TrainingTab } from './training/TrainingTab.tsx';
import { PlansTab } from './plans/PlansTab.tsx';
import { TemplateTab } from './template/TemplateTab.tsx';
import './appraisal.css';

dayjs.extend(quarterOfYear);

/** The period picker: months, or quarters when the cycle setting says so (APR-4). */
function PeriodPicker({ period, onChange }: { period: string; onChange: (period: string) => void }) {
  const { t } = useTranslation();
  const quarterly = period.includes('Q');
  const value = quarterly ? dayjs(`${period.slice(0, 4)}-01-01`).quarter(Number(period.slice(6))) : dayjs(`${period}-01`);
  return (
    <Space size={4}>
      <Button
        size="small"
        type="text"
        icon={<LeftOutlined />}
        aria-label={t('appraisal.page.previous')}
        onClick={() => onChange(shiftPeriod(period, -1))}
      />
      <DatePicker
        picker={quarterly ? 'quarter' : 'month'}
        allowClear={false}
        size="small"
        aria-label={t('appraisal.page.period')}
        data-testid="appraisal-period"
        value={value}
        format={quarterly ? t('appraisal.page.quarterFormat') : t('appraisal.page.monthFormat')}
        onChange={(v) => v && onChange(quarterly ? `${v.year()}-Q${v.quarter()}` : v.format('YYYY-MM'))}
        style={{ width: 120 }}
      />
      <Button
        size="small"
        type="text"
        icon={<RightOutlined />}
        aria-label={t('appraisal.page.next')}
        onClick={() => onChange(shiftPeriod(period, 1))}
      />
    </Space>
  );
}

/** 绩效: the period and scope above the tabs; each tab works on them. */
export function AppraisalPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useAppraisalScope();
  const queryClient = useQueryClient();
  // The board is what this page opens on: ask for it while the page is first rendered, not after
  // the header's pickers have mounted (the query below then finds it on its way or in the cache).
  useState(() => {
    if (scope.tab === 'board' && scope.groupId !== undefined) {
      const input = { period: scope.period, groupId: scope.groupId };
      void queryClient.prefetchQuery({ queryKey: ['appraisal', 'board', input], queryFn: () => call('appraisal', 'board', input) });
    }
    return null;
  });
  const org = useApi('people', 'org', {});
  const groups = (org.data?.groups ?? []).filter((g) => !g.archivedOn);
  // A group leader lives in one group: without a choice, the first group (or the department).
  const groupId = scope.groupId !== undefined ? scope.groupId : (groups[0]?.id ?? null);
  const ready = scope.groupId !== undefined || org.data !== undefined;
  const tabs: AppraisalTab[] = ['board', 'charts', 'calibration', 'history', 'annual', 'training', 'plans', 'template'];
  const usesPeriod = ['board', 'charts', 'calibration'].includes(scope.tab);
  const usesGroup = ['board', 'charts', 'calibration', 'annual'].includes(scope.tab);

  return (
    <div className="apr-page" data-testid="appraisal-page">
      <div className="apr-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('appraisal.page.title')}
        </Typography.Title>
        {usesPeriod && <PeriodPicker period={scope.period} onChange={(period) => setScope({ period })} />}
        {usesGroup && (
          <Select<number | 'all'>
            size="small"
            aria-label={t('appraisal.page.scope')}
            data-testid="appraisal-scope"
            style={{ minWidth: 140 }}
            value={ready ? (groupId ?? 'all') : undefined}
            loading={org.isPending}
            onChange={(v) => setScope({ groupId: v === 'all' ? null : v })}
            options={[
              ...groups.map((g) => ({ value: g.id as number | 'all', label: g.name })),
              { value: 'all', label: t('appraisal.page.wholeDepartment') },
            ]}
          />
        )}
        <div role="tablist" className="apr-tabbar">
          {tabs.map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              aria-selected={scope.tab === tab}
              className={scope.tab === tab ? 'active' : undefined}
              onClick={() => setScope({ tab })}
            >
              {t(`appraisal.page.tabs.${tab}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="apr-page-body">
        {!ready ? null : scope.tab === 'board' ? (
          <BoardTab period={scope.period} groupId={groupId} onPeriod={(period) => setScope({ period })} />
        ) : scope.tab === 'charts' ? (
          <ChartsTab period={scope.period} groupId={groupId} />
        ) : scope.tab === 'calibration' ? (
          <CalibrationTab period={scope.period} groupId={groupId} />
        ) : scope.tab === 'history' ? (
          <HistoryTab personId={scope.personId} onPerson={(personId) => setScope({ personId })} />
        ) : scope.tab === 'annual' ? (
          <AnnualTab year={Number(scope.period.slice(0, 4))} groupId={groupId} onYear={(year) => setScope({ period: `${year}-12` })} />
        ) : scope.tab === 'training' ? (
          <TrainingTab />
        ) : scope.tab === 'plans' ? (
          <PlansTab />
        ) : (
          <TemplateTab />
        )}
      </div>
    </div>
  );
}
