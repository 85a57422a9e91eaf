import { Alert, Result, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Flag } from '../../../../main/attendance/contract.ts';
import { useApi } from '../../api/hooks.ts';
import { PersonCell } from '../../leave/PersonCell.tsx';

/** 人事提示: the year's ATT-6 grounds, with the dates as evidence; HR decides, the app never acts. */
export function FlagsTab({ year, groupName }: { year: number; groupName: string | null }) {
  const { t } = useTranslation();
  const flags = useApi('attendance', 'flags', { year });
  const rows = (flags.data ?? []).filter((f) => groupName === null || f.groupName === groupName);
  const columns: TableColumnsType<Flag> = [
    {
      title: t('leave.ui.person'),
      key: 'person',
      width: 150,
      render: (_v, f) => <PersonCell name={f.name} employeeNo={f.employeeNo} groupName={f.groupName} />,
    },
    {
      title: t('attendance.ui.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (k: Flag['kind']) => <Tag color="red">{t(`attendance.flags.kinds.${k}`)}</Tag>,
    },
    { title: t('attendance.ui.days'), dataIndex: 'days', width: 70, align: 'right' },
    {
      title: t('attendance.ui.evidence'),
      key: 'evidence',
      render: (_v, f) => (
        <div>
          {f.message}
          <div className="muted">{f.dates.join(t('common.listSeparator'))}</div>
        </div>
      ),
    },
  ];
  return (
    <div className="area-panel" data-testid="flags-tab">
      <Alert type="info" showIcon message={t('attendance.ui.flagsHint', { year })} style={{ marginBottom: 10 }} />
      {rows.length === 0 && !flags.isPending ? (
        <Result status="success" title={t('attendance.ui.noFlags', { year })} />
      ) : (
        <Table<Flag>
          size="small"
          rowKey={(f) => `${f.personId}:${f.kind}:${f.dates[0]}`}
          loading={flags.isPending}
          columns={columns}
          dataSource={rows}
          pagination={false}
        />
      )}
    </div>
  );
}
