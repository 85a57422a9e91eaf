import { useCallback, useMemo, useState } from 'react';
import { Button, Card, Empty, Space, Typography } from 'antd';
import { PlusOutlined, UploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Person, Role, PersonStatus } from '../../../main/people/contract.ts';
import { roles, statuses } from '../../../main/people/vocabulary.ts';
import { useApi, useApiMutation, useSuspenseApi } from '../api/hooks.ts';
import { saveFile } from '../files/files.ts';
import { cachedWords } from '../i18n/words.ts';
import { VirtualTable, type Column } from '../shell/VirtualTable.tsx';
import { RowMenu } from '../shell/RowMenu.tsx';
import { LightButton } from '../shell/LightButton.tsx';
import { LazySelect } from '../shell/LazySelect.tsx';
import { SearchBox } from '../shell/SearchBox.tsx';
import { byCode } from '../shell/compare.ts';
import '../shell/light-button.css';
import { HistoryDrawer, type HistoryTarget } from '../audit/HistoryDrawer.tsx';
import { OrgTree } from './OrgTree.tsx';
import { PersonDialog } from './PersonDialog.tsx';
import { MoveDialog } from './MoveDialog.tsx';
import { LeftDialog } from './LeftDialog.tsx';
import { ImportWizard } from './ImportWizard.tsx';

export type GroupFilter = number | 'none' | undefined;

interface Filters {
  search: string;
  group: GroupFilter;
  role?: Role;
  status?: PersonStatus;
}

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; person: Person }
  | { kind: 'move'; person: Person }
  | { kind: 'left'; person: Person }
  | { kind: 'import' }
  | { kind: 'history'; target: HistoryTarget }
  | null;

/** Filters and sorting run here on the whole list: a department is a few hundred people. */
function applyFilters(people: Person[], f: Filters): Person[] {
  const needle = f.search.trim().toLowerCase();
  return people.filter(
    (p) =>
      (f.group === undefined || (f.group === 'none' ? p.groupId === null : p.groupId === f.group)) &&
      (!f.role || p.role === f.role) &&
      (!f.status || p.status === f.status) &&
      (!needle || p.name.toLowerCase().includes(needle) || p.employeeNo.toLowerCase().includes(needle) || (p.phone ?? '').includes(needle)),
  );
}

export function PeoplePage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({ search: '', group: undefined, status: 'active' });
  const [dialog, setDialog] = useState<Dialog>(null);
  const people = useSuspenseApi('people', 'list', {});
  const org = useApi('people', 'org', {});
  const exportXlsx = useApiMutation('people', 'exportXlsx', { invalidates: [], onSuccess: saveFile });

  const rows = useMemo(() => applyFilters(people.data ?? [], filters), [people.data, filters]);
  const counts = useMemo(() => {
    const all = people.data ?? [];
    return { active: all.filter((p) => p.status === 'active').length, left: all.filter((p) => p.status === 'left').length };
  }, [people.data]);
  const filtered = filters.search !== '' || filters.group !== undefined || filters.role !== undefined || filters.status !== 'active';
  const groups = org.data?.groups ?? [];

  // Cell words looked up once per language, not once per row and cell.
  const w = cachedWords(t);
  const columns: Column<Person>[] = [
    {
      key: 'employeeNo',
      title: t('fields.employeeNo'),
      width: 90,
      render: (p) => p.employeeNo,
      compare: (a, b) => byCode(a.employeeNo, b.employeeNo),
    },
    { key: 'name', title: t('fields.name'), width: 84, render: (p) => p.name, compare: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    {
      key: 'group',
      title: t('fields.group'),
      width: 76,
      render: (p) => p.groupName ?? <span className="vt-muted">{w('people.unassigned')}</span>,
      compare: (a, b) => (a.groupName ?? '').localeCompare(b.groupName ?? '', 'zh-CN'),
    },
    {
      key: 'role',
      title: t('fields.role'),
      width: 72,
      render: (p) =>
        p.role === 'agent' ? (
          w('roles.agent')
        ) : (
          <span className={`pill ${p.role === 'leader' ? 'pill-blue' : 'pill-purple'}`}>{w(`roles.${p.role}`)}</span>
        ),
      compare: (a, b) => roles.indexOf(a.role) - roles.indexOf(b.role),
    },
    { key: 'function', title: t('fields.function'), width: 80, render: (p) => w(`functions.${p.function}`) },
    {
      key: 'hireDate',
      title: t('fields.hireDate'),
      width: 100,
      align: 'right',
      render: (p) => p.hireDate,
      compare: (a, b) => byCode(a.hireDate, b.hireDate),
    },
    {
      key: 'status',
      title: t('fields.status'),
      width: 132,
      render: (p) =>
        p.status === 'active' ? (
          <span className="pill pill-green">{w('statuses.active')}</span>
        ) : (
          <span className="pill pill-grey">{`${w('statuses.left')} ${p.leftOn}`}</span>
        ),
    },
    { key: 'phone', title: t('fields.phone'), width: 112, align: 'right', render: (p) => p.phone },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 92,
      pinned: true,
      render: (p) => (
        <>
          <button type="button" className="lb lb-link" onClick={() => setDialog({ kind: 'edit', person: p })}>
            {w('common.edit')}
          </button>
          <RowMenu
            label={`${p.name} ${w('common.actions')}`}
            items={[
              { key: 'move', label: w('people.move'), disabled: p.status === 'left' },
              { key: 'left', label: w('people.markLeft'), disabled: p.status === 'left', danger: true },
              { key: 'history', label: w('common.history') },
            ]}
            onPick={(key) =>
              setDialog(
                key === 'history'
                  ? { kind: 'history', target: { entity: 'person', entityId: p.id, title: p.name } }
                  : { kind: key as 'move' | 'left', person: p },
              )
            }
          />
        </>
      ),
    },
  ];

  const empty = (people.data?.length ?? 0) === 0;
  // Stable, so the group list (sixty groups) does not re-render with every keystroke or data change.
  const selectGroup = useCallback((group: GroupFilter) => setFilters((f) => ({ ...f, group })), []);
  const showHistory = useCallback((target: HistoryTarget) => setDialog({ kind: 'history', target }), []);

  return (
    <div style={{ display: 'flex', gap: 16, height: '100%', minHeight: 0 }}>
      <OrgTree selected={filters.group} onSelect={selectGroup} onHistory={showHistory} />
      <Card
        title={t('people.title')}
        extra={
          <Space>
            <LightButton icon={<UploadOutlined />} onClick={() => setDialog({ kind: 'import' })}>
              {t('common.import')}
            </LightButton>
            <LightButton icon={<DownloadOutlined />} loading={exportXlsx.isPending} disabled={empty} onClick={() => exportXlsx.mutate({})}>
              {t('common.export')}
            </LightButton>
            <LightButton kind="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              {t('people.addPerson')}
            </LightButton>
          </Space>
        }
        style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}
        styles={{ body: { flex: 1, display: 'flex', flexDirection: 'column', minHeight: 0, padding: 16 } }}
      >
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 12 }} data-testid="people-filters">
          <SearchBox
            placeholder={t('people.searchPlaceholder')}
            width={220}
            value={filters.search}
            onChange={(search) => setFilters((f) => ({ ...f, search }))}
          />
          <LazySelect<number | 'none'>
            showSearch
            label={t('people.filterGroup')}
            width={130}
            value={filters.group}
            onChange={(group) => setFilters((f) => ({ ...f, group }))}
            options={[...groups.map((g) => ({ value: g.id, label: g.name })), { value: 'none' as const, label: t('people.unassigned') }]}
          />
          <LazySelect<Role>
            label={t('people.filterRole')}
            width={110}
            value={filters.role}
            onChange={(role) => setFilters((f) => ({ ...f, role }))}
            options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <LazySelect<PersonStatus>
            label={t('people.filterStatus')}
            width={110}
            value={filters.status}
            onChange={(status) => setFilters((f) => ({ ...f, status }))}
            options={statuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          />
        </div>
        <div style={{ flex: 1, minHeight: 0 }}>
          <VirtualTable<Person>
            testId="people-table"
            label={t('people.title')}
            rows={rows}
            columns={columns}
            rowKey={(p) => p.id}
            defaultSort={{ key: 'employeeNo', direction: 1 }}
            rowClassName={(p) => (p.status === 'left' ? 'banzu-left-row' : '')}
            empty={
              empty ? (
                <Empty
                  description={
                    <>
                      <Typography.Text strong>{t('people.emptyTitle')}</Typography.Text>
                      <br />
                      {t('people.emptyBody')}
                    </>
                  }
                />
              ) : (
                <Empty description={t('people.emptyFiltered')}>
                  <Button onClick={() => setFilters({ search: '', group: undefined })}>{t('people.clearFilters')}</Button>
                </Empty>
              )
            }
          />
        </div>
        <Typography.Text type="secondary" style={{ marginTop: 8 }}>
          {t('people.count', counts)}
          {filtered ? ` · ${t('common.total', { count: rows.length })}` : ''}
        </Typography.Text>
      </Card>

      {dialog?.kind === 'create' && (
        <PersonDialog defaultGroupId={typeof filters.group === 'number' ? filters.group : undefined} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'edit' && (
        <PersonDialog
          person={dialog.person}
          onClose={() => setDialog(null)}
          onHistory={() =>
            setDialog({ kind: 'history', target: { entity: 'person', entityId: dialog.person.id, title: dialog.person.name } })
          }
        />
      )}
      {dialog?.kind === 'move' && <MoveDialog person={dialog.person} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'left' && <LeftDialog person={dialog.person} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'import' && <ImportWizard onClose={() => setDialog(null)} />}
      {dialog?.kind === 'history' && <HistoryDrawer target={dialog.target} onClose={() => setDialog(null)} />}
    </div>
  );
}
