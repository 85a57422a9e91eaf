import { Drawer, Empty, Timeline, Typography, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/hooks.ts';
import { momentText } from '../shell/moment.ts';

export interface HistoryTarget {
  entity: string;
  entityId: string | number;
  title: string;
}

const catalogued: Record<string, string> = { role: 'roles', function: 'functions', status: 'statuses' };

/** Who changed what and when, for any record; opened from the screen that shows the record. */
export function HistoryDrawer({ target, onClose }: { target: HistoryTarget; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const history = useApi('audit', 'history', { entity: target.entity, entityId: target.entityId });
  const org = useApi('people', 'org', {});
  const label = (field: string) => (i18n.exists(`fields.${field}`) ? t(`fields.${field}`) : field);
  /** Values as the screens show them: 组长 not "leader", yuan not fen, group names not ids. */
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (catalogued[field]) return t(`${catalogued[field]}.${String(value)}`);
    if (field === 'groupId') return org.data?.groups.find((g) => g.id === value)?.name ?? String(value);
    if (field === 'dailyWageFen' && typeof value === 'number') return (value / 100).toFixed(2);
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
  return (
    <Drawer open width={460} title={`${t('audit.title')} · ${target.title}`} onClose={onClose}>
      {history.isPending ? (
        <Spin />
      ) : !history.data?.length ? (
        <Empty description={t('audit.empty')} />
      ) : (
        <Timeline
          items={history.data.map((entry) => ({
            key: entry.id,
            children: (
              <div data-testid="history-entry">
                <Typography.Text strong>
                  {i18n.exists(`audit.actions.${entry.action}`) ? t(`audit.actions.${entry.action}`) : entry.action}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {momentText(entry.at)} · {entry.actorName}
                </Typography.Text>
                {entry.changes.map((c) => (
                  <div key={c.field} style={{ fontSize: 13 }}>
                    {t('common.labelSuffix', { label: label(c.field) })}
                    <Typography.Text delete type="secondary">
                      {show(c.field, c.before)}
                    </Typography.Text>{' '}
                    → {show(c.field, c.after)}
                  </div>
                ))}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
