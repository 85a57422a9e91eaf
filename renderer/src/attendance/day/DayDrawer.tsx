import { useState } from 'react';
import { Button, Descriptions, Drawer, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PunchView } from '../../../../main/attendance/contract.ts';
import { minutesOf } from '../../../../main/attendance/rules/tiers.ts';
import { useApi } from '../../api/hooks.ts';
import { ResolveDialog, type Resolvable } from './ResolveDialog.tsx';
import { PunchDialog } from './PunchDialog.tsx';
import { momentText } from '../../shell/moment.ts';

/** One person's day: the shift, every punch around it (voided ones too), how it was judged and why. */
export function DayDrawer(props: { personId: number; date: string; closed: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const day = useApi('attendance', 'day', { personId: props.personId, date: props.date });
  const [dialog, setDialog] = useState<
    { kind: 'resolve'; anomaly: Resolvable } | { kind: 'add' } | { kind: 'correct'; punch: PunchView } | null
  >(null);
  const r = day.data?.result;
  const tier = (which: 'late' | 'early') => {
    if (!r) return null;
    const seconds = which === 'late' ? r.lateSeconds : r.earlySeconds;
    const level = which === 'late' ? r.lateTier : r.earlyTier;
    if (level === 'none') return null;
    return t(`attendance.ui.tiers.${level}`, { which: t(`attendance.ui.${which}`), minutes: minutesOf(seconds) });
  };
  return (
    <Drawer
      open
      width={500}
      title={day.data ? t('attendance.ui.dayTitle', { name: day.data.name, date: props.date }) : props.date}
      onClose={props.onClose}
      destroyOnHidden
    >
      {day.isPending && <Spin />}
      {day.data && (
        <div data-testid="day-drawer">
          {r ? (
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('attendance.ui.shift')}>
                {r.shift ? `${r.shift.name} ${r.shift.start.slice(11)}–${r.shift.end.slice(11)}` : t('attendance.ui.noShift')}
              </Descriptions.Item>
              <Descriptions.Item label={t('attendance.ui.judged')}>
                <Space wrap size={4}>
                  {r.marks.map((m) => (
                    <Tag key={m}>{m === 'leave' && r.leave ? r.leave.label : t(`attendance.ui.markNames.${m}`)}</Tag>
                  ))}
                </Space>
                {[tier('late'), tier('early')].filter(Boolean).map((text) => (
                  <div key={text} className="muted">
                    {text}
                  </div>
                ))}
              </Descriptions.Item>
              {(r.fineFen > 0 || (r.deductionFen ?? 0) > 0 || r.absenceDays > 0) && (
                <Descriptions.Item label={t('attendance.ui.consequences')}>
                  {r.fineFen > 0 && <div>{t('attendance.ui.fine', { yuan: r.fineFen / 100, count: r.fines })}</div>}
                  {r.absenceDays > 0 && (
                    <div>
                      {t('attendance.ui.absenceDeduction', {
                        days: r.absenceDays,
                        yuan: r.deductionFen === null ? '—' : (r.deductionFen / 100).toFixed(2),
                      })}
                    </div>
                  )}
                </Descriptions.Item>
              )}
              {r.leave && (
                <Descriptions.Item label={t('attendance.ui.leave')}>
                  {t('attendance.ui.leaveDays', { type: r.leave.label, days: r.leave.days })}
                </Descriptions.Item>
              )}
              {r.overtime.length > 0 && (
                <Descriptions.Item label={t('attendance.ui.overtime')}>
                  {r.overtime.map((o, i) => (
                    <div key={i}>
                      {t('attendance.ui.overtimeLine', { hours: Math.round((o.minutes / 60) * 100) / 100, multiplier: o.multiplier })}
                      {o.planned && <span className="muted"> {t('attendance.ui.plannedOnly')}</span>}
                    </div>
                  ))}
                </Descriptions.Item>
              )}
              {r.resolution && (
                <Descriptions.Item label={t('attendance.ui.resolution')}>
                  {t(`attendance.resolutions.${r.resolution.resolution}`)} · {r.resolution.note}{' '}
                  <span className="muted">{t('common.withNote', { text: '', note: r.resolution.decidedBy })}</span>
                </Descriptions.Item>
              )}
            </Descriptions>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attendance.ui.notJudged')} />
          )}
          {r?.anomaly && !r.resolution && !props.closed && (
            <Button
              type="primary"
              block
              style={{ marginBottom: 12 }}
              data-testid="day-resolve"
              onClick={() =>
                setDialog({
                  kind: 'resolve',
                  anomaly: {
                    personId: props.personId,
                    name: day.data.name,
                    date: props.date,
                    kind: r.anomaly!.kind,
                    missing: r.anomaly!.missing,
                    shift: r.shift,
                    message: t(`attendance.ui.markNames.${r.anomaly!.kind === 'missing-punch' ? 'missing' : 'unapproved'}`),
                  },
                })
              }
            >
              {t('attendance.ui.resolve')}
            </Button>
          )}
          <Space style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 4 }}>
            <Typography.Text strong>{t('attendance.ui.punches')}</Typography.Text>
            {!props.closed && (
              <Button size="small" onClick={() => setDialog({ kind: 'add' })}>
                {t('attendance.ui.addPunch')}
              </Button>
            )}
          </Space>
          {day.data.punches.length === 0 ? (
            <div className="muted">{t('attendance.ui.noPunches')}</div>
          ) : (
            <ul className="punch-list">
              {day.data.punches.map((p) => (
                <li key={p.id} className={p.voidedAt ? 'voided' : undefined}>
                  <span className="punch-at">{p.at}</span>
                  <Tag>{t(`attendance.ui.sources.${p.source === 'manual' ? 'manual' : 'import'}`)}</Tag>
                  <span className="muted" style={{ flex: 1 }}>
                    {p.voidedAt ? t('attendance.ui.voided', { reason: p.voidReason ?? '' }) : (p.reason ?? p.device ?? '')}
                  </span>
                  {!p.voidedAt && !props.closed && (
                    <Button size="small" type="link" onClick={() => setDialog({ kind: 'correct', punch: p })}>
                      {t('attendance.ui.correct')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {day.data.resolutions.length > 0 && (
            <>
              <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
                {t('attendance.ui.history')}
              </Typography.Text>
              {day.data.resolutions.map((h) => (
                <div key={h.id} className="muted" style={{ textDecoration: h.voidedAt ? 'line-through' : undefined }}>
                  {momentText(h.decidedAt)} {t('common.labelled', { label: h.decidedBy, value: t(`attendance.resolutions.${h.resolution}`) })} · {h.note}
                </div>
              ))}
            </>
          )}
        </div>
      )}
      {dialog?.kind === 'resolve' && <ResolveDialog anomaly={dialog.anomaly} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'add' && <PunchDialog mode="add" personId={props.personId} date={props.date} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'correct' && <PunchDialog mode="correct" punch={dialog.punch} onClose={() => setDialog(null)} />}
    </Drawer>
  );
}
