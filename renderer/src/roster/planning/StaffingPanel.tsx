import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  InputNumber,
  Row,
  Segmented,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import { CalculatorOutlined, QuestionCircleOutlined, UploadOutlined, AppstoreAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CoverageRow, StaffingParams, demandInterval, staffingInterval } from '../../../../main/roster/contract.ts';
import type { ErrorDetail } from '../../../../main/ipc/contract-kit.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { ApiError } from '../../api/client.ts';
import { readPickedFile } from '../../files/files.ts';
import { ProfileEditor, profileDemand, profileStarts, type WeekdayProfile } from './ProfileEditor.tsx';
import { StaffingChart } from './StaffingChart.tsx';
import { CoverageProposal } from './CoverageProposal.tsx';
import { plannedPerInterval, dayKeyText, type DayKey } from './planned.ts';
import { clock, percent } from './format.ts';
import './planning.css';

type Demand = z.infer<typeof demandInterval>;
type Staffed = z.infer<typeof staffingInterval>;

const defaults: StaffingParams = {
  intervalMinutes: 30,
  handlingSeconds: 180,
  concurrency: 1,
  serviceLevelPercent: 80,
  serviceLevelSeconds: 20,
  maxOccupancyPercent: 85,
  shrinkagePercent: 30,
};

/** The commonest gap between consecutive starts of a day, when it is a usual interval length. */
function guessInterval(demand: Demand[]): number | null {
  const gaps = new Map<number, number>();
  for (let i = 1; i < demand.length; i++) {
    const a = demand[i - 1]!;
    const b = demand[i]!;
    if (a.date === b.date && a.weekday === b.weekday)
      gaps.set(b.startMinute - a.startMinute, (gaps.get(b.startMinute - a.startMinute) ?? 0) + 1);
  }
  const best = [...gaps.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
  return best !== undefined && best >= 5 && best <= 120 && 1440 % best === 0 ? best : null;
}

const keyOf = (d: Demand): DayKey =>
  d.date !== null ? { date: d.date, weekday: d.weekday ?? 0 } : { date: null, weekday: d.weekday ?? 0 };

function Help({ text }: { text: string }) {
  return (
    <Tooltip title={text}>
      <QuestionCircleOutlined style={{ color: 'rgba(0,0,0,0.45)', marginInlineStart: 4 }} />
    </Tooltip>
  );
}

/**
 * Staffing from demand (ROS-6): parameters, demand imported or typed as a weekday profile, agents
 * needed per interval by Erlang C against the people planned, and coverage rows proposed from it.
 */
export function StaffingPanel({ month, groupId }: { month: string; groupId: number | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<StaffingParams>();
  const settings = useApi('settings', 'list', {});
  const org = useApi('people', 'org', {});
  const [source, setSource] = useState<'import' | 'profile'>('import');
  const [imported, setImported] = useState<{ fileName: string; demand: Demand[] } | null>(null);
  const [importProblems, setImportProblems] = useState<{ message: string; details: ErrorDetail[] } | null>(null);
  const [profile, setProfile] = useState<WeekdayProfile>({});
  const [range, setRange] = useState<[number, number]>([8, 22]);
  const [result, setResult] = useState<{ params: StaffingParams; demand: Demand[]; intervals: Staffed[] } | null>(null);
  const [day, setDay] = useState<string | null>(null);
  const [proposal, setProposal] = useState<CoverageRow[] | null>(null);
  const intervalMinutes = Form.useWatch('intervalMinutes', form) ?? defaults.intervalMinutes;

  const importDemand = useApiMutation('roster', 'importDemand', { invalidates: [], silentErrors: true });
  const staffing = useApiMutation('roster', 'staffing', { invalidates: [] });
  const propose = useApiMutation('roster', 'coverageFromStaffing', { invalidates: [] });

  // The service target defaults to the department's setting (ROS-6).
  useEffect(() => {
    const value = (key: string) => settings.data?.find((s) => s.key === key)?.current.value;
    const percentSetting = value('roster.serviceLevelPercent');
    const secondsSetting = value('roster.serviceLevelSeconds');
    if (typeof percentSetting === 'number') form.setFieldValue('serviceLevelPercent', percentSetting);
    if (typeof secondsSetting === 'number') form.setFieldValue('serviceLevelSeconds', secondsSetting);
  }, [settings.data, form]);

  const days = useMemo(() => {
    const seen = new Map<string, DayKey>();
    for (const d of result?.intervals ?? []) seen.set(dayKeyText(keyOf(d)), keyOf(d));
    return [...seen.entries()];
  }, [result]);
  const selected = days.find(([k]) => k === day)?.[1] ?? days[0]?.[1] ?? null;
  const compareMonth = selected?.date ? selected.date.slice(0, 7) : month;
  const view = useApi('roster', 'month', { month: compareMonth, groupId }, { enabled: result !== null });

  const rows = useMemo(() => {
    if (!result || !selected) return [];
    const own = result.intervals.filter((d) => dayKeyText(keyOf(d)) === dayKeyText(selected));
    const planned = view.data
      ? plannedPerInterval(
          view.data,
          selected,
          own.map((d) => d.startMinute),
          result.params.intervalMinutes,
        )
      : null;
    return own.map((d, i) => ({ ...d, planned: planned ? planned[i]! : null }));
  }, [result, selected, view.data]);
  const hasPlanned = rows.some((r) => r.planned !== null && r.planned > 0);

  const pick = async (file: File) => {
    setImportProblems(null);
    try {
      const demand = await importDemand.mutateAsync({ file: await readPickedFile(file) });
      setImported({ fileName: file.name, demand });
      void message.success(t('roster.staffing.imported', { count: demand.length }));
      const guessed = guessInterval(demand);
      if (guessed && guessed !== form.getFieldValue('intervalMinutes')) {
        form.setFieldValue('intervalMinutes', guessed);
        void message.info(t('roster.staffing.intervalGuess', { minutes: guessed }));
      }
    } catch (error) {
      setImportProblems({ message: (error as Error).message, details: error instanceof ApiError ? error.details : [] });
    }
    return false;
  };

  const demand = (): Demand[] =>
    source === 'import' ? (imported?.demand ?? []) : profileDemand(profile, profileStarts(range[0], range[1], intervalMinutes));

  const calculate = async () => {
    const params = await form.validateFields();
    const input = demand();
    if (input.length === 0) {
      void message.warning(t('roster.staffing.empty'));
      return;
    }
    const intervals = await staffing.mutateAsync({ params, demand: input });
    setResult({ params, demand: input, intervals });
    setDay(null);
  };

  const proposeCoverage = async () => {
    if (!result) return;
    setProposal(await propose.mutateAsync({ params: result.params, demand: result.demand, groupId }));
  };

  const scopeName =
    groupId === null ? t('roster.staffing.wholeDepartment') : (org.data?.groups.find((g) => g.id === groupId)?.name ?? String(groupId));
  const dayLabel = (key: DayKey) =>
    key.date ? `${key.date} ${t(`roster.staffing.weekdays.${key.weekday}`)}` : t(`roster.staffing.weekdays.${key.weekday}`);
  const totalHours = (result?.intervals ?? []).reduce((sum, r) => sum + (r.scheduled * (result?.params.intervalMinutes ?? 0)) / 60, 0);

  return (
    <div className="staffing-panel" data-testid="staffing-panel">
      <Alert
        type="info"
        showIcon
        message={t('roster.staffing.abandonmentNote')}
        style={{ marginBottom: 12 }}
        data-testid="staffing-abandonment"
      />
      <Row gutter={12}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('roster.staffing.params')}>
            <Form form={form} layout="vertical" size="small" initialValues={defaults} requiredMark={false}>
              <Row gutter={8}>
                <Col span={12}>
                  <Form.Item name="intervalMinutes" label={t('roster.staffing.intervalMinutes')} rules={[{ required: true }]}>
                    <Select options={[15, 30, 60].map((m) => ({ value: m, label: m }))} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="handlingSeconds" label={t('roster.staffing.handlingSeconds')} rules={[{ required: true }]}>
                    <InputNumber min={1} max={36000} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name="concurrency"
                    label={
                      <span>
                        {t('roster.staffing.concurrency')}
                        <Help text={t('roster.staffing.concurrencyHelp')} />
                      </span>
                    }
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={1} max={20} step={1} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name="maxOccupancyPercent"
                    label={
                      <span>
                        {t('roster.staffing.maxOccupancyPercent')}
                        <Help text={t('roster.staffing.maxOccupancyHelp')} />
                      </span>
                    }
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={1} max={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="serviceLevelPercent" label={t('roster.staffing.serviceLevelPercent')} rules={[{ required: true }]}>
                    <InputNumber min={1} max={99.9} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="serviceLevelSeconds" label={t('roster.staffing.serviceLevelSeconds')} rules={[{ required: true }]}>
                    <InputNumber min={1} max={3600} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name="shrinkagePercent"
                    label={
                      <span>
                        {t('roster.staffing.shrinkagePercent')}
                        <Help text={t('roster.staffing.shrinkageHelp')} />
                      </span>
                    }
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={0} max={90} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
                {t('roster.staffing.concurrencyHelp')}
              </Typography.Paragraph>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card
            size="small"
            title={t('roster.staffing.demand')}
            extra={
              <Segmented
                size="small"
                value={source}
                onChange={(v) => setSource(v as 'import' | 'profile')}
                options={[
                  { value: 'import', label: t('roster.staffing.importDemand') },
                  { value: 'profile', label: t('roster.staffing.profileEditor') },
                ]}
              />
            }
          >
            {source === 'import' ? (
              <div data-testid="staffing-import">
                <Space wrap>
                  <Upload accept=".csv,.xlsx,.txt" showUploadList={false} beforeUpload={pick}>
                    <Button icon={<UploadOutlined />} loading={importDemand.isPending}>
                      {t('roster.staffing.importDemand')}
                    </Button>
                  </Upload>
                  {imported && (
                    <Typography.Text data-testid="staffing-imported">
                      {imported.fileName} · {t('roster.staffing.imported', { count: imported.demand.length })}
                    </Typography.Text>
                  )}
                </Space>
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  {t('roster.staffing.importHint')}
                </Typography.Paragraph>
                {importProblems && (
                  <Alert
                    type="error"
                    showIcon
                    style={{ marginTop: 8 }}
                    data-testid="staffing-import-failure"
                    message={importProblems.message}
                    description={
                      importProblems.details.length > 0 &&
                      importProblems.details.slice(0, 20).map((d, i) => (
                        <div key={i}>
                          {d.row ? `${t('import.rowAt', { row: d.row })} ` : ''}
                          {d.path && d.path !== 'file'
                            ? t('common.labelled', { label: t(`roster.staffing.columns.${d.path}`), value: d.message })
                            : d.message}
                        </div>
                      ))
                    }
                  />
                )}
              </div>
            ) : (
              <ProfileEditor profile={profile} onChange={setProfile} range={range} onRange={setRange} intervalMinutes={intervalMinutes} />
            )}
            <div style={{ marginTop: 12 }}>
              <Button
                type="primary"
                icon={<CalculatorOutlined />}
                onClick={calculate}
                loading={staffing.isPending}
                data-testid="staffing-calculate"
              >
                {t('roster.staffing.calculate')}
              </Button>
            </div>
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        style={{ marginTop: 12 }}
        title={t('roster.staffing.chartTitle')}
        extra={
          result && (
            <Space>
              <Select
                size="small"
                aria-label={t('roster.staffing.day')}
                data-testid="staffing-day"
                style={{ minWidth: 160 }}
                value={selected ? dayKeyText(selected) : undefined}
                onChange={setDay}
                options={days.map(([k, key]) => ({ value: k, label: dayLabel(key) }))}
              />
              <Button icon={<AppstoreAddOutlined />} onClick={proposeCoverage} loading={propose.isPending} data-testid="staffing-propose">
                {t('roster.staffing.propose')}
              </Button>
            </Space>
          )
        }
      >
        {!result ? (
          <Empty description={t('roster.staffing.empty')} />
        ) : (
          <>
            <StaffingChart points={rows} />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="staffing-planned-note">
              {!hasPlanned
                ? t('roster.staffing.noRoster')
                : selected?.date
                  ? t('roster.staffing.plannedNoteDate', { date: selected.date })
                  : t('roster.staffing.plannedNote', { month: compareMonth })}
              {' · '}
              {t('roster.staffing.totalAgentHours', { hours: Math.round(totalHours * 10) / 10 })}
            </Typography.Paragraph>
            <Table
              size="small"
              data-testid="staffing-table"
              rowKey="startMinute"
              pagination={false}
              scroll={{ y: 320 }}
              dataSource={rows}
              columns={[
                { title: t('roster.staffing.time'), dataIndex: 'startMinute', width: 80, render: (m: number) => clock(m) },
                { title: t('roster.staffing.contacts'), dataIndex: 'contacts', className: 'banzu-numeric' },
                { title: t('roster.staffing.agents'), dataIndex: 'agents', className: 'banzu-numeric' },
                { title: t('roster.staffing.scheduledShort'), dataIndex: 'scheduled', className: 'banzu-numeric' },
                {
                  title: t('roster.staffing.planned'),
                  className: 'banzu-numeric',
                  render: (_v, r) =>
                    r.planned === null ? (
                      '—'
                    ) : r.planned < r.scheduled ? (
                      <Typography.Text type="danger">
                        {t('common.withNote', { text: r.planned, note: t('roster.staffing.shortBy', { count: r.scheduled - r.planned }) })}
                      </Typography.Text>
                    ) : (
                      r.planned
                    ),
                },
                {
                  title: t('roster.staffing.serviceLevel'),
                  dataIndex: 'serviceLevel',
                  className: 'banzu-numeric',
                  render: (v: number) => percent(v),
                },
                {
                  title: t('roster.staffing.waitProbability'),
                  dataIndex: 'waitProbability',
                  className: 'banzu-numeric',
                  render: (v: number) => percent(v),
                },
                {
                  title: t('roster.staffing.occupancy'),
                  dataIndex: 'occupancy',
                  className: 'banzu-numeric',
                  render: (v: number) => percent(v),
                },
              ]}
            />
          </>
        )}
      </Card>
      {proposal && <CoverageProposal groupId={groupId} scopeName={scopeName} rows={proposal} onClose={() => setProposal(null)} />}
    </div>
  );
}
