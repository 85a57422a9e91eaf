import { useState } from 'react';
import { Button, Card, Dropdown, Input, Modal, Form, Tree, Typography, Space, Tag } from 'antd';
import { ApartmentOutlined, PlusOutlined, EditOutlined, MoreOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Group } from '../../../main/people/contract.ts';
import { useApi, useApiMutation } from '../api/hooks.ts';
import { showErrorsOnForm } from '../api/form-errors.ts';
import type { HistoryTarget } from '../audit/HistoryDrawer.tsx';
import type { GroupFilter } from './PeoplePage.tsx';

type NameDialog = { kind: 'department'; name: string } | { kind: 'newGroup' } | { kind: 'renameGroup'; group: Group } | null;

/** Department → groups, with each group's leader and head count; picking a group filters the table. */
export function OrgTree(props: {
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

  const groupTitle = (g: Group) => (
    <div style={{ display: 'flex', alignItems: 'center', gap: 6, width: '100%' }} data-testid={`org-group-${g.name}`}>
      <div style={{ flex: 1, minWidth: 0 }}>
        <div>
          <Typography.Text strong={props.selected === g.id}>{g.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
            {t('people.members', { count: g.activeCount })}
          </Typography.Text>
          {g.archivedOn && <Tag style={{ marginLeft: 6 }}>{t('people.archived')}</Tag>}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {g.leaderName ? t('people.leader', { name: g.leaderName }) : t('people.noLeader')}
        </Typography.Text>
      </div>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'rename', label: t('people.renameGroup') },
            { key: 'archive', label: t('people.archiveGroup'), disabled: Boolean(g.archivedOn) || g.activeCount > 0 },
            { key: 'history', label: t('common.history') },
          ],
          onClick: ({ key, domEvent }) => {
            domEvent.stopPropagation();
            if (key === 'rename') setDialog({ kind: 'renameGroup', group: g });
            if (key === 'archive') archive.mutate({ id: g.id, archivedOn: dayjs().format('YYYY-MM-DD') });
            if (key === 'history') props.onHistory({ entity: 'group', entityId: g.id, title: g.name });
          },
        }}
      >
        <Button
          type="text"
          size="small"
          icon={<MoreOutlined />}
          aria-label={`${g.name} ${t('common.actions')}`}
          onClick={(e) => e.stopPropagation()}
        />
      </Dropdown>
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
        <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'newGroup' })}>
          {t('people.addGroup')}
        </Button>
      }
      style={{ width: 250, flexShrink: 0, overflow: 'auto' }}
      styles={{ body: { padding: 12 } }}
    >
      <Tree
        blockNode
        defaultExpandAll
        selectedKeys={[props.selected === undefined ? 'department' : String(props.selected)]}
        onSelect={(keys) => {
          const key = keys[0];
          props.onSelect(key === undefined || key === 'department' ? undefined : key === 'none' ? 'none' : Number(key));
        }}
        treeData={[
          {
            key: 'department',
            title: (
              <Space size={4}>
                <Typography.Text strong>{department?.name || t('people.departmentUnnamed')}</Typography.Text>
                <Button
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t('people.renameDepartment')}
                  onClick={(e) => {
                    e.stopPropagation();
                    setDialog({ kind: 'department', name: department?.name ?? '' });
                  }}
                />
              </Space>
            ),
            children: [
              ...groups.map((g) => ({ key: String(g.id), title: groupTitle(g) })),
              { key: 'none', title: <Typography.Text type="secondary">{t('people.unassigned')}</Typography.Text> },
            ],
          },
        ]}
      />
      {dialog && <NameDialogView dialog={dialog} onClose={() => setDialog(null)} />}
    </Card>
  );
}

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
