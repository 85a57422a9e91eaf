import { useMemo, useState } from 'react';
import { App, Alert, Button, Empty, Modal, Space, Typography, Checkbox } from 'antd';
import {
  CloudUploadOutlined,
  ExportOutlined,
  LockOutlined,
  PrinterOutlined,
  PlayCircleOutlined,
  CheckSquareOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Board, BoardRow } from '../../../../main/appraisal/contract.ts';
import { appraisalStates, dimensions, type MissingStep } from '../../../../main/appraisal/vocabulary.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { cachedWords } from '../../i18n/words.ts';
import { saveFile } from '../../files/files.ts';
import { VirtualTable, type Column } from '../../shell/VirtualTable.tsx';
import { periodBounds, periodOf } from '../../../../main/appraisal/rules/period.ts';
import { gradePill, score, statePill } from '../format.ts';
import { scoreRoute } from '../form/routes.ts';
import { formPrintRoute } from '../print/routes.ts';
import { IndicatorImport } from './IndicatorImport.tsx';

/** Which steps of the flow are behind the appraisal: targets, self, superior, indicators, consolidated, talk. */
function progress(row: BoardRow): boolean[] {
  const at = appraisalStates.indexOf(row.state);
  return [row.targetsSet || at > 0, at >= 1, at >= 2, row.indicatorsDone, at >= 3, row.feedbackDone];
}

const byNumber = (a: number | null, b: number | null) => (a ?? -1) - (b ?? -1);

/** The board: everyone in the cycle × where their appraisal stands and what it still needs. */
export function BoardTab({ period, groupId, onPeriod }: { period: string; groupId: number | null; onPeriod: (period: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const board = useApi('appraisal', 'board', { period, groupId });
  const [importing, setImporting] = useState(false);
  const [locking, setLocking] = useState(false);
  const start = useApiMutation('appraisal', 'startCycle', {
    onSuccess: (c) => void message.success(t('appraisal.board.started', { period: c.period, count: c.people })),
  });
  const addMissing = useApiMutation('appraisal', 'addMissing', {
    onSuccess: (r) => void message.success(t('appraisal.board.added', { count: r.added })),
  });
  const consolidate = useApiMutation('appraisal', 'consolidate', {
    onSuccess: (r) => void message.success(t('appraisal.board.consolidated', { count: r.consolidated })),
  });
  const exportXlsx = useApiMutation('appraisal', 'exportXlsx', { invalidates: [], onSuccess: saveFile });
  const data = board.data;
  const rows = useMemo(() => data?.rows ?? [], [data]);
  const scored = rows.filter((r) => r.state === 'scored');
  const consolidated = rows.filter((r) => r.state === 'consolidated');
  const open = (row: BoardRow) => navigate(scoreRoute(row.id, period, groupId));

  const columns: Column<BoardRow>[] = useMemo(() => {
    const w = cachedWords(t);
    return [
      {
        key: 'employeeNo',
        title: t('fields.employeeNo'),
        width: 78,
        render: (r) => r.employeeNo,
        compare: (a, b) => a.employeeNo.localeCompare(b.employeeNo),
      },
      {
        key: 'name',
        title: t('fields.name'),
        width: 80,
        render: (r) => (
          <button type="button" className="apr-link" onClick={() => open(r)} data-testid={`board-open-${r.personId}`}>
            {r.name}
          </button>
        ),
        compare: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      },
      ...(groupId === null
        ? [
            {
              key: 'group',
              title: t('fields.group'),
              width: 70,
              render: (r: BoardRow) => r.groupName ?? '',
              compare: (a: BoardRow, b: BoardRow) => (a.groupName ?? '').localeCompare(b.groupName ?? '', 'zh-CN'),
            },
          ]
        : []),
      { key: 'function', title: t('fields.function'), width: 72, render: (r) => w(`functions.${r.function}`) },
      {
        key: 'state',
        title: t('appraisal.board.state'),
        width: 100,
        render: (r) => <span className={statePill[r.state]}>{w(`appraisal.states.${r.state}`)}</span>,
        compare: (a, b) => appraisalStates.indexOf(a.state) - appraisalStates.indexOf(b.state),
      },
      {
        key: 'progress',
        title: t('appraisal.board.progress'),
        width: 100,
        render: (r) => (
          <span className="apr-steps" title={w('appraisal.board.progressHint')}>
            {progress(r).map((done, i) => (
              <i key={i} className={done ? 'done' : undefined} />
            ))}
          </span>
        ),
      },
      ...dimensions.map((d) => ({
        key: d,
        title: t(`appraisal.dimensionsShort.${d}`),
        width: 58,
        align: 'right' as const,
        render: (r: BoardRow) => score(r.dimensions[d]),
        compare: (a: BoardRow, b: BoardRow) => byNumber(a.dimensions[d], b.dimensions[d]),
      })),
      {
        key: 'total',
        title: t('appraisal.board.total'),
        width: 66,
        align: 'right',
        render: (r) => <span className={r.provisional ? 'apr-muted' : undefined}>{score(r.total)}</span>,
        compare: (a, b) => byNumber(a.total, b.total),
      },
      {
        key: 'grade',
        title: t('appraisal.board.grade'),
        width: 86,
        render: (r) =>
          r.grade ? (
            <span className={`${gradePill[r.grade]}${r.provisional ? ' apr-provisional' : ''}`}>{w(`appraisal.grades.${r.grade}`)}</span>
          ) : null,
        compare: (a, b) => byNumber(a.total, b.total),
      },
      {
        key: 'coefficient',
        title: t('appraisal.board.coefficient'),
        width: 48,
        align: 'right',
        render: (r) => (r.coefficient === null ? '' : r.coefficient.toFixed(1)),
      },
      {
        key: 'missing',
        title: t('appraisal.board.missing'),
        width: 140,
        render: (r) => (
          <span className="apr-missing-text">{r.missing.map((m: MissingStep) => w(`appraisal.missing.${m}`)).join(' · ')}</span>
        ),
        compare: (a, b) => a.missing.length - b.missing.length,
      },
      {
        key: 'flags',
        title: t('appraisal.board.flags'),
        width: 112,
        render: (r) => (
          <span title={r.flags.map((f) => w(`appraisal.flags.${f}`)).join(w('common.sentenceSeparator'))}>
            {r.flags.map((f) => (
              <span key={f} className="pill apr-flag" style={{ marginRight: 3 }}>
                {w(`appraisal.flagsShort.${f}`)}
              </span>
            ))}
          </span>
        ),
      },
    ];
    // eslint-disable-next-line react-hooks/exhaustive-deps -- open() only reads props that are in the list
  }, [t, groupId, period]);

  if (board.error) return <Alert type="error" showIcon message={board.error.message} />;
  if (!data) return <div className="apr-fill" />;

  if (!data.cycle) {
    const wrongKind = data.kind !== data.expectedKind;
    return (
      <div className="apr-fill" data-testid="appraisal-board-empty">
        <Empty
          style={{ marginTop: 60 }}
          description={
            <>
              <Typography.Title level={5}>{t('appraisal.board.emptyTitle', { period })}</Typography.Title>
              <Typography.Paragraph type="secondary" style={{ maxWidth: 560, margin: '0 auto 12px' }}>
                {wrongKind ? t('appraisal.board.wrongKind', { kind: t(`cycles.${data.expectedKind}`) }) : t('appraisal.board.emptyBody')}
              </Typography.Paragraph>
            </>
          }
        >
          {wrongKind ? (
            <Button type="primary" onClick={() => onPeriod(periodOf(periodBounds(period).from, data.expectedKind))}>
              {t('appraisal.board.switchTo', { period: periodOf(periodBounds(period).from, data.expectedKind) })}
            </Button>
          ) : (
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              loading={start.isPending}
              data-testid="appraisal-start"
              onClick={() => start.mutate({ period })}
            >
              {t('appraisal.board.start', { period })}
            </Button>
          )}
        </Empty>
      </div>
    );
  }

  const cycle = data.cycle;
  const locked = cycle.status === 'locked';
  return (
    <div className="apr-fill" data-testid="appraisal-board">
      <div className="apr-toolbar">
        <BoardSummary board={data} />
        <span className="apr-toolbar-spacer" />
        {!locked && data.notInCycle > 0 && (
          <Button size="small" icon={<UserAddOutlined />} onClick={() => addMissing.mutate({ cycleId: cycle.id })}>
            {t('appraisal.board.addMissing', { count: data.notInCycle })}
          </Button>
        )}
        {!locked && (
          <Button size="small" icon={<CloudUploadOutlined />} onClick={() => setImporting(true)} data-testid="appraisal-import">
            {t('appraisal.board.import')}
          </Button>
        )}
        {!locked && (
          <Button
            size="small"
            icon={<CheckSquareOutlined />}
            disabled={scored.length === 0}
            loading={consolidate.isPending}
            data-testid="appraisal-consolidate"
            onClick={() => consolidate.mutate({ ids: scored.map((r) => r.id) })}
          >
            {t('appraisal.board.consolidate', { count: scored.length })}
          </Button>
        )}
        {!locked && (
          <Button
            size="small"
            icon={<LockOutlined />}
            disabled={consolidated.length === 0}
            onClick={() => setLocking(true)}
            data-testid="appraisal-lock"
          >
            {groupId === null ? t('appraisal.board.lockDepartment') : t('appraisal.board.lockGroup')}
          </Button>
        )}
        <Button
          size="small"
          icon={<ExportOutlined />}
          loading={exportXlsx.isPending}
          onClick={() => exportXlsx.mutate({ period, groupId })}
          data-testid="appraisal-export"
        >
          {t('appraisal.board.export')}
        </Button>
        <Button
          size="small"
          icon={<PrinterOutlined />}
          disabled={rows.length === 0}
          onClick={() => navigate(formPrintRoute({ period, groupId }))}
        >
          {t('appraisal.board.print')}
        </Button>
      </div>
      <div style={{ flex: 1, minHeight: 0 }}>
        <VirtualTable<BoardRow>
          testId="appraisal-board-table"
          label={t('appraisal.page.tabs.board')}
          rows={rows}
          columns={columns}
          rowKey={(r) => r.id}
          empty={<Empty description={t('appraisal.board.noPeople')} />}
        />
      </div>
      <Typography.Text type="secondary" style={{ marginTop: 6, fontSize: 12 }}>
        {t('appraisal.board.footer', { template: data.template?.name ?? '', version: data.template?.version ?? '', count: rows.length })}
      </Typography.Text>
      {importing && <IndicatorImport cycleId={cycle.id} period={period} onClose={() => setImporting(false)} />}
      {locking && <LockDialog board={data} groupId={groupId} onClose={() => setLocking(false)} />}
    </div>
  );
}

function BoardSummary({ board }: { board: Board }) {
  const { t } = useTranslation();
  const counts = appraisalStates.map((s) => [s, board.rows.filter((r) => r.state === s).length] as const).filter(([, n]) => n > 0);
  const share = board.excellentShare;
  return (
    <div className="apr-summary" data-testid="appraisal-summary">
      {counts.map(([s, n]) => (
        <span key={s}>
          <span className={statePill[s]}>{t(`appraisal.states.${s}`)}</span> <b>{n}</b>
        </span>
      ))}
      {share.graded > 0 && (
        <span className={share.exceeded ? 'apr-warn' : 'apr-muted'}>
          {t('appraisal.board.excellentShare', share)}
          {share.capPercent > 0 ? t('appraisal.board.excellentCap', share) : ''}
        </span>
      )}
    </div>
  );
}

/** Locking the group (or department): what is warned about must be acknowledged (APR-7 share, talks). */
function LockDialog({ board, groupId, onClose }: { board: Board; groupId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [acknowledged, setAcknowledged] = useState(false);
  const lock = useApiMutation('appraisal', 'lock', {
    onSuccess: (r) => {
      void message.success(t('appraisal.lock.done', r));
      onClose();
    },
  });
  const notReady = board.rows.filter((r) => r.state !== 'consolidated' && r.state !== 'locked');
  const noTalk = board.rows.filter((r) => r.state === 'consolidated' && !r.feedbackDone);
  const warnings = [
    ...(board.excellentShare.exceeded ? [t('appraisal.lock.share', board.excellentShare)] : []),
    ...(noTalk.length > 0
      ? [
          t('appraisal.lock.noTalk', {
            count: noTalk.length,
            names: noTalk
              .slice(0, 6)
              .map((r) => r.name)
              .join(t('common.listSeparator')),
          }),
        ]
      : []),
  ];
  return (
    <Modal
      open
      title={groupId === null ? t('appraisal.board.lockDepartment') : t('appraisal.board.lockGroup')}
      onCancel={onClose}
      okText={t('appraisal.lock.confirm')}
      okButtonProps={{
        disabled: notReady.length > 0 || (warnings.length > 0 && !acknowledged),
        loading: lock.isPending,
        'data-testid': 'appraisal-lock-confirm',
      }}
      onOk={() => lock.mutate({ cycleId: board.cycle!.id, groupId, acknowledgeWarnings: acknowledged })}
    >
      <Typography.Paragraph>{t('appraisal.lock.body', { period: board.period })}</Typography.Paragraph>
      {notReady.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          message={t('appraisal.lock.notReady', {
            count: notReady.length,
            names: notReady
              .slice(0, 6)
              .map((r) => r.name)
              .join(t('common.listSeparator')),
          })}
        />
      )}
      {warnings.length > 0 && notReady.length === 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            message={
              <Space direction="vertical" size={2}>
                {warnings.map((w) => (
                  <span key={w}>{w}</span>
                ))}
              </Space>
            }
          />
          <Checkbox checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} data-testid="appraisal-lock-ack">
            {t('appraisal.lock.acknowledge')}
          </Checkbox>
        </>
      )}
    </Modal>
  );
}
