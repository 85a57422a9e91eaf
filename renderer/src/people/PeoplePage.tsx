import { useMemo, useState } from 'react';
import { Button, Card, Empty, Input, Select, Space, Table, Tag, Typography, Dropdown, type TableColumnsType } from 'antd';
import { PlusOutlined, UploadOutlined, DownloadOutlined, MoreOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Person, Role, PersonStatus } from '../../../main/people/contract.ts';
import { roles, statuses } from '../../../main/people/vocabulary.ts';
import { useApi, useApiMutation } from '../api/hooks.ts';
import { saveFile } from '../files/files.ts';
import { useElementHeight } from '../shell/useElementHeight.ts';
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
  const people = useApi('people', 'list', {});
  const org = useApi('people', 'org', {});
  const exportXlsx = useApiMutation('people', 'exportXlsx', { invalidates: [], onSuccess: saveFile });
  const [tableBox, tableHeight] = useElementHeight<HTMLDivElement>();

  const rows = useMemo(() => applyFilters(people.data ?? [], filters), [people.data, filters]);
  const counts = useMemo(() => {
    const all = people.data ?? [];
    return { active: all.filter((p) => p.status === 'active').length, left: all.filter((p) => p.status === 'left').length };
  }, [people.data]);
  const filtered = filters.search !== '' || filters.group !== undefined || filters.role !== undefined || filters.status !== 'active';
  const groups = org.data?.groups ?? [];

  const columns: TableColumnsType<Person> = [
    {
      title: t('fields.employeeNo'),
      dataIndex: 'employeeNo',
      width: 90,
      sorter: (a, b) => a.employeeNo.localeCompare(b.employeeNo),
      defaultSortOrder: 'ascend',
    },
    { title: t('fields.name'), dataIndex: 'name', width: 84, sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    {
      title: t('fields.group'),
      dataIndex: 'groupName',
      width: 76,
      render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('people.unassigned')}</Typography.Text>,
      sorter: (a, b) => (a.groupName ?? '').localeCompare(b.groupName ?? '', 'zh-CN'),
    },
    {
      title: t('fields.role'),
      dataIndex: 'role',
      width: 76,
      render: (r: Role) => (r === 'agent' ? t(`roles.${r}`) : <Tag color={r === 'leader' ? 'blue' : 'purple'}>{t(`roles.${r}`)}</Tag>),
      sorter: (a, b) => roles.indexOf(a.role) - roles.indexOf(b.role),
    },
    { title: t('fields.function'), dataIndex: 'function', width: 84, render: (f: string) => t(`functions.${f}`) },
    {
      title: t('fields.hireDate'),
      dataIndex: 'hireDate',
      width: 100,
      className: 'banzu-numeric',
      sorter: (a, b) => a.hireDate.localeCompare(b.hireDate),
    },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      width: 118,
      render: (s: PersonStatus, p) =>
        s === 'active' ? <Tag color="green">{t('statuses.active')}</Tag> : <Tag>{`${t('statuses.left')} ${p.leftOn}`}</Tag>,
    },
    { title: t('fields.phone'), dataIndex: 'phone', width: 112, className: 'banzu-numeric' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 96,
      fixed: 'right',
      render: (_v, p) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', person: p })}>
            {t('common.edit')}
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'move', label: t('people.move'), disabled: p.status === 'left' },
                { key: 'left', label: t('people.markLeft'), disabled: p.status === 'left', danger: true },
                { key: 'history', label: t('common.history') },
              ],
              onClick: ({ key }) =>
                setDialog(
                  key === 'history'
                    ? { kind: 'history', target: { entity: 'person', entityId: p.id, title: p.name } }
                    : { kind: key as 'move' | 'left', person: p },
                ),
            }}
          >
            <Button type="text" size="small" icon={<MoreOutlined />} aria-label={`${p.name} ${t('common.actions')}`} />
          </Dropdown>
        </Space>
      ),
    },
  ];

  const empty = (people.data?.length ?? 0) === 0;

  return (
    <div style={{ display: 'flex', gap: 16, height: '100%', minHeight: 0 }}>
      <OrgTree
        selected={filters.group}
        onSelect={(group) => setFilters((f) => ({ ...f, group }))}
        onHistory={(target) => setDialog({ kind: 'history', target })}
      />
      <Card
        title={t('people.title')}
        extra={
          <Space>
            <Button icon={<UploadOutlined />} onClick={() => setDialog({ kind: 'import' })}>
              {t('common.import')}
            </Button>
            <Button icon={<DownloadOutlined />} loading={exportXlsx.isPending} disabled={empty} onClick={() => exportXlsx.mutate({})}>
              {t('common.export')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              {t('people.addPerson')}
            </Button>
          </Space>
        }
        style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}
        styles={{ body: { flex: 1, display: 'flex', flexDirection: 'column', minHeight: 0, padding: 16 } }}
      >
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 12 }} data-testid="people-filters">
          <Input.Search
            allowClear
            placeholder={t('people.searchPlaceholder')}
            style={{ width: 220 }}
            value={filters.search}
            onChange={(e) => setFilters((f) => ({ ...f, search: e.target.value }))}
          />
          <Select
            allowClear
            placeholder={t('people.filterGroup')}
            style={{ width: 130 }}
            value={filters.group}
            onChange={(group) => setFilters((f) => ({ ...f, group }))}
            options={[...groups.map((g) => ({ value: g.id, label: g.name })), { value: 'none', label: t('people.unassigned') }]}
          />
          <Select
            allowClear
            placeholder={t('people.filterRole')}
            style={{ width: 110 }}
            value={filters.role}
            onChange={(role) => setFilters((f) => ({ ...f, role }))}
            options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <Select
            allowClear
            placeholder={t('people.filterStatus')}
            style={{ width: 110 }}
            value={filters.status}
            onChange={(status) => setFilters((f) => ({ ...f, status }))}
            options={statuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          />
        </div>
        <div ref={tableBox} style={{ flex: 1, minHeight: 0 }}>
          <Table<Person>
            data-testid="people-table"
            virtual
            size="small"
            rowKey="id"
            loading={people.isPending}
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 836, y: Math.max(200, tableHeight - 48) }}
            rowClassName={(p) => (p.status === 'left' ? 'banzu-left-row' : '')}
            locale={{
              emptyText: empty ? (
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
              ),
            }}
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
