import type { ReactNode } from 'react';
import { Button, Empty, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi } from '../../api/hooks.ts';
import type { RosterTab } from '../useRosterScope.ts';
import { GridEditor } from './GridEditor.tsx';

function Explain({ title, body, action }: { title: string; body: string; action: ReactNode }) {
  return (
    <div className="roster-panel" style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Empty
        description={
          <div style={{ maxWidth: 440 }}>
            <Typography.Text strong>{title}</Typography.Text>
            <br />
            {body}
          </div>
        }
      >
        {action}
      </Empty>
    </div>
  );
}

/** 排班表: loads the month for the scope and explains what to do first when it cannot be planned yet. */
export function GridTab({ month, groupId, onTab }: { month: string; groupId: number | null; onTab: (tab: RosterTab) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const view = useApi('roster', 'month', { month, groupId });
  const wishes = useApi('roster', 'wishes', { month });

  if (view.error) {
    return (
      <Result
        status="error"
        title={t('roster.grid.loadFailed')}
        subTitle={view.error.message}
        extra={<Button onClick={() => void view.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  // Stale data is read again before it is shown: cells edited here last time only marked it stale.
  if (!view.data || (view.isStale && !view.isFetchedAfterMount)) return <Spin style={{ marginTop: 80 }} />;
  const data = view.data;
  if (!data.shiftTypes.some((s) => !s.archivedOn)) {
    return (
      <Explain
        title={t('roster.grid.noShiftsTitle')}
        body={t('roster.grid.noShiftsBody')}
        action={
          <Button type="primary" onClick={() => onTab('shifts')}>
            {t('roster.grid.goShifts')}
          </Button>
        }
      />
    );
  }
  if (data.people.length === 0) {
    return (
      <Explain
        title={t(groupId === null ? 'roster.grid.noPeopleDepartmentTitle' : 'roster.grid.noPeopleTitle')}
        body={t('roster.grid.noPeopleBody')}
        action={
          <Button type="primary" onClick={() => navigate('/people')}>
            {t('roster.grid.goPeople')}
          </Button>
        }
      />
    );
  }
  // A new scope or month is a new editor: its undo history belongs to what it showed.
  return <GridEditor key={`${month}:${groupId}`} view={data} wishes={wishes.data ?? []} onTab={onTab} />;
}
