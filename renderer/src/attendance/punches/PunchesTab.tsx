import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Empty, Input, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PunchView } from '../../../../main/attendance/contract.ts';
import { useApi } from '../../api/hooks.ts';
import { VirtualTable, type Column } from '../../shell/VirtualTable.tsx';
import { monthRange } from '../../leave/dates.ts';
import { PunchDialog } from '../day/PunchDialog.tsx';

/** 打卡记录: the month's punches as recorded (imported or entered), voided ones on request. */
export function PunchesTab(props: { month: string; groupId: number | null; closed: boolean; onImport: () => void }) {
  const { t } = useTranslation();
  const { from, to } = monthRange(props.month);
  const [includeVoided, setIncludeVoided] = useState(false);
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'correct'; punch: PunchView } | null>(null);
  const punches = useApi('attendance', 'punches', { from, to, groupId: props.groupId, includeVoided });
  const rows = useMemo(() => {
    const needle = search.trim();
    return (punches.data?.rows ?? []).filter((p) => !needle || p.name.includes(needle) || p.employeeNo.includes(needle));
  }, [punches.data, search]);
  const columns: Column<PunchView>[] = [
    {
      key: 'at',
      title: t('attendance.ui.punchTime'),
      width: 170,
      render: (p) => (p.voidedAt ? <s>{p.at}</s> : p.at),
      compare: (a, b) => a.at.localeCompare(b.at),
    },
    {
      key: 'no',
      title: t('fields.employeeNo'),
      width: 116,
      render: (p) => p.employeeNo,
      compare: (a, b) => a.employeeNo.localeCompare(b.employeeNo),
    },
    { key: 'name', title: t('fields.name'), width: 84, render: (p) => p.name },
    {
      key: 'source',
      title: t('fields.source'),
      width: 90,
      render: (p) => (
        <Tag color={p.source === 'manual' ? 'purple' : undefined}>
          {t(`attendance.ui.sources.${p.source === 'manual' ? 'manual' : 'import'}`)}
        </Tag>
      ),
    },
    { key: 'device', title: t('attendance.import.fields.device'), width: 110, render: (p) => p.device ?? '' },
    {
      key: 'reason',
      title: t('fields.reason'),
      width: 254,
      render: (p) =>
        p.voidedAt ? <span className="muted">{t('attendance.ui.voided', { reason: p.voidReason ?? '' })}</span> : (p.reason ?? ''),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (p) =>
        !p.voidedAt &&
        !props.closed && (
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'correct', punch: p })}>
            {t('attendance.ui.correct')}
          </Button>
        ),
    },
  ];
  return (
    <div className="area-panel" data-testid="punches-tab" style={{ display: 'flex', flexDirection: 'column' }}>
      <div className="panel-toolbar">
        <Input.Search
          allowClear
          size="small"
          style={{ width: 240 }}
          placeholder={t('attendance.ui.searchPerson')}
          onSearch={setSearch}
          onChange={(e) => !e.target.value && setSearch('')}
        />
        <Checkbox checked={includeVoided} onChange={(e) => setIncludeVoided(e.target.checked)}>
          {t('attendance.ui.showVoided')}
        </Checkbox>
        <span className="muted">{t('attendance.ui.punchCount', { count: rows.length })}</span>
        <span className="spacer" />
        {!props.closed && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>
            {t('attendance.ui.addPunch')}
          </Button>
        )}
      </div>
      {punches.data?.truncated && <Alert type="info" showIcon message={t('attendance.ui.truncated')} style={{ marginBottom: 8 }} />}
      <div style={{ flex: 1, minHeight: 0 }}>
        <VirtualTable<PunchView>
          rows={rows}
          columns={columns}
          rowKey={(p) => p.id}
          rowHeight={34}
          label={t('attendance.ui.tabs.punches')}
          empty={
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={punches.isPending ? t('common.loading') : t('attendance.ui.noPunchesMonth')}
            >
              {!punches.isPending && !props.closed && (
                <Button type="primary" onClick={props.onImport}>
                  {t('attendance.ui.import')}
                </Button>
              )}
            </Empty>
          }
        />
      </div>
      {dialog?.kind === 'add' && <PunchDialog mode="add" groupId={props.groupId} date={from} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'correct' && <PunchDialog mode="correct" punch={dialog.punch} onClose={() => setDialog(null)} />}
    </div>
  );
}
