import { Card, Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../api/client.ts';
import type { ShiftType } from '../../../../main/roster/contract.ts';
import { useApi } from '../../api/hooks.ts';
import { ShiftCode } from '../shifts/ShiftsTab.tsx';
import { momentText } from '../../shell/moment.ts';

type Entry = Out<'roster', 'changeLog'>[number];

/** A cell value as the log holds it ("E 早班", "休息", a shift id, or nothing) in the grid's own look. */
function CellValueText({ value, shiftTypes }: { value: string | null; shiftTypes: ShiftType[] }) {
  const { t } = useTranslation();
  if (value === null || value === '') return <Typography.Text type="secondary">{t('roster.grid.emptyCell')}</Typography.Text>;
  if (value === 'rest') return <span>{t('roster.grid.restDay')}</span>;
  const code = value.split(' ')[0];
  const shift = shiftTypes.find((s) => s.code === code || String(s.id) === value);
  if (!shift) return <span>{value}</span>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <ShiftCode shift={shift} /> {shift.name}
    </span>
  );
}

/** 变更记录 (ROS-7): every change to a published month, who made it and when. */
export function ChangeLogTab({ month, groupId }: { month: string; groupId: number | null }) {
  const { t } = useTranslation();
  const log = useApi('roster', 'changeLog', { month, groupId });
  const view = useApi('roster', 'month', { month, groupId });
  const shiftTypes = view.data?.shiftTypes ?? [];
  const published = (view.data?.groups ?? []).filter((g) => g.status === 'published');

  const columns: TableColumnsType<Entry> = [
    {
      title: t('roster.changeLogTab.at'),
      dataIndex: 'at',
      width: 150,
      className: 'banzu-numeric',
      render: (at: string) => momentText(at),
    },
    { title: t('roster.changeLogTab.actor'), dataIndex: 'actorName', width: 110 },
    { title: t('roster.changeLogTab.person'), dataIndex: 'personName', width: 100 },
    { title: t('roster.changeLogTab.date'), dataIndex: 'date', width: 110, className: 'roster-tabular' },
    {
      title: t('roster.changeLogTab.change'),
      key: 'change',
      render: (_v, e) => (
        <span>
          <CellValueText value={e.before} shiftTypes={shiftTypes} /> → <CellValueText value={e.after} shiftTypes={shiftTypes} />
        </span>
      ),
    },
    {
      title: t('roster.changeLogTab.source'),
      dataIndex: 'source',
      width: 110,
      render: (s: string) => <Tag>{t(`roster.changeLogTab.sources.${s}`, { defaultValue: s })}</Tag>,
    },
  ];

  return (
    <div className="roster-panel" data-testid="changes-tab">
      <Card size="small" title={t('roster.changeLogTab.title', { month })}>
        <Typography.Paragraph type="secondary">
          {published.length > 0
            ? t('roster.changeLogTab.help', { groups: published.map((g) => g.name).join(t('common.listSeparator')) })
            : t('roster.changeLogTab.notPublished')}
        </Typography.Paragraph>
        <Table<Entry>
          size="small"
          rowKey={(e) => `${e.at}:${e.personId}:${e.date}`}
          data-testid="change-log"
          loading={log.isPending}
          columns={columns}
          dataSource={log.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{
            emptyText: <Empty description={published.length > 0 ? t('roster.changeLogTab.empty') : t('roster.changeLogTab.emptyDraft')} />,
          }}
        />
      </Card>
    </div>
  );
}
