import { useState } from 'react';
import { Table, Tag, Typography, Button, Space, Tooltip, Modal, Timeline, Spin } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SettingView } from '../../../main/settings/contract.ts';
import { useApi } from '../api/hooks.ts';
import { ChangeSettingDialog } from './ChangeSettingDialog.tsx';

const groupsInOrder = ['roster', 'attendance', 'leave', 'overtime', 'appraisal', 'discipline', 'law'];

export function settingLabel(t: TFunction, key: string, part: 'label' | 'help' = 'label'): string {
  return t(`settingItems.${key}.${part}`);
}

/** A company rule as cited beside a value: 考勤管理制度 V3.2（2025-01-01）. */
export function ruleLabel(t: TFunction, rule: Pick<SettingView['current']['rule'], 'title' | 'version' | 'publishedOn'>): string {
  return t('common.withNote', { text: `${rule.title} ${rule.version}`, note: rule.publishedOn });
}

/** A value as a supervisor reads it: 09:00, 20 元, 5 / 10 / 15 天, 全国. */
export function formatSettingValue(t: TFunction, setting: Pick<SettingView, 'type'>, value: SettingView['current']['value']): string {
  const type = setting.type;
  if (type.kind === 'time') {
    const minutes = Number(value);
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }
  if (type.kind === 'choice') return t(`${type.labels}.${String(value)}`);
  const unit = t(`settings.units.${type.unit}`);
  const spaced = type.unit === 'percent' || type.unit === 'times' ? unit : ` ${unit}`;
  if (Array.isArray(value)) return `${value.join(' / ')}${spaced}`;
  return `${value}${spaced}`;
}

function HistoryDialog({ setting, onClose }: { setting: SettingView; onClose: () => void }) {
  const { t } = useTranslation();
  const history = useApi('settings', 'history', { key: setting.key });
  return (
    <Modal open footer={null} onCancel={onClose} title={t('settings.historyTitle', { label: settingLabel(t, setting.key) })}>
      {history.isPending ? (
        <Spin />
      ) : (
        <Timeline
          items={(history.data ?? []).map((e) => ({
            key: e.id,
            children: (
              <div>
                <Typography.Text strong>{formatSettingValue(t, setting, e.value)}</Typography.Text>
                <div style={{ fontSize: 13 }}>
                  {t('common.labelled', { label: t('settings.effective'), value: e.effectiveFrom })} ·{' '}
                  {t('common.labelled', { label: t('settings.source'), value: ruleLabel(t, e.rule) })}
                </div>
                {e.note && <Typography.Text type="secondary">{e.note}</Typography.Text>}
              </div>
            ),
          }))}
        />
      )}
    </Modal>
  );
}

/** Every *default* of the rulebooks and the law, with the published rule version each comes from. */
export function RulesTab() {
  const { t } = useTranslation();
  const settings = useApi('settings', 'list', {});
  const [changing, setChanging] = useState<SettingView | null>(null);
  const [viewing, setViewing] = useState<SettingView | null>(null);
  const rows = [...(settings.data ?? [])].sort((a, b) => groupsInOrder.indexOf(a.group) - groupsInOrder.indexOf(b.group));

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('settings.rulesIntro')}
      </Typography.Paragraph>
      <Table<SettingView>
        data-testid="settings-table"
        size="small"
        rowKey="key"
        loading={settings.isPending}
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t('settings.category'),
            dataIndex: 'group',
            width: 110,
            // One cell per group, spanning its rows.
            onCell: (row, index = 0) => {
              const first = rows.findIndex((r) => r.group === row.group);
              return { rowSpan: index === first ? rows.filter((r) => r.group === row.group).length : 0 };
            },
            render: (group: string) => <Typography.Text strong>{t(`settings.groups.${group}`)}</Typography.Text>,
          },
          {
            title: t('fields.title'),
            key: 'label',
            render: (_v, s) => (
              <Space size={4} wrap>
                <span>{settingLabel(t, s.key)}</span>
                <Tooltip title={settingLabel(t, s.key, 'help')}>
                  <QuestionCircleOutlined style={{ color: '#999' }} />
                </Tooltip>
                <Tag bordered={false}>{s.ruleId}</Tag>
                {s.blankInRulebook && (
                  <Tooltip title={t('settings.blankInRulebook')}>
                    <Tag color="gold" bordered={false}>
                      [X]
                    </Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: t('settings.current'),
            key: 'value',
            width: 150,
            render: (_v, s) => (
              <div>
                <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatSettingValue(t, s, s.current.value)}
                </Typography.Text>
                {s.upcoming && (
                  <div style={{ fontSize: 12 }}>
                    <Typography.Text type="warning">
                      → {t('common.withNote', { text: formatSettingValue(t, s, s.upcoming.value), note: s.upcoming.effectiveFrom })}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          {
            title: t('settings.source'),
            key: 'source',
            ellipsis: true,
            render: (_v, s) => (
              <Tooltip title={ruleLabel(t, s.current.rule)}>
                {s.current.rule.title} <Typography.Text type="secondary">{s.current.rule.version}</Typography.Text>
              </Tooltip>
            ),
          },
          {
            title: t('settings.effective'),
            key: 'effective',
            width: 110,
            className: 'banzu-numeric',
            render: (_v, s) => s.current.effectiveFrom,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            render: (_v, s) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setChanging(s)}>
                  {t('settings.change')}
                </Button>
                <Button type="link" size="small" onClick={() => setViewing(s)}>
                  {t('common.history')}
                  {s.historyCount > 1 ? ` (${s.historyCount})` : ''}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {changing && <ChangeSettingDialog setting={changing} onClose={() => setChanging(null)} />}
      {viewing && <HistoryDialog setting={viewing} onClose={() => setViewing(null)} />}
    </>
  );
}
