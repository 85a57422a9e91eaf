import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeaveCheck } from '../../../../main/leave/contract.ts';

/**
 * What a leave request takes: its days (counted or not, and why), the balance before and after,
 * and the rostered shifts it removes with the coverage of those posts after (ROS-1).
 */
export function ImpactView({ check, showProblems = true }: { check: LeaveCheck; showProblems?: boolean }) {
  const { t } = useTranslation();
  const balance = check.balance;
  return (
    <div data-testid="leave-impact">
      {showProblems &&
        check.problems.map((p, i) => <Alert key={i} type="error" showIcon message={p.message} style={{ marginBottom: 8 }} />)}
      {check.impact.warnings.map((w, i) => (
        <Alert key={i} type="warning" showIcon message={w} style={{ marginBottom: 8 }} data-testid="coverage-warning" />
      ))}
      <Typography.Paragraph style={{ marginBottom: 6 }}>
        <b>{t('leave.ui.impact.takes', { days: check.total })}</b>
        {balance && balance.remaining !== null && (
          <span className="muted" style={{ marginLeft: 8 }}>
            {t('leave.ui.impact.balance', {
              type: balance.label,
              remaining: balance.remaining,
              after: Math.round((balance.remaining - check.total) * 100) / 100,
            })}
          </span>
        )}
        {check.allowance && (
          <span className="muted" style={{ marginLeft: 8 }}>
            {check.allowance.text}
          </span>
        )}
      </Typography.Paragraph>
      {check.days.length > 0 && check.days.length <= 62 && (
        <div className="day-chips" style={{ marginBottom: 8 }}>
          {check.days.map((d) => (
            <span key={d.date} className={`day-chip${d.counted ? '' : ' off'}`} title={t(`leave.ui.dayReasons.${d.reason}`)}>
              {d.date.slice(5)}
              {d.weight < 1 ? '½' : ''}
            </span>
          ))}
        </div>
      )}
      <Typography.Text strong>{t('leave.ui.impact.shifts')}</Typography.Text>
      {check.impact.shifts.length === 0 ? (
        <div className="muted" style={{ margin: '4px 0 8px' }}>
          {t('leave.ui.impact.noShifts')}
        </div>
      ) : (
        <div className="day-chips" style={{ margin: '4px 0 8px' }} data-testid="impact-shifts">
          {check.impact.shifts.map((s) => (
            <span key={s.date} className="day-chip" title={s.half ? t('leave.ui.impact.halfKeeps') : undefined}>
              {s.date.slice(5)} {s.shiftName}
              {s.half ? ` (${t('leave.ui.impact.half')})` : ''}
            </span>
          ))}
        </div>
      )}
      {check.impact.coverage.length > 0 && (
        <table className="impact-table" data-testid="impact-coverage">
          <thead>
            <tr>
              <th>{t('leave.ui.impact.scope')}</th>
              <th>{t('fields.date')}</th>
              <th>{t('fields.shiftTypeId')}</th>
              <th className="num">{t('leave.ui.impact.required')}</th>
              <th className="num">{t('leave.ui.impact.before')}</th>
              <th className="num">{t('leave.ui.impact.after')}</th>
            </tr>
          </thead>
          <tbody>
            {check.impact.coverage.map((c, i) => (
              <tr key={i} className={c.short ? 'impact-short' : undefined}>
                <td>{c.scope}</td>
                <td>{c.date}</td>
                <td>
                  {c.function ? t('common.withNote', { text: c.shiftName, note: t(`functions.${c.function}`) }) : c.shiftName}
                </td>
                <td className="num">{c.required}</td>
                <td className="num">{c.before}</td>
                <td className="num">{c.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
