import { useState } from 'react';
import { Button, Card, Empty, Popconfirm, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ShiftType } from '../../../../main/roster/contract.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { clock, shiftLength } from '../../../../main/roster/rules/time.ts';
import { formatHours } from '../dates.ts';
import { shiftTextColor } from '../ShiftStyles.tsx';
import { ShiftTypeDialog } from './ShiftTypeDialog.tsx';
import { CoverageEditor } from './CoverageEditor.tsx';

export function ShiftCode({ shift }: { shift: Pick<ShiftType, 'code' | 'color'> }) {
  return (
    <span className="roster-code" style={{ background: `${shift.color}38`, color: shiftTextColor(shift.color), borderColor: shift.color }}>
      {shift.code}
    </span>
  );
}

/** "22:00–次日06:00": a shift crossing midnight says so at its end. */
export function ShiftTime({ shift }: { shift: Pick<ShiftType, 'startMinute' | 'endMinute'> }) {
  const { t } = useTranslation();
  const next = shift.endMinute <= shift.startMinute;
  return (
    <span className="banzu-numeric">
      {clock(shift.startMinute)}–
      {next && (
        <Tag color="purple" style={{ marginInline: 2, paddingInline: 3, fontSize: 11, lineHeight: '16px' }}>
          {t('roster.shiftsTab.nextDay')}
        </Tag>
      )}
      {clock(shift.endMinute)}
    </span>
  );
}

/** 班次与覆盖: the shift types (ROS-3) and the coverage the scope requires (ROS-1). */
export function ShiftsTab({ groupId }: { groupId: number | null }) {
  const { t } = useTranslation();
  const shiftTypes = useApi('roster', 'shiftTypes', {});
  const archive = useApiMutation('roster', 'archiveShiftType', { invalidates: ['roster'] });
  const [showArchived, setShowArchived] = useState(false);
  const [dialog, setDialog] = useState<{ shift?: ShiftType } | null>(null);
  const all = shiftTypes.data ?? [];
  const rows = all.filter((s) => showArchived || !s.archivedOn);

  const columns: TableColumnsType<ShiftType> = [
    { title: t('roster.shiftsTab.code'), dataIndex: 'code', width: 64, render: (_v, s) => <ShiftCode shift={s} /> },
    { title: t('roster.shiftsTab.name'), dataIndex: 'name', width: 110 },
    { title: t('roster.shiftsTab.time'), key: 'time', width: 170, render: (_v, s) => <ShiftTime shift={s} /> },
    {
      title: t('roster.shiftsTab.length'),
      key: 'length',
      width: 80,
      align: 'right',
      className: 'banzu-numeric',
      render: (_v, s) => t('roster.shiftsTab.hoursValue', { hours: formatHours(shiftLength(s.startMinute, s.endMinute)) }),
    },
    {
      title: t('roster.shiftsTab.breakMinutes'),
      dataIndex: 'breakMinutes',
      width: 80,
      align: 'right',
      className: 'banzu-numeric',
      render: (m: number) => t('roster.shiftsTab.minutesValue', { minutes: m }),
    },
    {
      title: t('roster.shiftsTab.paidMinutes'),
      dataIndex: 'paidMinutes',
      width: 90,
      align: 'right',
      className: 'banzu-numeric',
      render: (m: number) => t('roster.shiftsTab.hoursValue', { hours: formatHours(m) }),
    },
    {
      title: t('roster.shiftsTab.functions'),
      dataIndex: 'functions',
      render: (fns: string[] | null) =>
        fns ? (
          fns.map((f) => <Tag key={f}>{t(`functions.${f}`)}</Tag>)
        ) : (
          <Typography.Text type="secondary">{t('roster.shiftsTab.everyone')}</Typography.Text>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_v, s) =>
        s.archivedOn ? (
          <Tag>{t('roster.shiftsTab.archivedOn', { date: s.archivedOn })}</Tag>
        ) : (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setDialog({ shift: s })}>
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('roster.shiftsTab.archiveConfirm', { name: s.name })}
              description={t('roster.shiftsTab.archiveHelp')}
              onConfirm={() => archive.mutate({ id: s.id })}
            >
              <Button type="link" size="small" danger>
                {t('roster.shiftsTab.archive')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  return (
    <div className="roster-panel" data-testid="shifts-tab">
      <Card
        size="small"
        title={t('roster.shiftsTab.title')}
        extra={
          <Space>
            <Space size={6}>
              <Switch size="small" checked={showArchived} onChange={setShowArchived} aria-label={t('roster.shiftsTab.showArchived')} />
              <Typography.Text type="secondary">{t('roster.shiftsTab.showArchived')}</Typography.Text>
            </Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({})}>
              {t('roster.shiftsTab.add')}
            </Button>
          </Space>
        }
      >
        <Table<ShiftType>
          size="small"
          rowKey="id"
          data-testid="shift-types-table"
          loading={shiftTypes.isPending}
          columns={columns}
          dataSource={rows}
          pagination={false}
          rowClassName={(s) => (s.archivedOn ? 'banzu-left-row' : '')}
          locale={{
            emptyText: (
              <Empty
                description={
                  <>
                    <Typography.Text strong>{t('roster.shiftsTab.emptyTitle')}</Typography.Text>
                    <br />
                    {t('roster.shiftsTab.emptyBody')}
                  </>
                }
              />
            ),
          }}
        />
      </Card>
      <CoverageEditor key={String(groupId)} groupId={groupId} shiftTypes={all.filter((s) => !s.archivedOn)} />
      {dialog && <ShiftTypeDialog shift={dialog.shift} usedColors={all.map((s) => s.color)} onClose={() => setDialog(null)} />}
    </div>
  );
}
