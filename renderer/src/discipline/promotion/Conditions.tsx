import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { EligibilityView } from '../../../../main/discipline/contract.ts';

const icons = {
  met: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  unmet: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  exception: <ExclamationCircleFilled style={{ color: '#faad14' }} />,
};

/** PRO-5: each condition met or not, why, and the records behind it (voided ones struck, not counted). */
export function Conditions({ eligibility }: { eligibility: EligibilityView }) {
  const { t } = useTranslation();
  return (
    <div data-testid="promotion-conditions">
      {eligibility.conditions.map((c) => (
        <div key={c.key} className={`dis-condition dis-condition-${c.state}`} data-testid={`condition-${c.key}`}>
          <div className="dis-condition-head">
            {icons[c.state]}
            <b>{t(`discipline.ui.promotion.conditions.${c.key}`)}</b>
            <span className="dis-muted">{c.ruleId}</span>
          </div>
          <div>{c.message}</div>
          {c.records.length > 0 && (
            <ul className="dis-records">
              {c.records.map((r, i) => (
                <li key={`${r.kind}-${r.id ?? i}`} className={r.counts ? undefined : 'not-counted'}>
                  {r.date} {r.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}
