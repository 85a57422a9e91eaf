import { useMemo, useState } from 'react';
import { Alert, App, Button, InputNumber, Modal, Popconfirm, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CoverageRow, ShiftType } from '../../../../main/roster/contract.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';

const keyOf = (r: Pick<CoverageRow, 'shiftTypeId' | 'weekday' | 'onDate' | 'function'>) =>
  `${r.shiftTypeId}|${r.weekday ?? ''}|${r.onDate ?? ''}|${r.function ?? ''}`;

/**
 * The coverage rows proposed from demand, for review: the requirement in force now beside the
 * proposal, which the user may lower or raise before saving. Saving replaces the matching rows
 * (same shift, day and no function) and keeps every other requirement of the scope.
 */
export function CoverageProposal(props: { groupId: number | null; scopeName: string; rows: CoverageRow[]; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [rows, setRows] = useState(props.rows);
  const existing = useApi('roster', 'coverage', { groupId: props.groupId });
  const shiftTypes = useApi('roster', 'shiftTypes', {});
  const save = useApiMutation('roster', 'saveCoverage', { invalidates: ['roster'] });
  const shifts = useMemo(() => new Map((shiftTypes.data ?? []).map((s) => [s.id, s])), [shiftTypes.data]);
  const current = useMemo(() => new Map((existing.data ?? []).map((r) => [keyOf(r), r.minPeople])), [existing.data]);

  const doSave = async () => {
    const proposed = new Set(rows.map(keyOf));
    const kept = (existing.data ?? []).filter((r) => !proposed.has(keyOf(r))).map(({ id: _id, ...r }) => r);
    await save.mutateAsync({ groupId: props.groupId, rows: [...kept, ...rows] });
    void message.success(t('roster.staffing.coverageSaved', { count: rows.length }));
    props.onClose();
  };

  const shiftLabel = (s: ShiftType | undefined, id: number) => (s ? `${s.code} ${s.name}` : `#${id}`);
  return (
    <Modal
      open
      width={720}
      title={t('roster.staffing.proposalTitle', { scope: props.scopeName })}
      onCancel={props.onClose}
      footer={[
        <Button key="cancel" onClick={props.onClose}>
          {t('common.cancel')}
        </Button>,
        <Popconfirm
          key="save"
          title={t('roster.staffing.saveCoverageConfirm', { scope: props.scopeName })}
          onConfirm={doSave}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
        >
          <Button type="primary" loading={save.isPending} disabled={existing.isPending || rows.length === 0} data-testid="coverage-save">
            {t('roster.staffing.saveCoverage')}
          </Button>
        </Popconfirm>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('roster.staffing.proposeHelp')}</Typography.Paragraph>
      {rows.length === 0 && <Alert type="warning" showIcon message={t('roster.staffing.noShiftTypes')} />}
      {existing.error && <Alert type="error" showIcon message={existing.error.message} style={{ marginBottom: 8 }} />}
      <Table
        size="small"
        data-testid="coverage-proposal"
        rowKey={keyOf}
        pagination={false}
        scroll={{ y: 380 }}
        dataSource={rows}
        columns={[
          {
            title: t('roster.staffing.shift'),
            render: (_v, r) => {
              const s = shifts.get(r.shiftTypeId);
              return (
                <span>
                  <i className="staffing-swatch" style={{ background: s?.color ?? '#ccc' }} />
                  {shiftLabel(s, r.shiftTypeId)}
                </span>
              );
            },
          },
          {
            title: t('roster.staffing.dayOrDate'),
            render: (_v, r) => r.onDate ?? t(`roster.staffing.weekdays.${r.weekday}`),
          },
          {
            title: t('roster.handover.current'),
            className: 'banzu-numeric',
            width: 110,
            render: (_v, r) => current.get(keyOf(r)) ?? '—',
          },
          {
            title: t('roster.staffing.minPeople'),
            width: 130,
            render: (_v, r) => (
              <InputNumber
                size="small"
                min={0}
                max={999}
                precision={0}
                aria-label={`${shiftLabel(shifts.get(r.shiftTypeId), r.shiftTypeId)} ${r.onDate ?? t(`roster.staffing.weekdays.${r.weekday}`)}`}
                value={r.minPeople}
                onChange={(v) => setRows((all) => all.map((x) => (keyOf(x) === keyOf(r) ? { ...x, minPeople: Math.max(0, v ?? 0) } : x)))}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}
