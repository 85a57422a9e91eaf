import { useEffect, useState } from 'react';
import { Alert, App, Button, Checkbox, InputNumber, Modal, Progress, Space, Tag, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { CellChange, ScheduleJob } from '../../../../main/roster/contract.ts';
import { ApiError, call } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { LightButton } from '../../shell/LightButton.tsx';
import './schedule.css';

export interface AutoScheduleButtonProps {
  month: string;
  groupId: number | null;
  /** Applies the proposal: the grid passes its own edit (source 'auto'), so the batch joins its undo history. */
  apply: (changes: CellChange[]) => Promise<void>;
}

const DEFAULT_SECONDS = 20;
const MAX_SECONDS = 120;
const POLL_MS = 500;

type Explanation = NonNullable<ScheduleJob['result']>['explanation'][number];
const kindOrder = ['short', 'function', 'over', 'wish', 'note'];

/** 自动排班: a button and its dialog (time budget, fill the gaps only) → progress → summary → apply. */
export function AutoScheduleButton(props: AutoScheduleButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <LightButton icon={<ThunderboltOutlined />} onClick={() => setOpen(true)} data-testid="auto-schedule">
        {t('roster.schedule.button')}
      </LightButton>
      {open && <AutoScheduleDialog {...props} onClose={() => setOpen(false)} />}
    </>
  );
}

function AutoScheduleDialog({ month, groupId, apply, onClose }: AutoScheduleButtonProps & { onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const org = useApi('people', 'org', {});
  const scope = groupId === null ? t('roster.schedule.department') : (org.data?.groups.find((g) => g.id === groupId)?.name ?? '');
  const [seconds, setSeconds] = useState(DEFAULT_SECONDS);
  const [fillGapsOnly, setFillGapsOnly] = useState(false);
  const [job, setJob] = useState<ScheduleJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const running = job?.state === 'running';

  // Poll while the job runs; the last answer carries the result.
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setTimeout(() => {
      call('roster', 'scheduleJob', { id: job.id }).then(setJob, (e: unknown) => setError(String((e as Error).message)));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job]);

  const start = async () => {
    setError(null);
    setBusy(true);
    try {
      setJob(await call('roster', 'autoSchedule', { month, groupId, seconds, fillGapsOnly }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    if (!job) return;
    setBusy(true);
    try {
      setJob(await call('roster', 'cancelSchedule', { id: job.id }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    // Closing while it runs stops it: nobody would see its result.
    if (running) void call('roster', 'cancelSchedule', { id: job.id }).catch(() => undefined);
    onClose();
  };

  const applyResult = async () => {
    const changes = job?.result?.changes ?? [];
    setBusy(true);
    try {
      await apply(changes);
      await client.invalidateQueries({ queryKey: ['roster'] });
      void message.success(t('roster.schedule.appliedUndo', { count: changes.length }));
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const finished = job !== null && !running;
  const canApply = finished && (job.result?.changes.length ?? 0) > 0;
  const footer = (
    <Space>
      {running ? (
        <Button onClick={cancel} loading={busy} data-testid="auto-schedule-cancel">
          {t('roster.schedule.cancel')}
        </Button>
      ) : (
        <Button onClick={close}>{t('roster.schedule.close')}</Button>
      )}
      {finished && (
        <Button onClick={() => setJob(null)} disabled={busy}>
          {t('roster.schedule.again')}
        </Button>
      )}
      {job === null && (
        <Button type="primary" onClick={start} loading={busy} data-testid="auto-schedule-start">
          {t('roster.schedule.start')}
        </Button>
      )}
      {finished && (
        <Button type="primary" onClick={applyResult} disabled={!canApply} loading={busy} data-testid="auto-schedule-apply">
          {t('roster.schedule.apply')}
        </Button>
      )}
    </Space>
  );

  return (
    <Modal open width={680} title={t('roster.schedule.title')} onCancel={close} maskClosable={false} footer={footer} destroyOnHidden>
      <div className="auto-schedule" data-testid="auto-schedule-dialog">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="auto-schedule-error" />}
        {job === null ? (
          <Setup
            scope={scope}
            month={month}
            seconds={seconds}
            onSeconds={setSeconds}
            fillGapsOnly={fillGapsOnly}
            onFillGapsOnly={setFillGapsOnly}
          />
        ) : running ? (
          <Running job={job} budget={seconds} />
        ) : (
          <Finished job={job} />
        )}
      </div>
    </Modal>
  );
}

function Setup(props: {
  scope: string;
  month: string;
  seconds: number;
  onSeconds(v: number): void;
  fillGapsOnly: boolean;
  onFillGapsOnly(v: boolean): void;
}) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text>{t('roster.schedule.scopeNote', { scope: props.scope, month: props.month })}</Typography.Text>
      <div>
        <label className="auto-schedule-label" htmlFor="auto-schedule-seconds">
          {t('roster.schedule.seconds')}
        </label>
        <InputNumber
          id="auto-schedule-seconds"
          min={1}
          max={MAX_SECONDS}
          precision={0}
          value={props.seconds}
          onChange={(v) => props.onSeconds(Math.min(MAX_SECONDS, Math.max(1, Math.round(v ?? DEFAULT_SECONDS))))}
          data-testid="auto-schedule-seconds"
        />
        <div className="auto-schedule-help">{t('roster.schedule.secondsHelp')}</div>
      </div>
      <div>
        <Checkbox
          checked={props.fillGapsOnly}
          onChange={(e) => props.onFillGapsOnly(e.target.checked)}
          data-testid="auto-schedule-fill-gaps"
        >
          {t('roster.schedule.fillGapsOnly')}
        </Checkbox>
        <div className="auto-schedule-help">{t('roster.schedule.fillGapsOnlyHelp')}</div>
      </div>
      <Alert type="info" showIcon title={t('roster.schedule.lockedNote')} />
    </Space>
  );
}

function Running({ job, budget }: { job: ScheduleJob; budget: number }) {
  const { t } = useTranslation();
  const percent = Math.min(99, Math.floor((job.elapsedMs / (budget * 1000)) * 100));
  return (
    <div data-testid="auto-schedule-progress">
      <Typography.Text strong>{t('roster.schedule.running')}</Typography.Text>
      <Progress percent={percent} status="active" showInfo={false} />
      <Space size={16} wrap>
        <span data-testid="auto-schedule-elapsed">
          {t('roster.schedule.elapsed', { seconds: Math.floor(job.elapsedMs / 1000), budget })}
        </span>
        <span data-testid="auto-schedule-best">
          {job.bestPenalty === null ? t('roster.schedule.noneYet') : t('roster.schedule.best', { penalty: job.bestPenalty })}
        </span>
        {job.bestPenalty !== null && (
          <Tag color={job.valid ? 'green' : 'orange'} data-testid="auto-schedule-valid">
            {t(job.valid ? 'roster.schedule.valid' : 'roster.schedule.notYetValid')}
          </Tag>
        )}
      </Space>
    </div>
  );
}

function Finished({ job }: { job: ScheduleJob }) {
  const { t } = useTranslation();
  if (job.state === 'failed') {
    return (
      <Alert type="error" showIcon title={t('roster.schedule.failedTitle')} description={job.message} data-testid="auto-schedule-failed" />
    );
  }
  const result = job.result;
  if (!result) return <Alert type="info" showIcon title={job.message} />;
  const items = [...result.explanation].sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind));
  const costs = items.filter((e) => e.penalty > 0);
  const notes = items.filter((e) => e.penalty === 0);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {!job.valid ? (
        <Alert
          type="warning"
          showIcon
          title={t('roster.schedule.invalidTitle')}
          description={job.message}
          data-testid="auto-schedule-invalid"
        />
      ) : (
        job.message && <Alert type="info" showIcon title={job.message} />
      )}
      <Typography.Text strong data-testid="auto-schedule-summary">
        {result.changes.length > 0
          ? t('roster.schedule.summary', { count: result.changes.length, penalty: result.penalty })
          : t('roster.schedule.nothingToChange')}
      </Typography.Text>
      {result.hardViolations.length > 0 && (
        <Section title={t('roster.schedule.violations')} lines={result.hardViolations} testId="auto-schedule-violations" danger />
      )}
      <div>
        <Typography.Text type="secondary">{t('roster.schedule.penaltyParts')}</Typography.Text>
        <div className="auto-schedule-help">{t('roster.schedule.penaltyHelp')}</div>
        {costs.length === 0 ? (
          <div data-testid="auto-schedule-explanation">{t('roster.schedule.noPenalty')}</div>
        ) : (
          <ul className="auto-schedule-list" data-testid="auto-schedule-explanation">
            {costs.map((e, i) => (
              <ExplanationLine key={i} item={e} />
            ))}
          </ul>
        )}
      </div>
      {notes.length > 0 && <Section title={t('roster.schedule.notes')} lines={notes.map((n) => n.message)} testId="auto-schedule-notes" />}
    </Space>
  );
}

function ExplanationLine({ item }: { item: Explanation }) {
  return (
    <li className={`auto-schedule-item ${item.kind}`}>
      <span className="auto-schedule-penalty">{item.penalty}</span>
      <span>{item.message}</span>
    </li>
  );
}

function Section({ title, lines, testId, danger }: { title: string; lines: string[]; testId: string; danger?: boolean }) {
  return (
    <div>
      <Typography.Text type={danger ? 'danger' : 'secondary'}>{title}</Typography.Text>
      <ul className="auto-schedule-list" data-testid={testId}>
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
