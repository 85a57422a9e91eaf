import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeaveRequestView } from '../../../main/leave/contract.ts';
import { momentText } from '../shell/moment.ts';

const statusColor: Record<LeaveRequestView['status'], string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  cancelled: 'default',
};

/** A leave or overtime request's status, with who decided, when and why. */
export function DecisionStatus({
  request: r,
}: {
  request: Pick<LeaveRequestView, 'status' | 'decidedAt' | 'decidedBy' | 'decisionReason'>;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <Tag color={statusColor[r.status]}>{t(`leave.statuses.${r.status}`)}</Tag>
      {r.decidedAt && (
        <div className="muted">
          {r.decidedBy} · {momentText(r.decidedAt, false)}
          {r.decisionReason && <div>{r.decisionReason}</div>}
        </div>
      )}
    </div>
  );
}
