import { useState } from 'react';
import { Alert, Button, Input, Modal, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeaveRequestView } from '../../../../main/leave/contract.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { ImpactView } from './ImpactView.tsx';
import { periodText } from './format.ts';

/** LEV-5: approve knowing what the leave does to coverage (ROS-1), or reject with a reason. */
export function DecisionDialog({ request, onClose }: { request: LeaveRequestView; onClose: () => void }) {
  const { t } = useTranslation();
  const impact = useApi('leave', 'impact', { id: request.id });
  const decide = useApiMutation('leave', 'decide', { invalidates: ['leave', 'roster', 'attendance'], silentErrors: true });
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (approve: boolean) => {
    setFailure(null);
    try {
      await decide.mutateAsync({ id: request.id, approve, reason: reason.trim() || null });
      onClose();
    } catch (error) {
      setFailure((error as Error).message);
    }
  };
  const short = (impact.data?.impact.warnings.length ?? 0) > 0;
  return (
    <Modal
      open
      width={720}
      title={t('leave.ui.decideTitle', { name: request.personName, type: request.leaveLabel })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button danger loading={decide.isPending} onClick={() => run(false)} data-testid="leave-reject">
            {t('leave.ui.reject')}
          </Button>
          <Button type="primary" danger={short} loading={decide.isPending} onClick={() => run(true)} data-testid="leave-approve">
            {short ? t('leave.ui.approveAnyway') : t('leave.ui.approve')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>
        {periodText(t, request)} · {t('leave.ui.daysValue', { days: request.days })}
        {request.reason && <span className="muted"> · {request.reason}</span>}
        {request.evidence && (
          <span className="muted">
            {' '}
            · {t('leave.ui.labelled', { label: t('leave.ui.evidence'), value: request.evidence })}
          </span>
        )}
      </Typography.Paragraph>
      {impact.isPending ? <Spin size="small" /> : impact.data ? <ImpactView check={impact.data} /> : null}
      <Input.TextArea
        style={{ marginTop: 12 }}
        rows={2}
        maxLength={200}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('leave.ui.decisionReason')}
        aria-label={t('leave.ui.decisionReason')}
      />
      {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 8 }} />}
    </Modal>
  );
}
