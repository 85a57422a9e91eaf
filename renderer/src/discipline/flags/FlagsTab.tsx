import { useState } from 'react';
import { Alert, Button, Empty, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HrFlagView } from '../../../../main/discipline/contract.ts';
import { hrFlagStatuses, type HrFlagStatus } from '../../../../main/discipline/vocabulary.ts';
import { useApi } from '../../api/hooks.ts';
import { VirtualTable, type Column } from '../../shell/VirtualTable.tsx';
import { ReasonDialog } from '../ReasonDialog.tsx';
import { useWrite } from '../useWrite.ts';

const pills: Record<HrFlagStatus, string> = { open: 'pill-red', sent: 'pill-blue', closed: 'pill-grey' };

/** Everything the rules say HR must look at (ATT-6, APR-8, DIS-1), with the evidence; the app never acts. */
export function FlagsTab({ onPerson }: { onPerson: (personId: number) => void }) {
  const { t } = useTranslation();
  const write = useWrite();
  const [status, setStatus] = useState<HrFlagStatus | 'all'>('open');
  const [dialog, setDialog] = useState<{ flag: HrFlagView; to: 'sent' | 'closed' } | null>(null);
  const flags = useApi('discipline', 'hrFlags', status === 'all' ? {} : { status });
  const columns: Column<HrFlagView>[] = [
    {
      key: 'raised',
      title: t('discipline.ui.flags.raised'),
      width: 96,
      render: (f) => f.raisedAt.slice(0, 10),
      compare: (a, b) => a.raisedAt.localeCompare(b.raisedAt),
    },
    { key: 'kind', title: t('discipline.ui.flags.kind'), width: 190, render: (f) => t(`discipline.flagKinds.${f.kind}`) },
    { key: 'rule', title: t('discipline.ui.flags.rule'), width: 64, render: (f) => f.ruleId },
    {
      key: 'person',
      title: t('fields.name'),
      width: 130,
      render: (f) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onPerson(f.personId)}>
          {f.personName} <span className="dis-muted">{f.employeeNo}</span>
        </Button>
      ),
    },
    { key: 'group', title: t('fields.group'), width: 70, render: (f) => f.groupName ?? '' },
    {
      key: 'summary',
      title: t('discipline.ui.flags.evidence'),
      width: 270,
      render: (f) => (
        <span className="dis-ellipsis" title={f.summary}>
          {f.summary}
        </span>
      ),
    },
    {
      key: 'status',
      title: t('discipline.fields.status'),
      width: 110,
      render: (f) => (
        <span className="dis-ellipsis" title={f.note ?? ''}>
          <span className={`pill ${pills[f.status]}`}>{t(`discipline.flagStatuses.${f.status}`)}</span>{' '}
          <span className="dis-muted">{f.note ?? ''}</span>
        </span>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 170,
      pinned: true,
      render: (f) =>
        f.status === 'closed' ? null : (
          <>
            {f.status === 'open' && (
              <Button size="small" type="link" onClick={() => setDialog({ flag: f, to: 'sent' })}>
                {t('discipline.ui.flags.send')}
              </Button>
            )}
            <Button size="small" type="link" onClick={() => setDialog({ flag: f, to: 'closed' })}>
              {t('discipline.ui.flags.close')}
            </Button>
          </>
        ),
    },
  ];
  return (
    <div className="dis-panel" data-testid="discipline-flags">
      <div className="dis-toolbar">
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as HrFlagStatus | 'all')}
          options={[
            ...hrFlagStatuses.map((s) => ({ value: s, label: t(`discipline.flagStatuses.${s}`) })),
            { value: 'all', label: t('common.all') },
          ]}
        />
        <Typography.Text type="secondary">{t('discipline.ui.flags.intro')}</Typography.Text>
      </div>
      {flags.error && <Alert type="error" showIcon message={flags.error.message} />}
      <div style={{ flex: 1, minHeight: 0 }}>
        <VirtualTable<HrFlagView>
          testId="flags-table"
          rows={flags.data ?? []}
          columns={columns}
          rowKey={(f) => f.id}
          rowClassName={(f) => (f.status === 'closed' ? 'banzu-left-row' : '')}
          empty={flags.isPending ? null : <Empty description={t('discipline.ui.flags.empty')} />}
        />
      </div>
      {dialog && (
        <ReasonDialog
          title={t(dialog.to === 'sent' ? 'discipline.ui.flags.sendTitle' : 'discipline.ui.flags.closeTitle', {
            name: dialog.flag.personName,
          })}
          intro={<Typography.Paragraph>{dialog.flag.summary}</Typography.Paragraph>}
          label={t('discipline.fields.note')}
          required={dialog.to === 'closed'}
          onSubmit={({ text }) => write('updateHrFlag', { id: dialog.flag.id, status: dialog.to, note: text || null })}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
