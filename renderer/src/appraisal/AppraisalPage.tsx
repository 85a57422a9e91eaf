import { useEffect, useRef, useState } from 'react';
import { Select, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { shiftPeriod } from '../../../main/appraisal/rules/period.ts';
import { useApi, usePrefetchApi } from '../api/hooks.ts';
import { appraisalTabs, useAppraisalScope } from './useAppraisalScope.ts';
import { BoardTab } from './board/BoardTab.tsx';
import { ChartsTab } from './charts/ChartsTab.tsx';
import { CalibrationTab } from './calibration/CalibrationTab.tsx';
import { HistoryTab } from './history/HistoryTab.tsx';
import { AnnualTab } from './annual/AnnualTab.tsx';
import { TrainingTab } from './training/TrainingTab.tsx';
import { PlansTab } from './plans/PlansTab.tsx';
import { TemplateTab } from './template/TemplateTab.tsx';
import './appraisal.css';
import { TabBar } from '../shell/TabBar.tsx';

/**
 * The period picker: months, or quarters when the cycle setting says so (APR-4). Plain elements:
 * antd's DatePicker generates its styles on first mount, which alone cost the board its first
 * frame budget.
 */
function PeriodPicker({ period, onChange }: { period: string; onChange: (period: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState(Number(period.slice(0, 4)));
  const box = useRef<HTMLSpanElement>(null);
  // A click anywhere else closes the panel.
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => !box.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  const quarterly = period.includes('Q');
  const label = quarterly
    ? t('appraisal.page.quarterLabel', { year: period.slice(0, 4), quarter: period.slice(6) })
    : t('appraisal.page.monthLabel', {
        year: period.slice(0, 4),
        month: Number(period.slice(5, 7)),
        name: t(`appraisal.page.months.${Number(period.slice(5, 7)) - 1}`),
      });
  const choices = quarterly
    ? [1, 2, 3, 4].map((q) => ({ value: `${year}-Q${q}`, label: `Q${q}` }))
    : Array.from({ length: 12 }, (_, i) => ({
        value: `${year}-${String(i + 1).padStart(2, '0')}`,
        label: t(`appraisal.page.months.${i}`),
      }));
  return (
    <span className="apr-period" ref={box}>
      <button
        type="button"
        className="apr-period-step"
        aria-label={t('appraisal.page.previous')}
        onClick={() => onChange(shiftPeriod(period, -1))}
      >
        <LeftOutlined />
      </button>
      <button
        type="button"
        className="apr-period-label"
        aria-label={t('appraisal.page.period')}
        aria-expanded={open}
        data-testid="appraisal-period"
        onClick={() => {
          setYear(Number(period.slice(0, 4)));
          setOpen(!open);
        }}
      >
        {label}
      </button>
      <button
        type="button"
        className="apr-period-step"
        aria-label={t('appraisal.page.next')}
        onClick={() => onChange(shiftPeriod(period, 1))}
      >
        <RightOutlined />
      </button>
      {open && (
        <div className="apr-period-panel" role="dialog" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <div className="apr-period-year">
            <button
              type="button"
              className="apr-period-step"
              aria-label={t('appraisal.page.previousYear')}
              onClick={() => setYear(year - 1)}
            >
              <LeftOutlined />
            </button>
            <b>{year}</b>
            <button type="button" className="apr-period-step" aria-label={t('appraisal.page.nextYear')} onClick={() => setYear(year + 1)}>
              <RightOutlined />
            </button>
          </div>
          <div className={quarterly ? 'apr-period-grid apr-period-quarters' : 'apr-period-grid'}>
            {choices.map((c) => (
              <button
                key={c.value}
                type="button"
                className={c.value === period ? 'active' : undefined}
                onClick={() => {
                  setOpen(false);
                  onChange(c.value);
                }}
              >
                {c.label}
              </button>
            ))}
          </div>
        </div>
      )}
    </span>
  );
}

/**
 * The board is what the page opens on: it is asked for while the page is first rendered, not
 * after the header's pickers have mounted (the board's own query then finds it on its way or in
 * the cache). Rendered first, and only when the board's scope is known from the address.
 */
function BoardPrefetch({ period, groupId }: { period: string; groupId: number | null }) {
  usePrefetchApi('appraisal', 'board', { period, groupId });
  return null;
}

/** 绩效: the period and scope above the tabs; each tab works on them. */
export function AppraisalPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useAppraisalScope();
  const org = useApi('people', 'org', {});
  const groups = (org.data?.groups ?? []).filter((g) => !g.archivedOn);
  // A group leader lives in one group: without a choice, the first group (or the department).
  const groupId = scope.groupId !== undefined ? scope.groupId : (groups[0]?.id ?? null);
  const ready = scope.groupId !== undefined || org.data !== undefined;
  const usesPeriod = ['board', 'charts', 'calibration'].includes(scope.tab);
  const usesGroup = ['board', 'charts', 'calibration', 'annual'].includes(scope.tab);

  return (
    <div className="apr-page" data-testid="appraisal-page">
      {scope.tab === 'board' && scope.groupId !== undefined && <BoardPrefetch period={scope.period} groupId={scope.groupId} />}
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
        <TabBar
          tabs={appraisalTabs.map((tab) => ({ key: tab, label: t(`appraisal.page.tabs.${tab}`) }))}
          active={scope.tab}
          onChange={(tab) => setScope({ tab })}
        />
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
