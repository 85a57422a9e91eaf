import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Anomaly } from '../../../../main/attendance/contract.ts';
import { resolutionsOf } from '../../../../main/attendance/vocabulary.ts';
import { useApiMutation } from '../../api/hooks.ts';
import { showErrorsOnForm } from '../../api/form-errors.ts';

/** What the dialog reads of an anomaly; the shift's start and end are "YYYY-MM-DD HH:mm". */
export type Resolvable = Pick<Anomaly, 'personId' | 'name' | 'date' | 'kind' | 'missing' | 'message'> & {
  shift: { start: string; end: string } | null;
};

/** The time a forgotten punch most likely had: the shift's start or end (a night shift ends the next morning). */
function suggestedTime(anomaly: Pick<Resolvable, 'date' | 'missing' | 'shift'>): string {
  if (!anomaly.shift) return `${anomaly.date} `;
  return anomaly.missing === 'in' ? anomaly.shift.start : anomaly.shift.end;
}

/**
 * ATT-7: the supervisor resolves an anomaly, never the app: a missing punch is corrected (the
 * punch is added with the reason) or counted as absence; rest-day punches without approved
 * overtime are not overtime, or are counted as overtime (OT-1).
 */
export function ResolveDialog({ anomaly, onClose }: { anomaly: Resolvable; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ resolution: string; at: string; note: string }>();
  const resolution = Form.useWatch('resolution', form);
  const resolve = useApiMutation('attendance', 'resolve', { invalidates: ['attendance'], silentErrors: true });
  const [failure, setFailure] = useState<string | null>(null);
  const missing = anomaly.kind === 'missing-punch';
  return (
    <Modal
      open
      title={t('attendance.ui.resolveTitle', { name: anomaly.name, date: anomaly.date })}
      okText={t('attendance.ui.resolveOk')}
      confirmLoading={resolve.isPending}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        setFailure(null);
        try {
          await resolve.mutateAsync({
            personId: anomaly.personId,
            date: anomaly.date,
            kind: anomaly.kind,
            resolution: v.resolution as 'corrected',
            at: v.resolution === 'corrected' ? v.at : null,
            note: v.note,
          });
          onClose();
        } catch (error) {
          if (!showErrorsOnForm(form, error)) setFailure((error as Error).message);
        }
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>{anomaly.message}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ resolution: missing ? 'corrected' : 'ignored', at: missing ? suggestedTime(anomaly) : '' }}
        requiredMark="optional"
      >
        <Form.Item name="resolution" label={t('attendance.ui.resolution')}>
          <Radio.Group
            optionType="button"
            options={resolutionsOf[anomaly.kind].map((r) => ({
              value: r,
              label: t(`attendance.resolutions.${r}`),
            }))}
          />
        </Form.Item>
        {resolution === 'corrected' && (
          <Form.Item
            name="at"
            label={t('attendance.ui.missingPunchTime', { which: t(`attendance.ui.which.${anomaly.missing ?? 'out'}`) })}
            rules={[{ required: true, message: t('validation.required') }]}
            extra={t('attendance.ui.timeFormat')}
          >
            <Input data-testid="resolve-at" />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={t('attendance.ui.resolveNote')}
          rules={[{ required: true, whitespace: true, message: t('attendance.ui.noteRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={200} placeholder={t('attendance.ui.notePlaceholder')} data-testid="resolve-note" />
        </Form.Item>
      </Form>
      {resolution === 'absence' && (
        <Alert type="warning" showIcon message={t('attendance.ui.absenceWarning')} style={{ marginBottom: 8 }} />
      )}
      {failure && <Alert type="error" showIcon message={failure} />}
    </Modal>
  );
}
