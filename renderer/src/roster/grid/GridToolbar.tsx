import { memo, useSyncExternalStore } from 'react';
import {
  CopyOutlined,
  LockOutlined,
  RedoOutlined,
  SendOutlined,
  UndoOutlined,
  UnlockOutlined,
  WarningOutlined,
  RetweetOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CellChange, MonthView } from '../../../../main/roster/contract.ts';
import type { GridStore } from './store.ts';
import { AutoScheduleButton } from '../schedule/AutoScheduleButton.tsx';
import { HandoverButtons } from '../planning/HandoverButtons.tsx';
import { RosterExportButtons } from '../planning/RosterExportButtons.tsx';
import { momentText } from '../../shell/moment.ts';
import { LightButton } from '../../shell/LightButton.tsx';

/** What the toolbar can do; one stable object, so the toolbar does not re-render on every edit. */
export interface GridActions {
  undo(): void;
  redo(): void;
  copyWeek(): void;
  pattern(): void;
  lock(locked: boolean): void;
  toggleIssues(): void;
  publish(): void;
}

/** The toolbar; its parts re-render only when what they show changes, not on every cell edit. */
export function GridToolbar({
  view,
  store,
  canUndo,
  canRedo,
  issueCount,
  showIssues,
  actions,
}: {
  view: MonthView;
  store: GridStore;
  canUndo: boolean;
  canRedo: boolean;
  issueCount: number | null;
  showIssues: boolean;
  actions: GridActions;
}) {
  return (
    <div className="roster-toolbar" data-testid="grid-toolbar">
      <EditTools canUndo={canUndo} canRedo={canRedo} actions={actions} />
      <RosterTools view={view} store={store} />
      <div className="spacer" />
      <SaveState store={store} />
      <MonthStatus view={view} />
      <IssuesToggle count={issueCount} open={showIssues} actions={actions} />
      <PublishButton actions={actions} />
    </div>
  );
}

/** Auto-schedule, handover and export: they depend on the month and the store only, not on the edits. */
const RosterTools = memo(function RosterTools({ view, store }: { view: MonthView; store: GridStore }) {
  // The scheduler's proposal joins the grid's undo history like any other batch.
  const apply = async (changes: CellChange[]) => {
    store.edit(changes, 'auto');
    await store.settled();
  };
  return (
    <div data-slot="roster-tools" className="roster-tools">
      <AutoScheduleButton month={view.month} groupId={view.groupId} apply={apply} />
      {view.groupId !== null && <HandoverButtons month={view.month} groupId={view.groupId} />}
      <RosterExportButtons month={view.month} groupId={view.groupId} />
    </div>
  );
});

// Plain buttons, titles and spans rather than antd Button/Tooltip/Badge/Tag here: the toolbar mounts with the grid,
// and every antd component type costs style generation on its first render.
const EditTools = memo(function EditTools({ canUndo, canRedo, actions }: { canUndo: boolean; canRedo: boolean; actions: GridActions }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="roster-btn-pair">
        <LightButton
          icon={<UndoOutlined />}
          disabled={!canUndo}
          onClick={actions.undo}
          aria-label={t('roster.grid.undo')}
          title={t('roster.grid.undoHint')}
        />
        <LightButton
          icon={<RedoOutlined />}
          disabled={!canRedo}
          onClick={actions.redo}
          aria-label={t('roster.grid.redo')}
          title={t('roster.grid.redoHint')}
        />
      </span>
      <LightButton icon={<CopyOutlined />} onClick={actions.copyWeek}>
        {t('roster.grid.copyWeek')}
      </LightButton>
      <LightButton icon={<RetweetOutlined />} onClick={actions.pattern}>
        {t('roster.grid.pattern')}
      </LightButton>
      <span className="roster-btn-pair">
        <LightButton icon={<LockOutlined />} onClick={() => actions.lock(true)} title={t('roster.grid.lockHint')}>
          {t('roster.grid.lock')}
        </LightButton>
        <LightButton icon={<UnlockOutlined />} onClick={() => actions.lock(false)}>
          {t('roster.grid.unlock')}
        </LightButton>
      </span>
    </>
  );
});

/** 保存中… / 已保存, from the store directly: it changes twice per edit, nothing else needs to. */
function SaveState({ store }: { store: GridStore }) {
  const { t } = useTranslation();
  const saving = useSyncExternalStore(store.subscribe, () => store.getSnapshot().saving > 0);
  return (
    <span className="roster-save-state" data-testid="save-state">
      {saving ? t('roster.grid.saving') : t('roster.grid.saved')}
    </span>
  );
}

/** Status of the month in scope (ROS-7): 草稿 or 已发布; department-wide, per group or as a count. */
const MonthStatus = memo(function MonthStatus({ view }: { view: MonthView }) {
  const { t } = useTranslation();
  const groups = view.groupId === null ? view.groups : view.groups.filter((g) => g.id === view.groupId);
  const label = (g: MonthView['groups'][number]) =>
    `${view.groupId === null ? `${g.name} ` : ''}${t(g.status === 'published' ? 'roster.grid.statusPublished' : 'roster.grid.statusDraft')}`;
  const title = (g: MonthView['groups'][number]) =>
    g.publishedAt ? t('roster.grid.publishedAt', { at: momentText(g.publishedAt) }) : undefined;
  if (groups.length > 3) {
    const published = groups.filter((g) => g.status === 'published').length;
    return (
      <span
        className={`roster-status${published === groups.length ? ' published' : ''}`}
        title={groups.map(label).join('\n')}
        data-testid="month-status"
      >
        {t('roster.grid.groupsPublished', { published, total: groups.length })}
      </span>
    );
  }
  return (
    <span data-testid="month-status">
      {groups.map((g) => (
        <span key={g.id} className={`roster-status${g.status === 'published' ? ' published' : ''}`} title={title(g)}>
          {label(g)}
        </span>
      ))}
    </span>
  );
});

/** The problem count; null while the month's rules are still being checked. */
const IssuesToggle = memo(function IssuesToggle({ count, open, actions }: { count: number | null; open: boolean; actions: GridActions }) {
  const { t } = useTranslation();
  return (
    <LightButton
      icon={<WarningOutlined />}
      danger={count !== null && count > 0}
      kind={open ? 'default' : 'dashed'}
      onClick={actions.toggleIssues}
      data-testid="issues-toggle"
    >
      {t('roster.grid.issues')}
      <span className={`roster-count${count !== null && count > 0 ? ' bad' : ''}`}>{count ?? '…'}</span>
    </LightButton>
  );
});

const PublishButton = memo(function PublishButton({ actions }: { actions: GridActions }) {
  const { t } = useTranslation();
  return (
    <LightButton kind="primary" icon={<SendOutlined />} onClick={actions.publish} data-testid="publish">
      {t('roster.grid.publish')}
    </LightButton>
  );
});
