import { useMemo, useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Tooltip, Typography, Upload } from 'antd';
import { ExportOutlined, ImportOutlined, WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { FilePayload } from '../../../../main/ipc/fields.ts';
import type { handoverCell } from '../../../../main/roster/contract.ts';
import type { Out } from '../../api/client.ts';
import { ApiError } from '../../api/client.ts';
import { useApiMutation } from '../../api/hooks.ts';
import { readPickedFile, saveFile } from '../../files/files.ts';
import './planning.css';
import { momentText } from '../../shell/moment.ts';

type Cell = z.infer<typeof handoverCell>;
type Preview = Out<'roster', 'previewHandover'>;

/** The row of a cell in the table; the apply channel names cells "personId:date". */
const rowKey = (c: Cell) => `${c.employeeNo}:${c.date}`;

function CellValue({ value }: { value: string | null }) {
  const { t } = useTranslation();
  if (value === null) return <Typography.Text type="secondary">{t('roster.handover.empty')}</Typography.Text>;
  return <span className="handover-code">{value === 'rest' ? t('roster.handover.rest') : value}</span>;
}

/**
 * The diff of a hand-over file against the roster here (ROS-8), cell by cell: who, which day,
 * the last exchange → the file, against what is here now; conflicts highlighted. Accept all, or
 * tick cells and accept those; nothing is written before that.
 */
function HandoverDialog({ file, preview, onClose }: { file: FilePayload; preview: Preview; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const selectable = useMemo(() => preview.cells.filter((c) => c.personId !== null), [preview.cells]);
  // Clean changes start ticked; a conflict is only taken when ticked on purpose.
  const [selected, setSelected] = useState<string[]>(() => selectable.filter((c) => !c.conflict).map(rowKey));
  const [failure, setFailure] = useState<ApiError | null>(null);
  const apply = useApiMutation('roster', 'applyHandover', { invalidates: ['roster'], silentErrors: true });
  const unknown = preview.cells.length - selectable.length;
  const conflicts = preview.cells.filter((c) => c.conflict).length;

  const run = async (accept: 'all' | string[]) => {
    setFailure(null);
    try {
      const done = await apply.mutateAsync({ file, accept });
      void message.success(t('roster.handover.applied', { count: done.changed }));
      onClose();
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError({ code: 'IO', message: String(error) }));
    }
  };

  return (
    <Modal
      open
      width={860}
      title={t('roster.handover.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            disabled={selected.length === 0}
            loading={apply.isPending}
            onClick={() => run(selectable.filter((c) => selected.includes(rowKey(c))).map((c) => `${c.personId}:${c.date}`))}
            data-testid="handover-accept-selected"
          >
            {t('roster.handover.acceptSelected', { count: selected.length })}
          </Button>
          <Button
            type="primary"
            disabled={preview.cells.length === 0 || unknown > 0}
            loading={apply.isPending}
            onClick={() => run('all')}
            data-testid="handover-accept-all"
          >
            {t('roster.handover.acceptAll')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" data-testid="handover-from">
        {t('roster.handover.from', {
          group: preview.groupName,
          month: preview.month,
          name: preview.exportedBy,
          at: momentText(preview.exportedAt),
        })}
      </Typography.Paragraph>
      <Alert
        type={preview.cells.length === 0 ? 'success' : conflicts > 0 ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 8 }}
        data-testid="handover-summary"
        message={
          preview.cells.length === 0
            ? t('roster.handover.noChanges')
            : t('roster.handover.summary', { count: preview.cells.length, conflicts })
        }
      />
      {failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="handover-failure"
          message={failure.message}
          description={failure.details.length > 1 ? failure.details.slice(0, 10).map((d, i) => <div key={i}>{d.message}</div>) : undefined}
        />
      )}
      {preview.cells.length > 0 && (
        <Table<Cell>
          size="small"
          data-testid="handover-diff"
          rowKey={rowKey}
          pagination={false}
          scroll={{ y: 380 }}
          dataSource={preview.cells}
          rowClassName={(c) => (c.conflict ? 'handover-conflict' : c.personId === null ? 'handover-unknown' : '')}
          rowSelection={{
            selectedRowKeys: selected,
            getCheckboxProps: (c) => ({ disabled: c.personId === null, 'aria-label': `${c.name} ${c.date}` }),
            onChange: (_keys, rows) => setSelected(rows.filter((c) => c.personId !== null).map(rowKey)),
          }}
          columns={[
            {
              title: t('roster.handover.person'),
              render: (_v, c) => (
                <span>
                  {c.name} <Typography.Text type="secondary">{c.employeeNo}</Typography.Text>
                  {c.personId === null && (
                    <Typography.Text type="danger" style={{ marginInlineStart: 6 }}>
                      {t('roster.handover.unknown')}
                    </Typography.Text>
                  )}
                </span>
              ),
            },
            { title: t('roster.handover.date'), dataIndex: 'date', width: 110, className: 'banzu-numeric' },
            {
              title: `${t('roster.handover.base')} → ${t('roster.handover.file')}`,
              width: 170,
              render: (_v, c) => (
                <span>
                  <CellValue value={c.base} /> → <b>{<CellValue value={c.file} />}</b>
                </span>
              ),
            },
            { title: t('roster.handover.current'), width: 100, render: (_v, c) => <CellValue value={c.current} /> },
            {
              title: t('roster.handover.change'),
              width: 120,
              render: (_v, c) => (
                <Space size={4}>
                  <span className={`pill ${c.change === 'removed' ? 'pill-grey' : c.change === 'added' ? 'pill-green' : 'pill-blue'}`}>
                    {t(`roster.handover.changes.${c.change}`)}
                  </span>
                  {c.conflict && (
                    <Tooltip title={t('roster.handover.conflictHelp')}>
                      <Typography.Text type="danger" data-testid="handover-conflict">
                        <WarningFilled /> {t('roster.handover.conflict')}
                      </Typography.Text>
                    </Tooltip>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Modal>
  );
}

/** Export the group's month as a hand-over file, or import one and review it (ROS-8). */
export function HandoverButtons({ month, groupId }: { month: string; groupId: number | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState<{ file: FilePayload; preview: Preview } | null>(null);
  const exportFile = useApiMutation('roster', 'exportHandover', {
    invalidates: ['roster'],
    onSuccess: (file) => {
      saveFile(file);
      void message.success(t('roster.handover.exported'));
    },
  });
  const preview = useApiMutation('roster', 'previewHandover', { invalidates: [] });

  const pick = async (picked: File) => {
    const file = await readPickedFile(picked);
    const result = await preview.mutateAsync({ file }).catch(() => null);
    if (result) setOpen({ file, preview: result });
    return false;
  };

  return (
    <Space size={8}>
      <Tooltip title={groupId === null ? t('roster.handover.pickGroup') : undefined}>
        <Button
          icon={<ExportOutlined />}
          disabled={groupId === null}
          loading={exportFile.isPending}
          onClick={() => groupId !== null && exportFile.mutate({ month, groupId })}
          data-testid="handover-export"
        >
          {t('roster.handover.export')}
        </Button>
      </Tooltip>
      <Upload accept=".json" showUploadList={false} beforeUpload={pick}>
        <Button icon={<ImportOutlined />} loading={preview.isPending} data-testid="handover-import">
          {t('roster.handover.import')}
        </Button>
      </Upload>
      {open && <HandoverDialog file={open.file} preview={open.preview} onClose={() => setOpen(null)} />}
    </Space>
  );
}
