import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, App, Button, Input, Space, Spin, Tooltip, Typography } from 'antd';
import {
  ArrowLeftOutlined,
  LeftOutlined,
  RightOutlined,
  PrinterOutlined,
  RollbackOutlined,
  TeamOutlined,
  MessageOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { AppraisalDetail } from '../../../../main/appraisal/contract.ts';
import { appraisalOutcome, canEdit, type TemplateIndicator, type TemplateItem } from '../../../../main/appraisal/rules/index.ts';
import { useApi } from '../../api/hooks.ts';
import { call } from '../../api/client.ts';
import { score, statePill } from '../format.ts';
import { scopeQuery } from '../useAppraisalScope.ts';
import { formPrintRoute } from '../print/routes.ts';
import { scoreRoute } from './routes.ts';
import { PeerDialog } from './PeerDialog.tsx';
import { FeedbackDialog, ReturnDialog } from './FeedbackDialog.tsx';
import { ResultPanel } from './ResultPanel.tsx';
import { moveFocus, parseScore } from './keyboard.ts';
import { momentText } from '../../shell/moment.ts';

/** /appraisal/score/:id — one person's appraisal, scored from the keyboard. */
export function ScorePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params] = useSearchParams();
  const period = params.get('period');
  const group = params.get('group');
  const groupId = group === null ? undefined : group === 'all' ? null : Number(group);
  const detail = useApi('appraisal', 'get', { id: Number(id) }, { enabled: /^\d+$/.test(id ?? '') });
  const board = useApi(
    'appraisal',
    'board',
    { period: period ?? '', groupId: groupId ?? null },
    { enabled: period !== null && groupId !== undefined },
  );
  const back = () => navigate(`/appraisal?${scopeQuery({ period: period ?? detail.data?.period ?? '', groupId })}`);

  if (detail.error)
    return <Alert type="error" showIcon message={detail.error.message} action={<Button onClick={back}>{t('common.back')}</Button>} />;
  if (!detail.data) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const rows = board.data?.rows ?? [];
  const at = rows.findIndex((r) => r.id === detail.data.id);
  const go = (offset: number) => {
    const target = rows[at + offset];
    if (target) navigate(scoreRoute(target.id, period!, groupId));
  };
  return (
    <ScoreForm
      key={`${detail.data.id}:${detail.data.updatedAt}`}
      detail={detail.data}
      onBack={back}
      position={at >= 0 ? { index: at, count: rows.length, previous: () => go(-1), next: () => go(1) } : null}
    />
  );
}

type Texts = Record<string, string>;
const textsOf = (values: Record<string, number> | null | undefined): Texts =>
  Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, String(v)]));

/** Numbers typed in, or the keys that are not numbers in range. */
function numbers(texts: Texts, max: (key: string) => number, min = 0): { values: Record<string, number>; bad: Set<string> } {
  const values: Record<string, number> = {};
  const bad = new Set<string>();
  for (const [key, text] of Object.entries(texts)) {
    if (text.trim() === '') continue;
    const value = parseScore(text);
    if (value === null || value < min || value > max(key)) bad.add(key);
    else values[key] = value;
  }
  return { values, bad };
}

const sameTexts = (a: Texts, b: Texts) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => (a[k] ?? '').trim() !== '' || (b[k] ?? '').trim() !== ''));
  return [...keys].every((k) => (a[k] ?? '').trim() === (b[k] ?? '').trim());
};

interface Position {
  index: number;
  count: number;
  previous: () => void;
  next: () => void;
}

function ScoreForm({ detail, onBack, position }: { detail: AppraisalDetail; onBack: () => void; position: Position | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const structure = detail.template.structure;
  const person = detail.person;
  const open = detail.cycleStatus === 'open' && detail.state !== 'locked';
  const edit = {
    targets: open && canEdit('targets', detail.state),
    self: open && canEdit('self', detail.state),
    superior: open && canEdit('superior', detail.state),
    indicators: open && canEdit('indicators', detail.state),
    peers: open && canEdit('peers', detail.state),
  };
  const indicators = structure.indicators.filter((i) => i.functions.includes(person.function));
  const itemMax = useMemo(() => new Map(structure.items.map((i) => [i.key, i.scaleMax])), [structure]);

  const initial = useMemo(
    () => ({
      self: textsOf(detail.scores.self),
      superior: textsOf(detail.scores.superior),
      values: textsOf(detail.indicatorValues),
      customer: detail.scores.customer === null ? '' : String(detail.scores.customer),
      targets: textsOf(detail.targets?.indicatorTargets),
      tasks: (detail.targets?.tasks ?? []).map((task) => task.title).join('\n'),
      selfComment: detail.scores.selfComment ?? '',
      superiorComment: detail.scores.superiorComment ?? '',
    }),
    [detail],
  );
  const [self, setSelf] = useState(initial.self);
  const [superior, setSuperior] = useState(initial.superior);
  const [values, setValues] = useState(initial.values);
  const [customer, setCustomer] = useState(initial.customer);
  const [targets, setTargets] = useState(initial.targets);
  const [tasks, setTasks] = useState(initial.tasks);
  const [selfComment, setSelfComment] = useState(initial.selfComment);
  const [superiorComment, setSuperiorComment] = useState(initial.superiorComment);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<null | 'peer' | 'feedback' | 'return'>(null);
  const formRef = useRef<HTMLDivElement>(null);

  const selfNums = numbers(self, (k) => itemMax.get(k) ?? 0);
  const superiorNums = numbers(superior, (k) => itemMax.get(k) ?? 0);
  const valueNums = numbers(values, () => 1e9, -1e9);
  const targetNums = numbers(targets, () => 1e9, -1e9);
  const customerValue = customer.trim() === '' ? null : parseScore(customer);
  const customerBad = customer.trim() !== '' && (customerValue === null || customerValue < 0 || customerValue > 100);

  // The result as the rules compute it from what is on the screen (the same pure rules as main).
  const live = useMemo(
    () =>
      appraisalOutcome({
        structure,
        fn: person.function,
        sourceWeights: detail.settings.sourceWeights,
        scores: {
          self: selfNums.values,
          superior: superiorNums.values,
          peers: detail.scores.peers.map((p) => p.scores),
          customer: customerBad ? null : customerValue,
        },
        indicatorValues: valueNums.values,
        indicatorTargets: targetNums.values,
        employedShare: detail.live.employedShare,
        thresholds: detail.settings.thresholds,
        coefficients: detail.settings.coefficients,
        previousGrade: detail.previous?.grade ?? null,
        joinedMidCycle: detail.live.flags.includes('joined-mid-cycle'),
        leftMidCycle: detail.live.flags.includes('left-mid-cycle'),
        trainingRetakePending: detail.trainings.some((tr) => tr.pendingRetake),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed from the texts on screen
    [self, superior, values, customer, targets, detail],
  );
  const result = detail.stored ?? live;

  const changed = {
    targets: !sameTexts(targets, initial.targets) || tasks.trim() !== initial.tasks.trim(),
    indicators: !sameTexts(values, initial.values) || customer.trim() !== initial.customer.trim(),
    self: !sameTexts(self, initial.self) || selfComment !== initial.selfComment,
    superior: !sameTexts(superior, initial.superior) || superiorComment !== initial.superiorComment,
  };
  const dirty =
    (edit.targets && changed.targets) ||
    (edit.indicators && changed.indicators) ||
    (edit.self && changed.self) ||
    (edit.superior && changed.superior);
  const invalid = selfNums.bad.size + superiorNums.bad.size + valueNums.bad.size + targetNums.bad.size > 0 || customerBad;

  const run = useCallback(
    async (steps: Array<() => Promise<unknown>>, done: string) => {
      setBusy(true);
      try {
        for (const step of steps) await step();
        void message.success(done);
      } catch (error) {
        void message.error((error as Error).message, 8);
      } finally {
        setBusy(false);
        await queryClient.invalidateQueries({ queryKey: ['appraisal'] });
      }
    },
    [message, queryClient],
  );

  /** The changed parts as save calls; `submitted` is left out, its submission saves it once. */
  const saves = (submitted?: 'self' | 'superior'): Array<() => Promise<unknown>> => {
    const steps: Array<() => Promise<unknown>> = [];
    if (edit.targets && changed.targets) {
      const taskList = tasks
        .split('\n')
        .map((title) => title.trim())
        .filter(Boolean)
        .map((title) => ({ title, note: null }));
      steps.push(() =>
        call('appraisal', 'setTargets', { id: detail.id, targets: { tasks: taskList, indicatorTargets: targetNums.values } }),
      );
    }
    if (edit.indicators && changed.indicators) {
      const cleared = Object.keys(initial.values).filter((k) => valueNums.values[k] === undefined);
      const sent = { ...Object.fromEntries(cleared.map((k) => [k, null])), ...valueNums.values };
      steps.push(() => call('appraisal', 'setIndicators', { id: detail.id, values: sent, customerScore: customerValue }));
    }
    if (edit.self && changed.self && submitted !== 'self')
      steps.push(() => call('appraisal', 'saveSelf', { id: detail.id, scores: selfNums.values, comment: selfComment, submit: false }));
    if (edit.superior && changed.superior && submitted !== 'superior')
      steps.push(() =>
        call('appraisal', 'saveSuperior', { id: detail.id, scores: superiorNums.values, comment: superiorComment, submit: false }),
      );
    return steps;
  };

  const save = () => {
    if (invalid) return void message.error(t('appraisal.form.fixFirst'));
    if (!dirty) return void message.info(t('appraisal.form.nothingToSave'));
    void run(saves(), t('common.saved'));
  };

  const submit = () => {
    if (invalid) return void message.error(t('appraisal.form.fixFirst'));
    const steps = saves(detail.state === 'draft' ? 'self' : detail.state === 'self-assessed' ? 'superior' : undefined);
    if (detail.state === 'draft') {
      steps.push(() => call('appraisal', 'saveSelf', { id: detail.id, scores: selfNums.values, comment: selfComment, submit: true }));
      void run(steps, t('appraisal.form.selfSubmitted'));
    } else if (detail.state === 'self-assessed') {
      steps.push(() =>
        call('appraisal', 'saveSuperior', { id: detail.id, scores: superiorNums.values, comment: superiorComment, submit: true }),
      );
      void run(steps, t('appraisal.form.scoresSubmitted'));
    } else if (detail.state === 'scored') {
      steps.push(() => call('appraisal', 'consolidate', { ids: [detail.id] }));
      void run(steps, t('appraisal.form.consolidatedOne'));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key.toLowerCase() === 's') {
      event.preventDefault();
      save();
    } else if (mod && event.key === 'Enter') {
      event.preventDefault();
      submit();
    } else if (event.altKey && event.key === 'ArrowRight' && position) {
      event.preventDefault();
      position.next();
    } else if (event.altKey && event.key === 'ArrowLeft' && position) {
      event.preventDefault();
      position.previous();
    } else if (event.target instanceof HTMLInputElement && event.target.classList.contains('apr-input')) {
      if (moveFocus(formRef.current, event.target, event.key, event.shiftKey)) event.preventDefault();
    }
  };

  // Start where the work is: the first empty score of the column being filled in.
  useEffect(() => {
    const column = edit.self ? 'self' : edit.superior ? 'superior' : edit.indicators ? 'value' : null;
    if (!column || !formRef.current) return;
    const inputs = [...formRef.current.querySelectorAll<HTMLInputElement>(`input.apr-input[data-col="${column}"]:not(:disabled)`)];
    (inputs.find((i) => i.value === '') ?? inputs[0])?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per loaded version of the appraisal
  }, []);

  const itemResult = new Map(live.items.map((i) => [i.key, i]));
  const indicatorResult = new Map(live.indicators.map((i) => [i.key, i]));
  const submitLabel =
    detail.state === 'draft'
      ? t('appraisal.form.submitSelf')
      : detail.state === 'self-assessed'
        ? t('appraisal.form.submitScores')
        : detail.state === 'scored'
          ? t('appraisal.form.consolidate')
          : null;

  const scoreInput = (
    column: 'self' | 'superior',
    item: TemplateItem,
    texts: Texts,
    set: (t: Texts) => void,
    bad: Set<string>,
    enabled: boolean,
    original: Texts,
  ) => (
    <input
      className={`apr-input${bad.has(item.key) ? ' bad' : ''}${(texts[item.key] ?? '') !== (original[item.key] ?? '') ? ' changed' : ''}`}
      data-col={column}
      data-testid={`score-${column}-${item.key}`}
      aria-label={`${item.name} ${t(`appraisal.sources.${column}`)}`}
      inputMode="decimal"
      disabled={!enabled}
      value={texts[item.key] ?? ''}
      placeholder={enabled ? `0–${item.scaleMax}` : ''}
      onFocus={(e) => e.target.select()}
      onChange={(e) => set({ ...texts, [item.key]: e.target.value })}
    />
  );

  const indicatorRow = (ind: TemplateIndicator) => {
    const r = indicatorResult.get(ind.key);
    return (
      <tr key={ind.key}>
        <td>
          {ind.name}
          <span className="apr-muted"> · {t(`appraisal.directions.${ind.direction}`)}</span>
        </td>
        <td className="num">{ind.weight}%</td>
        <td className="num">
          <input
            className={`apr-input wide${targetNums.bad.has(ind.key) ? ' bad' : ''}`}
            data-col="target"
            data-testid={`target-${ind.key}`}
            aria-label={`${ind.name} ${t('appraisal.form.target')}`}
            inputMode="decimal"
            disabled={!edit.targets}
            value={targets[ind.key] ?? ''}
            placeholder={String(r ? Math.round(r.target * 100) / 100 : ind.target)}
            onFocus={(e) => e.target.select()}
            onChange={(e) => setTargets({ ...targets, [ind.key]: e.target.value })}
          />
        </td>
        <td className="num apr-muted">{ind.floor}</td>
        <td className="num">
          <input
            className={`apr-input wide${valueNums.bad.has(ind.key) ? ' bad' : ''}${(values[ind.key] ?? '') !== (initial.values[ind.key] ?? '') ? ' changed' : ''}`}
            data-col="value"
            data-testid={`value-${ind.key}`}
            aria-label={`${ind.name} ${t('appraisal.form.actual')}`}
            inputMode="decimal"
            disabled={!edit.indicators}
            value={values[ind.key] ?? ''}
            onFocus={(e) => e.target.select()}
            onChange={(e) => setValues({ ...values, [ind.key]: e.target.value })}
          />{' '}
          <span className="apr-muted">{t(`appraisal.units.${ind.unit}`)}</span>
        </td>
        <td className="num">{score(r?.score ?? null)}</td>
      </tr>
    );
  };

  return (
    <div ref={formRef} onKeyDown={onKeyDown} data-testid="appraisal-form" style={{ minHeight: '100%' }}>
      <div className="apr-toolbar">
        <Button size="small" icon={<ArrowLeftOutlined />} onClick={onBack}>
          {t('appraisal.form.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {person.name}
        </Typography.Title>
        <span className="apr-muted">
          {person.employeeNo} · {person.groupName ?? ''} · {t(`roles.${person.role}`)} · {t(`functions.${person.function}`)} ·{' '}
          {detail.period}
        </span>
        <span className={statePill[detail.state]} data-testid="appraisal-state">
          {t(`appraisal.states.${detail.state}`)}
        </span>
        <span className="apr-toolbar-spacer" />
        {position && (
          <Space size={4}>
            <Tooltip title="Alt+←">
              <Button
                size="small"
                icon={<LeftOutlined />}
                disabled={position.index === 0}
                onClick={position.previous}
                aria-label={t('appraisal.form.previousPerson')}
              />
            </Tooltip>
            <span className="apr-muted apr-num">
              {position.index + 1} / {position.count}
            </span>
            <Tooltip title="Alt+→">
              <Button
                size="small"
                icon={<RightOutlined />}
                disabled={position.index === position.count - 1}
                onClick={position.next}
                aria-label={t('appraisal.form.nextPerson')}
              />
            </Tooltip>
          </Space>
        )}
        <Button size="small" icon={<PrinterOutlined />} onClick={() => navigate(formPrintRoute({ id: detail.id }))}>
          {t('appraisal.form.print')}
        </Button>
      </div>

      <div className="apr-form">
        <div>
          <section className="apr-card">
            <h3>{t('appraisal.form.targetsTitle')}</h3>
            {edit.targets ? (
              <Input.TextArea
                rows={2}
                value={tasks}
                placeholder={t('appraisal.form.tasksPlaceholder')}
                onChange={(e) => setTasks(e.target.value)}
                aria-label={t('appraisal.form.tasks')}
                data-testid="appraisal-tasks"
              />
            ) : (
              <div className={tasks ? undefined : 'apr-muted'} style={{ whiteSpace: 'pre-line' }}>
                {tasks || t('appraisal.form.noTasks')}
              </div>
            )}
          </section>

          <section className="apr-card">
            <h3>
              {t('appraisal.dimensions.results')}
              <span className="apr-muted">{structure.dimensions.results}%</span>
              <span className="apr-toolbar-spacer" />
              <span className="apr-num">{score(live.dimensions.results)}</span>
            </h3>
            <table className="apr-grid">
              <thead>
                <tr>
                  <th>{t('appraisal.form.indicator')}</th>
                  <th className="num">{t('appraisal.form.weight')}</th>
                  <th className="num">{t('appraisal.form.target')}</th>
                  <th className="num">{t('appraisal.form.floor')}</th>
                  <th className="num">{t('appraisal.form.actual')}</th>
                  <th className="num">{t('appraisal.form.score')}</th>
                </tr>
              </thead>
              <tbody>
                {indicators.map(indicatorRow)}
                <tr>
                  <td>
                    {t('appraisal.import.customerScore')}
                    <span className="apr-muted"> · {t('appraisal.form.customerHint')}</span>
                  </td>
                  <td />
                  <td />
                  <td />
                  <td className="num">
                    <input
                      className={`apr-input wide${customerBad ? ' bad' : ''}`}
                      data-col="value"
                      data-testid="value-customer"
                      aria-label={t('appraisal.import.customerScore')}
                      inputMode="decimal"
                      disabled={!edit.indicators}
                      value={customer}
                      placeholder={edit.indicators ? '0–100' : ''}
                      onFocus={(e) => e.target.select()}
                      onChange={(e) => setCustomer(e.target.value)}
                    />{' '}
                    <span className="apr-muted">{t('appraisal.units.score')}</span>
                  </td>
                  <td />
                </tr>
              </tbody>
            </table>
          </section>

          <section className="apr-card">
            <h3>
              {t('appraisal.form.itemsTitle')}
              <span className="apr-toolbar-spacer" />
              {edit.peers && (
                <Button size="small" icon={<TeamOutlined />} onClick={() => setDialog('peer')}>
                  {t('appraisal.form.peers', { count: detail.scores.peers.length })}
                </Button>
              )}
            </h3>
            <table className="apr-grid">
              <thead>
                <tr>
                  <th>{t('appraisal.form.item')}</th>
                  <th className="num">{t('appraisal.form.weight')}</th>
                  <th className="num">{t('appraisal.sources.self')}</th>
                  <th className="num">{t('appraisal.sources.superior')}</th>
                  <th className="num">{t('appraisal.sources.peers')}</th>
                  <th className="num">{t('appraisal.form.combined')}</th>
                  <th>{t('appraisal.form.hints')}</th>
                </tr>
              </thead>
              <tbody>
                {(['ability', 'attitude'] as const).map((dimension) => [
                  <tr key={dimension} className="apr-dim">
                    <td>{t(`appraisal.dimensions.${dimension}`)}</td>
                    <td className="num">{structure.dimensions[dimension]}%</td>
                    <td />
                    <td />
                    <td />
                    <td className="num">{score(live.dimensions[dimension])}</td>
                    <td />
                  </tr>,
                  ...structure.items
                    .filter((i) => i.dimension === dimension)
                    .map((item) => {
                      const r = itemResult.get(item.key);
                      const suggestions = detail.suggestions.filter((s) => s.itemKey === item.key);
                      return (
                        <tr key={item.key}>
                          <td>
                            {item.name}
                            <span className="apr-muted"> · {t('appraisal.form.outOf', { max: item.scaleMax })}</span>
                          </td>
                          <td className="num">{item.weight}%</td>
                          <td className="num">{scoreInput('self', item, self, setSelf, selfNums.bad, edit.self, initial.self)}</td>
                          <td className="num">
                            {scoreInput('superior', item, superior, setSuperior, superiorNums.bad, edit.superior, initial.superior)}
                          </td>
                          <td className="num apr-muted">
                            {r?.bySource.peers === null || r === undefined ? '' : score((r.bySource.peers / 100) * item.scaleMax)}
                          </td>
                          <td className="num">{score(r?.score ?? null)}</td>
                          <td>
                            {item.hint && (
                              <div className="apr-muted" style={{ fontSize: 12 }}>
                                {item.hint}
                              </div>
                            )}
                            {suggestions.map((s, i) => (
                              <div key={i} className="apr-hint" data-testid={`suggestion-${item.key}`}>
                                {s.text}
                                {s.suggestedScore !== null ? ` → ${t('appraisal.form.suggested', { score: s.suggestedScore })}` : ''}
                              </div>
                            ))}
                          </td>
                        </tr>
                      );
                    }),
                ])}
              </tbody>
            </table>
            <Space style={{ marginTop: 10, width: '100%' }} direction="vertical" size={6}>
              <Input
                size="small"
                disabled={!edit.self}
                value={selfComment}
                onChange={(e) => setSelfComment(e.target.value)}
                addonBefore={t('appraisal.form.selfComment')}
                maxLength={500}
              />
              <Input
                size="small"
                disabled={!edit.superior}
                value={superiorComment}
                onChange={(e) => setSuperiorComment(e.target.value)}
                addonBefore={t('appraisal.form.superiorComment')}
                maxLength={500}
              />
            </Space>
            <div className="apr-keys" style={{ marginTop: 8 }}>
              <kbd>Enter</kbd> {t('appraisal.form.keyNext')} · <kbd>Shift</kbd>+<kbd>Enter</kbd> {t('appraisal.form.keyPrevious')} ·{' '}
              <kbd>↑</kbd>
              <kbd>↓</kbd> {t('appraisal.form.keyColumn')} · <kbd>Ctrl</kbd>+<kbd>S</kbd> {t('common.save')} · <kbd>Ctrl</kbd>+
              <kbd>Enter</kbd> {t('appraisal.form.keySubmit')} · <kbd>Alt</kbd>+<kbd>←</kbd>
              <kbd>→</kbd> {t('appraisal.form.keyPerson')}
            </div>
          </section>

          {detail.feedback && (
            <section className="apr-card" data-testid="appraisal-feedback">
              <h3>{t('appraisal.form.feedbackTitle')}</h3>
              <div>
                {detail.feedback.heldOn} · {detail.feedback.heldBy}
              </div>
              <div>{detail.feedback.summary}</div>
              {detail.feedback.actions && (
                <div className="apr-muted">
                  {t('common.labelled', { label: t('appraisal.form.actions'), value: detail.feedback.actions })}
                </div>
              )}
              {detail.feedback.personComment && (
                <div className="apr-muted">
                  {t('common.labelled', { label: t('appraisal.form.personComment'), value: detail.feedback.personComment })}
                </div>
              )}
            </section>
          )}

          <section className="apr-card">
            <h3>{t('appraisal.form.trainingsTitle')}</h3>
            {detail.trainings.length === 0 ? (
              <span className="apr-muted">{t('appraisal.form.noTrainings')}</span>
            ) : (
              detail.trainings.map((tr) => (
                <div key={tr.id}>
                  {tr.takenOn} · {t(`appraisal.trainingKinds.${tr.kind}`)} · {tr.title} · {tr.score ?? ''} ·{' '}
                  <span className={tr.passed ? 'pill pill-green' : 'pill apr-unqualified'}>
                    {tr.passed ? t('appraisal.training.passed') : t('appraisal.training.failed')}
                  </span>
                  {tr.pendingRetake && <span className="apr-hint"> {t('appraisal.training.retakeDue')}</span>}
                </div>
              ))
            )}
          </section>

          <section className="apr-card">
            <h3>{t('appraisal.form.stepsTitle')}</h3>
            {detail.steps.length === 0 ? (
              <span className="apr-muted">{t('appraisal.form.noSteps')}</span>
            ) : (
              detail.steps.map((s, i) => (
                <div key={i} className="apr-num" style={{ fontSize: 13 }}>
                  {momentText(s.at)} · {s.actorName} · {t(`appraisal.states.${s.fromState}`)} → {t(`appraisal.states.${s.toState}`)}
                  {s.note ? ` · ${s.note}` : ''}
                </div>
              ))
            )}
          </section>
        </div>

        <aside className="apr-side">
          <ResultPanel detail={detail} result={result} stored={detail.stored !== null} />
          {open && (
            <div className="apr-card">
              <Space direction="vertical" style={{ width: '100%' }}>
                {(detail.state === 'draft' || detail.state === 'self-assessed' || detail.state === 'scored') && (
                  <Button block disabled={!dirty} loading={busy} onClick={save} data-testid="appraisal-save">
                    {t('common.save')} <span className="apr-keys">Ctrl+S</span>
                  </Button>
                )}
                {submitLabel && (
                  <Button block type="primary" loading={busy} onClick={submit} data-testid="appraisal-submit">
                    {submitLabel}{' '}
                    <span className="apr-keys" style={{ color: 'inherit' }}>
                      Ctrl+Enter
                    </span>
                  </Button>
                )}
                {detail.state === 'consolidated' && (
                  <Button
                    block
                    type="primary"
                    icon={<MessageOutlined />}
                    onClick={() => setDialog('feedback')}
                    data-testid="appraisal-feedback-open"
                  >
                    {detail.feedback ? t('appraisal.form.editFeedback') : t('appraisal.form.recordFeedback')}
                  </Button>
                )}
                {detail.state !== 'draft' && (
                  <Button block icon={<RollbackOutlined />} onClick={() => setDialog('return')}>
                    {t('appraisal.form.return')}
                  </Button>
                )}
              </Space>
            </div>
          )}
        </aside>
      </div>
      {dialog === 'peer' && <PeerDialog detail={detail} onClose={() => setDialog(null)} />}
      {dialog === 'feedback' && <FeedbackDialog detail={detail} onClose={() => setDialog(null)} />}
      {dialog === 'return' && <ReturnDialog detail={detail} onClose={() => setDialog(null)} />}
    </div>
  );
}
