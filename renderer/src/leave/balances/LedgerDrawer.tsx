import { Alert, Button, Drawer, Form, Input, InputNumber, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { showErrorsOnForm } from '../../api/form-errors.ts';

/** One person's year: every kind of leave with the numbers and the lines that explain them (LEV-1…4). */
export function LedgerDrawer(props: { personId: number; name: string; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const ledger = useApi('leave', 'ledger', { personId: props.personId, year: props.year });
  const adjust = useApiMutation('leave', 'adjust', { invalidates: ['leave'], silentErrors: true });
  const [form] = Form.useForm<{ leaveTypeId: number; days: number; reason: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const adjustable = (ledger.data ?? []).filter((b) => b.remaining !== null);
  return (
    <Drawer
      open
      width={520}
      title={t('leave.ui.ledgerTitle', { name: props.name, year: props.year })}
      onClose={props.onClose}
      destroyOnHidden
    >
      {ledger.isPending && <Spin />}
      {(ledger.data ?? []).map((b) => (
        <div key={b.leaveTypeId} className="ledger-card" data-testid={`ledger-${b.code}`}>
          <Typography.Text strong>{b.label}</Typography.Text>
          <span className="muted"> · {t(`leave.entitlements.${b.entitlement}`)}</span>
          <div className="ledger-figures">
            {b.entitled !== null && <span>{t('leave.ui.figures.entitled', { days: b.entitled })}</span>}
            {b.adjusted !== 0 && <span>{t('leave.ui.figures.adjusted', { days: b.adjusted })}</span>}
            <span>{t('leave.ui.figures.taken', { days: b.taken })}</span>
            {b.pending > 0 && <span>{t('leave.ui.figures.pending', { days: b.pending })}</span>}
            {b.remaining !== null && <b>{t('leave.ui.figures.remaining', { days: b.remaining })}</b>}
          </div>
          {b.lines.map((line, i) => (
            <div key={i} className="ledger-line">
              <span>{line.text}</span>
              {line.days !== 0 && <span>{line.days > 0 ? `+${line.days}` : line.days}</span>}
            </div>
          ))}
        </div>
      ))}
      {adjustable.length > 0 && (
        <>
          <Typography.Title level={5}>{t('leave.ui.adjustTitle')}</Typography.Title>
          <Form
            form={form}
            layout="inline"
            onFinish={async (v) => {
              setFailure(null);
              try {
                await adjust.mutateAsync({ personId: props.personId, year: props.year, ...v });
                form.resetFields();
              } catch (error) {
                if (!showErrorsOnForm(form, error)) setFailure((error as Error).message);
              }
            }}
          >
            <Space wrap>
              <Form.Item name="leaveTypeId" rules={[{ required: true, message: t('validation.required') }]}>
                <Select
                  style={{ width: 110 }}
                  placeholder={t('leave.ui.type')}
                  options={adjustable.map((b) => ({ value: b.leaveTypeId, label: b.label }))}
                />
              </Form.Item>
              <Form.Item name="days" rules={[{ required: true, message: t('validation.required') }]}>
                <InputNumber step={0.5} style={{ width: 90 }} placeholder={t('leave.ui.days')} />
              </Form.Item>
              <Form.Item name="reason" rules={[{ required: true, message: t('validation.required') }]}>
                <Input style={{ width: 160 }} maxLength={200} placeholder={t('fields.reason')} />
              </Form.Item>
              <Button htmlType="submit" loading={adjust.isPending}>
                {t('leave.ui.adjust')}
              </Button>
            </Space>
          </Form>
          <div className="muted" style={{ marginTop: 6 }}>
            {t('leave.ui.adjustHint')}
          </div>
          {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 8 }} />}
        </>
      )}
    </Drawer>
  );
}
