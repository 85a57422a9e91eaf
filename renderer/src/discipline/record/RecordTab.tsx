import { Alert, Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../main/discipline/contract.ts';
import { useApi } from '../../api/hooks.ts';
import { PersonPicker } from '../PersonPicker.tsx';
import { yuan } from '../format.ts';

const colors: Record<TimelineEntry['kind'], string> = {
  sanction: 'red',
  reward: 'green',
  appraisal: 'blue',
  role: 'purple',
  promotion: 'cyan',
  flag: 'orange',
};

/** DIS-5, PRO-5: one person's sanctions, rewards, appraisals, role changes and HR flags over time. */
export function RecordTab({ personId, onPerson }: { personId: number | null; onPerson: (id: number | null) => void }) {
  const { t } = useTranslation();
  const record = useApi('discipline', 'personRecord', { personId: personId ?? 0 }, { enabled: personId !== null });
  const data = personId !== null ? record.data : undefined;
  return (
    <div className="dis-scroll" data-testid="discipline-record">
      <div className="dis-toolbar">
        <PersonPicker value={personId} onChange={onPerson} width={320} testId="record-person" />
        {data && (
          <span className="dis-muted">
            {data.person.employeeNo} · {data.person.groupName ?? ''} · {t(`roles.${data.person.role}`)} · {t('fields.hireDate')}{' '}
            {data.person.hireDate}
            {data.person.leftOn ? ` · ${t('statuses.left')} ${data.person.leftOn}` : ''}
          </span>
        )}
      </div>
      {record.error && <Alert type="error" showIcon message={record.error.message} />}
      {personId === null ? (
        <Empty style={{ marginTop: 60 }} description={t('discipline.ui.record.pick')} />
      ) : !data ? null : (
        <>
          <div className="dis-summary" data-testid="record-summary">
            <span className="dis-chip">{t('discipline.ui.record.sanctions', { count: data.summary.sanctions })}</span>
            <span className="dis-chip">{t('discipline.ui.record.voided', { count: data.summary.voided })}</span>
            <span className="dis-chip">
              {t('discipline.ui.record.fines', { amount: yuan(data.summary.finesFen), unpaid: yuan(data.summary.unpaidFen) })}
            </span>
            <span className="dis-chip">{t('discipline.ui.record.rewards', { count: data.summary.rewards })}</span>
            <span className="dis-chip">{t('discipline.ui.record.appraisals', { count: data.summary.appraisals })}</span>
            <span className="dis-chip">{t('discipline.ui.record.roleChanges', { count: data.summary.roleChanges })}</span>
            {data.summary.openFlags > 0 && (
              <span className="dis-chip pill-orange">{t('discipline.ui.record.openFlags', { count: data.summary.openFlags })}</span>
            )}
          </div>
          {data.timeline.length === 0 ? (
            <Empty description={t('discipline.ui.record.none', { name: data.person.name })} />
          ) : (
            <Timeline
              data-testid="record-timeline"
              items={data.timeline.map((e, i) => ({
                key: `${e.kind}-${e.id ?? i}`,
                color: colors[e.kind],
                children: (
                  <div className={e.struck ? 'dis-struck' : undefined}>
                    <Typography.Text type="secondary" className="dis-num">
                      {e.date}
                    </Typography.Text>{' '}
                    <span className="pill pill-grey">{t(`discipline.ui.record.kinds.${e.kind}`)}</span>{' '}
                    <span className="dis-timeline-title">{e.title}</span> <span className="dis-muted">· {e.status}</span>
                    {e.detail && <div className="dis-timeline-detail">{e.detail}</div>}
                  </div>
                ),
              }))}
            />
          )}
        </>
      )}
    </div>
  );
}
