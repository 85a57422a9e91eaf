import { useState } from 'react';
import { Alert, App, Button, Checkbox, Input, List, Modal, Result, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MonthView } from '../../../../main/roster/contract.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { momentText } from '../../shell/moment.ts';

/**
 * ROS-7: publishing first checks the month and lists what is still wrong; publishing anyway is an
 * explicit choice with a note, and main records it.
 */
export function PublishDialog({ view, onClose }: { view: MonthView; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [groupId, setGroupId] = useState<number | undefined>(
    view.groupId ?? view.groups.find((g) => g.status === 'draft')?.id ?? view.groups[0]?.id,
  );
  const [acknowledged, setAcknowledged] = useState(false);
  const [note, setNote] = useState('');
  const check = useApi(
    'roster',
    'check',
    { month: view.month, groupId: groupId ?? null },
    { enabled: groupId !== undefined, staleTime: 0, refetchOnMount: 'always' },
  );
  const publish = useApiMutation('roster', 'publish', {
    invalidates: ['roster'],
    onSuccess: () => {
      void message.success(t('roster.grid.publishedMessage'));
      onClose();
    },
  });
  const group = view.groups.find((g) => g.id === groupId);
  const issues = check.data ?? [];
  // Publishing with problems is a conscious choice: ticked, and with a note saying why.
  const blocked = issues.length > 0 && (!acknowledged || note.trim() === '');

  const submit = () => {
    if (groupId === undefined) return;
    publish.mutate({ month: view.month, groupId, acknowledgeIssues: issues.length > 0, note: note.trim() || null });
  };

  return (
    <Modal
      open
      width={620}
      title={t('roster.grid.publishTitle', { month: view.month })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="publish"
          type="primary"
          danger={issues.length > 0}
          disabled={check.isPending || blocked || groupId === undefined}
          loading={publish.isPending}
          onClick={submit}
          data-testid="publish-confirm"
        >
          {issues.length > 0 ? t('roster.grid.publishAnyway') : t('roster.grid.publish')}
        </Button>,
      ]}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="publish-dialog">
        {view.groupId === null && (
          <Select
            style={{ width: 220 }}
            value={groupId}
            onChange={(id) => {
              setGroupId(id);
              setAcknowledged(false);
            }}
            aria-label={t('roster.grid.publishGroup')}
            options={view.groups.map((g) => ({ value: g.id, label: g.name }))}
          />
        )}
        {group?.status === 'published' && (
          <Alert
            type="info"
            showIcon
            title={t('roster.grid.alreadyPublished', { at: group.publishedAt ? momentText(group.publishedAt) : '' })}
          />
        )}
        {check.isPending ? (
          <Spin />
        ) : check.error ? (
          <Alert type="error" showIcon title={check.error.message} />
        ) : issues.length === 0 ? (
          <Result status="success" title={t('roster.grid.checkClean')} subTitle={t('roster.grid.checkCleanBody')} style={{ padding: 8 }} />
        ) : (
          <>
            <Alert
              type="warning"
              showIcon
              title={t('roster.grid.checkIssues', { count: issues.length })}
              description={t('roster.grid.checkIssuesBody')}
            />
            <List
              size="small"
              bordered
              style={{ maxHeight: 240, overflow: 'auto' }}
              dataSource={issues}
              data-testid="publish-issues"
              renderItem={(issue) => (
                <List.Item>
                  <Typography.Text type="danger" strong style={{ marginRight: 8 }}>
                    {issue.ruleId}
                  </Typography.Text>
                  {issue.message}
                </List.Item>
              )}
            />
            <Input.TextArea
              rows={2}
              maxLength={300}
              placeholder={t('roster.grid.publishNote')}
              aria-label={t('roster.grid.publishNote')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <Checkbox checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} data-testid="publish-acknowledge">
              {t('roster.grid.publishAcknowledge')}
            </Checkbox>
          </>
        )}
      </Space>
    </Modal>
  );
}
