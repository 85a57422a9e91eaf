import { memo, useState } from 'react';
import { Card, Input, Modal, Form, Typography, Space } from 'antd';
import { ApartmentOutlined, PlusOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Group } from '../../../main/people/contract.ts';
import { useApi, useApiMutation } from '../api/hooks.ts';
import { showErrorsOnForm } from '../api/form-errors.ts';
import type { HistoryTarget } from '../audit/HistoryDrawer.tsx';
import type { GroupFilter } from './PeoplePage.tsx';
import { RowMenu } from '../shell/RowMenu.tsx';
import { LightButton } from '../shell/LightButton.tsx';
import { useRowWindow } from '../shell/useRowWindow.ts';
import { cachedWords } from '../i18n/words.ts';

/** One group's line in the list (two lines of text) and the gap below it. */
const ITEM_H = 51;
/** The department line above the groups. */
const ROOT_H = 34;

type NameDialog = { kind: 'department'; name: string } | { kind: 'newGroup' } | { kind: 'renameGroup'; group: Group } | null;

/**
 * Department → groups, with each group's leader and head count; picking a group filters the table.
 * Memoised: its sixty groups need not render again when the table beside it gets its data. Only
 * the groups in view are in the DOM: sixty groups made more elements than the people table.
 */
export const OrgTree = memo(function OrgTree(props: {
  selected: GroupFilter;
  onSelect: (group: GroupFilter) => void;
  onHistory: (target: HistoryTarget) => void;
}) {
  const { t } = useTranslation();
  const org = useApi('people', 'org', {});
  const [dialog, setDialog] = useState<NameDialog>(null);
  const archive = useApiMutation('people', 'archiveGroup', { invalidates: ['people'] });
  const department = org.data?.department;
  const groups = org.data?.groups ?? [];
  // The groups, then "unassigned" as the last line.
  const { scrollRef, onScroll, inView } = useRowWindow({
    count: groups.length + 1,
    rowHeight: ITEM_H,
    offset: ROOT_H,
    overscan: 3,
    initialHeight: window.innerHeight - 150,
  });

  // Words shared by every group, looked up once per language rather than sixty times per render.
  const w = cachedWords(t);
  // Head counts repeat (most groups have five or six people): one lookup per count.
  const memberWords = new Map<number, string>();
  const members = (count: number) => memberWords.get(count) ?? memberWords.set(count, t('people.members', { count })).get(count)!;
  const groupTitle = (g: Group) => (
    <div className="org-node" data-testid={`org-group-${g.name}`}>
      <div className="org-node-text">
        <div>
          <span className={props.selected === g.id ? 'org-node-name org-node-selected' : 'org-node-name'}>{g.name}</span>
          <span className="org-node-meta">{members(g.activeCount)}</span>
          {g.archivedOn && <span className="pill pill-grey org-node-meta">{w('people.archived')}</span>}
        </div>
        <div className="org-node-meta">{g.leaderName ? t('people.leader', { name: g.leaderName }) : w('people.noLeader')}</div>
      </div>
      <span onClick={(e) => e.stopPropagation()}>
        <RowMenu
          label={`${g.name} ${w('common.actions')}`}
          items={[
            { key: 'rename', label: w('people.renameGroup') },
            { key: 'archive', label: w('people.archiveGroup'), disabled: Boolean(g.archivedOn) || g.activeCount > 0 },
            { key: 'history', label: w('common.history') },
          ]}
          onPick={(key) => {
            if (key === 'rename') setDialog({ kind: 'renameGroup', group: g });
            if (key === 'archive') archive.mutate({ id: g.id, archivedOn: dayjs().format('YYYY-MM-DD') });
            if (key === 'history') props.onHistory({ entity: 'group', entityId: g.id, title: g.name });
          }}
        />
      </span>
    </div>
  );

  return (
    <Card
      title={
        <Space>
          <ApartmentOutlined />
          {t('people.orgTree')}
        </Space>
      }
      extra={
        <LightButton size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'newGroup' })}>
          {t('people.addGroup')}
        </LightButton>
      }
      style={{ width: 250, flexShrink: 0, display: 'flex', flexDirection: 'column', minHeight: 0 }}
      styles={{ body: { padding: 0, flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' } }}
    >
      {/* A plain list with tree roles: an antd Tree node is a dozen elements, times sixty groups. */}
      <div ref={scrollRef} onScroll={onScroll} role="tree" aria-label={t('people.orgTree')} className="org-tree">
        <div
          role="treeitem"
          aria-selected={props.selected === undefined}
          aria-expanded
          className={`org-item org-root${props.selected === undefined ? ' org-item-selected' : ''}`}
          onClick={() => props.onSelect(undefined)}
        >
          <Typography.Text strong>{department?.name || t('people.departmentUnnamed')}</Typography.Text>
          <button
            type="button"
            className="lb lb-icon"
            aria-label={t('people.renameDepartment')}
            onClick={(e) => {
              e.stopPropagation();
              setDialog({ kind: 'department', name: department?.name ?? '' });
            }}
          >
            <EditOutlined />
          </button>
        </div>
        <div role="group" className="org-groups" style={{ height: (groups.length + 1) * ITEM_H }}>
          {inView.map((i) => {
            const g = groups[i];
            const chosen: GroupFilter = g ? g.id : 'none';
            return (
              <div
                key={g?.id ?? 'none'}
                role="treeitem"
                aria-selected={props.selected === chosen}
                aria-posinset={i + 1}
                aria-setsize={groups.length + 1}
                className={`org-item org-child${g ? '' : ' org-node-meta'}${props.selected === chosen ? ' org-item-selected' : ''}`}
                style={{ top: i * ITEM_H }}
                onClick={() => props.onSelect(chosen)}
              >
                {g ? groupTitle(g) : t('people.unassigned')}
              </div>
            );
          })}
        </div>
      </div>
      {dialog && <NameDialogView dialog={dialog} onClose={() => setDialog(null)} />}
    </Card>
  );
});

function NameDialogView({ dialog, onClose }: { dialog: Exclude<NameDialog, null>; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const options = { invalidates: ['people' as const, 'system' as const], onSuccess: onClose, silentErrors: true };
  const renameDepartment = useApiMutation('people', 'renameDepartment', options);
  const createGroup = useApiMutation('people', 'createGroup', options);
  const renameGroup = useApiMutation('people', 'renameGroup', options);
  const title =
    dialog.kind === 'department'
      ? t('people.renameDepartment')
      : dialog.kind === 'newGroup'
        ? t('people.addGroup')
        : t('people.renameGroup');
  const label = dialog.kind === 'department' ? t('fields.departmentName') : t('fields.groupName');
  const initial = dialog.kind === 'department' ? dialog.name : dialog.kind === 'renameGroup' ? dialog.group.name : '';

  const submit = async ({ name }: { name: string }) => {
    try {
      if (dialog.kind === 'department') await renameDepartment.mutateAsync({ name });
      else if (dialog.kind === 'newGroup') await createGroup.mutateAsync({ name });
      else await renameGroup.mutateAsync({ id: dialog.group.id, name });
    } catch (error) {
      form.setFields([{ name: 'name', errors: [(error as Error).message] }]);
    }
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: initial }}
        onFinish={submit}
        onValuesChange={() => showErrorsOnForm(form, null)}
      >
        <Form.Item name="name" label={label} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input
            autoFocus
            maxLength={dialog.kind === 'department' ? 40 : 20}
            placeholder={dialog.kind === 'department' ? '网络咨询部' : '五组'}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
