import { useState } from 'react';
import { Button, Result, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Anomaly, Sheet } from '../../../../main/attendance/contract.ts';
import { ResolveDialog } from '../day/ResolveDialog.tsx';
import { PersonCell } from '../../leave/PersonCell.tsx';

/** 异常处理: the anomalies the app raised for the month (ATT-7, OT-1), each resolved by the supervisor. */
export function AnomaliesTab({ sheet }: { sheet: Sheet }) {
  const { t } = useTranslation();
  const [resolving, setResolving] = useState<Anomaly | null>(null);
  const closed = sheet.status === 'closed';
  const columns: TableColumnsType<Anomaly> = [
    {
      title: t('leave.ui.person'),
      key: 'person',
      width: 150,
      render: (_v, a) => <PersonCell name={a.name} employeeNo={a.employeeNo} groupName={a.groupName} />,
    },
    { title: t('fields.date'), dataIndex: 'date', width: 100 },
    {
      title: t('attendance.ui.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: Anomaly['kind']) => <Tag color={k === 'missing-punch' ? 'gold' : 'orange'}>{t(`attendance.anomalyKinds.${k}`)}</Tag>,
    },
    { title: t('attendance.ui.detail'), dataIndex: 'message' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_v, a) =>
        !closed && (
          <Button type="link" size="small" onClick={() => setResolving(a)} data-testid={`resolve-${a.employeeNo}-${a.date}`}>
            {t('attendance.ui.resolve')}
          </Button>
        ),
    },
  ];
  if (sheet.anomalies.length === 0) {
    return (
      <div className="area-panel" data-testid="anomalies-tab">
        <Result status="success" title={t('attendance.ui.noAnomalies')} subTitle={t('attendance.ui.noAnomaliesHint')} />
      </div>
    );
  }
  return (
    <div className="area-panel" data-testid="anomalies-tab">
      <div className="panel-toolbar">
        <span className="muted">{t('attendance.ui.anomaliesHint', { count: sheet.anomalies.length })}</span>
      </div>
      <Table<Anomaly>
        size="small"
        rowKey={(a) => `${a.personId}:${a.date}:${a.kind}`}
        columns={columns}
        dataSource={sheet.anomalies}
        pagination={sheet.anomalies.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      />
      {resolving && <ResolveDialog anomaly={resolving} onClose={() => setResolving(null)} />}
    </div>
  );
}
