import { useState } from 'react';
import { Modal, Steps, Upload, Table, Select, Alert, Button, Space, Typography, Tag, App } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FilePayload } from '../../../main/ipc/fields.ts';
import type { ErrorDetail } from '../../../main/ipc/contract-kit.ts';
import type { ImportPreview } from '../../../main/people/contract.ts';
import { importFields, type ImportField } from '../../../main/people/vocabulary.ts';
import { useApiMutation } from '../api/hooks.ts';
import { ApiError } from '../api/client.ts';
import { readPickedFile } from '../files/files.ts';

type Mapping = Array<ImportField | null>;

/** One problem as the user reads it: "入职日期：应为有效日期…". */
function problemText(t: (k: string) => string, p: ErrorDetail): string {
  const key = `fields.${p.path}`;
  const label = t(key) === key ? '' : `${t(key)}：`;
  return `${label}${p.message}`;
}

/**
 * Import people from CSV (UTF-8 or GBK) or XLSX: choose a file, check the column mapping, read
 * the preview with every row's problems, then import all rows or none.
 */
export function ImportWizard({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<FilePayload | null>(null);
  const [mapping, setMapping] = useState<Mapping>([]);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [commitProblems, setCommitProblems] = useState<ErrorDetail[]>([]);
  const check = useApiMutation('people', 'importPreview', { invalidates: [], silentErrors: true });
  const commit = useApiMutation('people', 'importCommit', { invalidates: ['people', 'system'], silentErrors: true });

  const runPreview = async (payload: FilePayload, withMapping?: Mapping) => {
    setFailure(null);
    try {
      const result = await check.mutateAsync({ file: payload, mapping: withMapping });
      setPreview(result);
      setMapping(result.mapping);
      return result;
    } catch (error) {
      setFailure((error as Error).message);
      return null;
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
    try {
      const done = await commit.mutateAsync({ file, mapping });
      void message.success(t('import.done', { count: done.created }));
      onClose();
    } catch (error) {
      setFailure((error as Error).message);
      if (error instanceof ApiError) setCommitProblems(error.details);
    }
  };

  const fieldOptions = [{ value: '', label: t('import.ignore') }, ...importFields.map((f) => ({ value: f, label: t(`fields.${f}`) }))];
  const problemRows = preview?.rows.filter((r) => r.problems.length > 0) ?? [];
  const ready = preview !== null && preview.mappingProblems.length === 0 && preview.problemCount === 0;

  return (
    <Modal
      open
      width={880}
      title={t('import.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('common.back')}</Button>}
          {step === 1 && (
            <Button
              type="primary"
              loading={check.isPending}
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
          {step === 2 && (
            <Button type="primary" disabled={!ready} loading={commit.isPending} onClick={doCommit} data-testid="import-commit">
              {t('import.commit', { count: preview?.rowCount ?? 0 })}
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
              {t('import.fileHint')}
            </p>
          </Upload.Dragger>
        </div>
      )}

      {step === 1 && preview && (
        <>
          <Typography.Paragraph type="secondary">
            {file?.fileName} · {t('import.encoding')}：{preview.encoding} · {t('import.rowsFound', { count: preview.rowCount })}
          </Typography.Paragraph>
          {preview.mappingProblems.map((p) => (
            <Alert key={p} type="warning" showIcon message={p} style={{ marginBottom: 8 }} />
          ))}
          <Table
            size="small"
            pagination={false}
            rowKey="index"
            scroll={{ y: 360 }}
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
                    onChange={(value: string) =>
                      setMapping((m) => m.map((f, i) => (i === row.index ? ((value || null) as ImportField | null) : f)))
                    }
                  />
                ),
              },
            ]}
          />
        </>
      )}

      {step === 2 && preview && (
        <>
          <Typography.Paragraph type="secondary">
            {file?.fileName} · {t('import.encoding')}：{preview.encoding} · {t('import.rowsFound', { count: preview.rowCount })}
          </Typography.Paragraph>
          {preview.newGroups.length > 0 && (
            <Alert
              type="info"
              showIcon
              message={t('import.newGroups', { names: preview.newGroups.join('、') })}
              style={{ marginBottom: 8 }}
            />
          )}
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
          <Table
            data-testid="import-preview"
            size="small"
            rowKey="row"
            virtual
            pagination={false}
            scroll={{ y: 340 }}
            dataSource={problemRows.length > 0 ? problemRows : preview.rows}
            columns={[
              { title: t('import.rowNo'), dataIndex: 'row', width: 70, className: 'banzu-numeric' },
              { title: t('fields.employeeNo'), dataIndex: 'employeeNo', width: 100 },
              { title: t('fields.name'), dataIndex: 'name', width: 90 },
              { title: t('fields.group'), dataIndex: 'group', width: 80 },
              { title: t('fields.role'), dataIndex: 'role', width: 70 },
              {
                title: t('import.problems'),
                render: (_v, r) =>
                  r.problems.length === 0 ? (
                    <Tag color="green">{t('import.ok')}</Tag>
                  ) : (
                    <div>
                      {r.problems.map((p, i) => (
                        <div key={i}>
                          <Typography.Text type="danger">{problemText(t, p)}</Typography.Text>
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
                  {problemText(t, p)}
                </div>
              ))}
            />
          )}
        </>
      )}
    </Modal>
  );
}
