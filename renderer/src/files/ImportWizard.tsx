import { useState, type ReactNode } from 'react';
import { Modal, Steps, Upload, Table, Select, Alert, Button, Space, Typography, Tag, App } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FilePayload } from '../../../main/ipc/fields.ts';
import type { ErrorDetail } from '../../../main/ipc/contract-kit.ts';
import { ApiError } from '../api/client.ts';
import { readPickedFile } from './files.ts';

/** What every import preview channel answers (people, indicator statistics, …). */
export interface ImportPreviewShape<F extends string, R extends { row: number; problems: ErrorDetail[] }> {
  encoding: string;
  headers: string[];
  mapping: Array<F | null>;
  samples: string[][];
  rowCount: number;
  mappingProblems: string[];
  rows: R[];
  problemCount: number;
}

export interface ImportWizardProps<
  F extends string,
  R extends { row: number; problems: ErrorDetail[] },
  P extends ImportPreviewShape<F, R>,
> {
  title: string;
  /** What the file should look like, under the drop area. */
  hint: ReactNode;
  /** The fields a column can feed; they may depend on the file (e.g. a template's indicators). */
  fields: (preview: P | null) => Array<{ value: F; label: string }>;
  /** The label of a problem's field ("入职日期"), or '' when it has none. */
  fieldLabel: (path: string, preview: P | null) => string;
  preview: (file: FilePayload, mapping?: Array<F | null>) => Promise<P>;
  /** Imports the file; answers the message to show on success. */
  commit: (file: FilePayload, mapping: Array<F | null>) => Promise<string>;
  /** Columns of the preview table before the problems column. */
  columns: (preview: P) => ColumnsType<R>;
  /** Notes above the preview (e.g. groups that will be created). */
  notices?: (preview: P) => ReactNode;
  commitLabel: (preview: P) => string;
  onClose: () => void;
}

/**
 * An all-or-nothing import from CSV (UTF-8 or GBK) or XLSX: choose a file, check the column
 * mapping, read the preview with every row's problems, then import all rows or none.
 */
export function ImportWizard<F extends string, R extends { row: number; problems: ErrorDetail[] }, P extends ImportPreviewShape<F, R>>(
  props: ImportWizardProps<F, R, P>,
) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<FilePayload | null>(null);
  const [mapping, setMapping] = useState<Array<F | null>>([]);
  const [preview, setPreview] = useState<P | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [commitProblems, setCommitProblems] = useState<ErrorDetail[]>([]);
  const [busy, setBusy] = useState(false);

  const problemText = (p: ErrorDetail) => {
    const label = props.fieldLabel(p.path, preview);
    return label ? t('common.labelled', { label, value: p.message }) : p.message;
  };

  const runPreview = async (payload: FilePayload, withMapping?: Array<F | null>) => {
    setFailure(null);
    setBusy(true);
    try {
      const result = await props.preview(payload, withMapping);
      setPreview(result);
      setMapping(result.mapping);
      return result;
    } catch (error) {
      setFailure((error as Error).message);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const pick = async (picked: File) => {
    const payload = await readPickedFile(picked);
    setFile(payload);
    setCommitProblems([]);
    const result = await runPreview(payload);
    if (result) setStep(result.mappingProblems.length > 0 ? 1 : 2);
    return false;
  };

  const doCommit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      void message.success(await props.commit(file, mapping));
      props.onClose();
    } catch (error) {
      setFailure((error as Error).message);
      if (error instanceof ApiError) setCommitProblems(error.details);
    } finally {
      setBusy(false);
    }
  };

  const fieldOptions = [{ value: '', label: t('import.ignore') }, ...props.fields(preview)];
  const problemRows = preview?.rows.filter((r) => r.problems.length > 0) ?? [];
  const ready = preview !== null && preview.mappingProblems.length === 0 && preview.problemCount === 0;
  const fileLine = preview && (
    <Typography.Paragraph type="secondary">
      {file?.fileName} · {t('common.labelled', { label: t('import.encoding'), value: preview.encoding })} · {t('import.rowsFound', { count: preview.rowCount })}
    </Typography.Paragraph>
  );

  return (
    <Modal
      open
      width={880}
      title={props.title}
      onCancel={props.onClose}
      destroyOnHidden
      footer={
        <Space>
          {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('common.back')}</Button>}
          {step === 1 && (
            <Button
              type="primary"
              loading={busy}
              onClick={async () => file && (await runPreview(file, mapping))?.mappingProblems.length === 0 && setStep(2)}
            >
              {t('common.next')}
            </Button>
          )}
          {step === 2 && (
            <Upload accept=".csv,.xlsx,.txt" showUploadList={false} beforeUpload={pick}>
              <Button data-testid="import-choose-again">{t('import.chooseAgain')}</Button>
            </Upload>
          )}
          {step === 2 && preview && (
            <Button type="primary" disabled={!ready} loading={busy} onClick={doCommit} data-testid="import-commit">
              {props.commitLabel(preview)}
            </Button>
          )}
        </Space>
      }
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: t('import.stepFile') }, { title: t('import.stepMapping') }, { title: t('import.stepPreview') }]}
      />
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} data-testid="import-failure" />}

      {step === 0 && (
        <div data-testid="import-file">
          <Upload.Dragger accept=".csv,.xlsx,.txt" showUploadList={false} beforeUpload={pick}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.chooseFile')}</p>
            <p className="ant-upload-hint" style={{ padding: '0 24px' }}>
              {props.hint}
            </p>
          </Upload.Dragger>
        </div>
      )}

      {step === 1 && preview && (
        <>
          {fileLine}
          {preview.mappingProblems.map((p) => (
            <Alert key={p} type="warning" showIcon message={p} style={{ marginBottom: 8 }} />
          ))}
          <Table
            size="small"
            pagination={false}
            rowKey="index"
            scroll={{ y: 360 }}
            data-testid="import-mapping"
            dataSource={preview.headers.map((header, index) => ({
              index,
              header,
              sample: preview.samples
                .map((s) => s[index] ?? '')
                .filter(Boolean)
                .join(' / '),
            }))}
            columns={[
              { title: t('import.column'), dataIndex: 'header', width: 180 },
              { title: t('import.sample'), dataIndex: 'sample', ellipsis: true },
              {
                title: t('import.field'),
                width: 220,
                render: (_v, row) => (
                  <Select
                    style={{ width: 200 }}
                    value={mapping[row.index] ?? ''}
                    options={fieldOptions}
                    aria-label={`${row.header} ${t('import.field')}`}
                    onChange={(value: string) => setMapping((m) => m.map((f, i) => (i === row.index ? ((value || null) as F | null) : f)))}
                  />
                ),
              },
            ]}
          />
        </>
      )}

      {step === 2 && preview && (
        <>
          {fileLine}
          {props.notices?.(preview)}
          <Alert
            data-testid="import-summary"
            type={ready ? 'success' : 'error'}
            showIcon
            style={{ marginBottom: 8 }}
            message={
              ready
                ? t('import.summaryOk', { count: preview.rowCount })
                : t('import.summaryBad', { bad: preview.problemCount, count: preview.rowCount })
            }
          />
          <Table<R>
            data-testid="import-preview"
            size="small"
            rowKey="row"
            virtual
            pagination={false}
            scroll={{ y: 340 }}
            dataSource={problemRows.length > 0 ? problemRows : preview.rows}
            columns={[
              { title: t('import.rowNo'), dataIndex: 'row', width: 70, className: 'banzu-numeric' },
              ...props.columns(preview),
              {
                title: t('import.problems'),
                render: (_v, r) =>
                  r.problems.length === 0 ? (
                    <Tag color="green">{t('import.ok')}</Tag>
                  ) : (
                    <div>
                      {r.problems.map((p, i) => (
                        <div key={i}>
                          <Typography.Text type="danger">{problemText(p)}</Typography.Text>
                        </div>
                      ))}
                    </div>
                  ),
              },
            ]}
          />
          {commitProblems.length > 0 && (
            <Alert
              type="error"
              style={{ marginTop: 8 }}
              message={commitProblems.slice(0, 20).map((p, i) => (
                <div key={i}>
                  {p.row ? `${t('import.rowAt', { row: p.row })} ` : ''}
                  {problemText(p)}
                </div>
              ))}
            />
          )}
        </>
      )}
    </Modal>
  );
}
