import type { ReactNode } from 'react';
import { Button, DatePicker, Select, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useApi } from '../api/hooks.ts';
import { TabBar } from '../shell/TabBar.tsx';

function shiftMonth(month: string, by: number): string {
  return dayjs(`${month}-01`).add(by, 'month').format('YYYY-MM');
}

/** A page's title, month and scope pickers and its tabs, as the roster page has them. */
export function ScopeBar<T extends string>(props: {
  title: string;
  month: string;
  groupId: number | null;
  tab: T;
  tabs: Array<{ key: T; label: ReactNode }>;
  onChange: (change: { month?: string; groupId?: number | null; tab?: T }) => void;
  extra?: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const org = useApi('people', 'org', {});
  const groups = (org.data?.groups ?? []).filter((g) => !g.archivedOn);
  return (
    <div className="page-head">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {props.title}
      </Typography.Title>
      <Space size={4}>
        <Button
          size="small"
          type="text"
          icon={<LeftOutlined />}
          aria-label={t('leave.ui.previousMonth')}
          onClick={() => props.onChange({ month: shiftMonth(props.month, -1) })}
        />
        <DatePicker
          picker="month"
          allowClear={false}
          size="small"
          aria-label={t('leave.ui.month')}
          data-testid={`${props.testId}-month`}
          value={dayjs(`${props.month}-01`)}
          format={t('leave.ui.monthFormat')}
          onChange={(value) => value && props.onChange({ month: value.format('YYYY-MM') })}
          style={{ width: 120 }}
        />
        <Button
          size="small"
          type="text"
          icon={<RightOutlined />}
          aria-label={t('leave.ui.nextMonth')}
          onClick={() => props.onChange({ month: shiftMonth(props.month, 1) })}
        />
      </Space>
      <Select<number | 'all'>
        size="small"
        aria-label={t('leave.ui.scope')}
        data-testid={`${props.testId}-scope`}
        style={{ minWidth: 130 }}
        value={props.groupId ?? 'all'}
        loading={org.isPending}
        onChange={(v) => props.onChange({ groupId: v === 'all' ? null : v })}
        options={[{ value: 'all' as const, label: t('leave.ui.wholeDepartment') }, ...groups.map((g) => ({ value: g.id, label: g.name }))]}
      />
      <TabBar tabs={props.tabs} active={props.tab} onChange={(tab) => props.onChange({ tab })} />
      {props.extra && <div className="page-head-extra">{props.extra}</div>}
    </div>
  );
}
