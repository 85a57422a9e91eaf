import { useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Empty, Input, Segmented, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { BoardRowView } from '../../../../main/discipline/contract.ts';
import { nextRole, pathSteps } from '../../../../main/discipline/rules/promotion.ts';
import { useApi } from '../../api/hooks.ts';
import { VirtualTable, type Column } from '../../shell/VirtualTable.tsx';
import { PersonPicker } from '../PersonPicker.tsx';
import { ByField, ReasonDialog } from '../ReasonDialog.tsx';
import { useWrite } from '../useWrite.ts';
import { Conditions } from './Conditions.tsx';
import { Applications } from './Applications.tsx';

type Target = 'leader' | 'supervisor' | 'manager';

/** PRO-1…5: may this person take this role? The department at a glance, one person in detail, applications. */
export function PromotionTab() {
  const { t } = useTranslation();
  const [view, setView] = useState<'check' | 'applications'>('check');
  return (
    <div className="dis-panel" data-testid="discipline-promotion">
      <div className="dis-toolbar">
        <Segmented
          value={view}
          onChange={(v) => setView(v as 'check' | 'applications')}
          options={[
            { value: 'check', label: t('discipline.ui.promotion.check') },
            { value: 'applications', label: t('discipline.ui.promotion.applications') },
          ]}
        />
      </div>
      {view === 'check' ? <Check /> : <Applications />}
    </div>
  );
}

function Check() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useWrite();
  const [date, setDate] = useState<Dayjs>(dayjs());
  const [onlyEligible, setOnlyEligible] = useState(false);
  const [personId, setPersonId] = useState<number | null>(null);
  const [toRole, setToRole] = useState<Target | null>(null);
  const [note, setNote] = useState('');
  const [applying, setApplying] = useState(false);
  const onDate = date.format('YYYY-MM-DD');
  const board = useApi('discipline', 'promotionBoard', { onDate });
  const people = useApi('people', 'list', {});
  const person = people.data?.find((p) => p.id === personId);
  const target: Target | null = toRole ?? (person ? nextRole(person.role) : null);
  const skip = person && target ? pathSteps(person.role, target) > 1 : false;
  const check = useApi(
    'discipline',
    'promotionCheck',
    { personId: personId ?? 0, toRole: target ?? 'leader', onDate, exceptionNote: skip ? note || null : null },
    { enabled: personId !== null && target !== null },
  );
  const rows = useMemo(() => (board.data ?? []).filter((r) => !onlyEligible || r.eligible), [board.data, onlyEligible]);
  const pick = (id: number | null) => {
    setPersonId(id);
    setToRole(null);
    setNote('');
  };

  const columns: Column<BoardRowView>[] = [
    {
      key: 'name',
      title: t('fields.name'),
      width: 130,
      render: (r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => pick(r.personId)}>
          {r.name} <span className="dis-muted">{r.employeeNo}</span>
        </Button>
      ),
      compare: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
    },
    { key: 'group', title: t('fields.group'), width: 70, render: (r) => r.groupName ?? '' },
    {
      key: 'path',
      title: t('discipline.ui.promotion.path'),
      width: 150,
      render: (r) => {
        const path = `${t(`roles.${r.role}`)} → ${t(`roles.${r.toRole}`)}`;
        return (
          <span className="dis-ellipsis" title={path}>
            {path}
          </span>
        );
      },
    },
    {
      key: 'eligible',
      title: t('discipline.ui.promotion.result'),
      width: 210,
      render: (r) =>
        r.eligible ? (
          <span className="pill pill-green">{t('discipline.ui.promotion.eligible')}</span>
        ) : (
          <span
            className="dis-ellipsis"
            title={r.unmet.map((k) => t(`discipline.ui.promotion.conditions.${k}`)).join(t('common.listSeparator'))}
          >
            <span className="pill pill-grey">{t('discipline.ui.promotion.notEligible')}</span>{' '}
            <span className="dis-muted">
              {r.unmet.map((k) => t(`discipline.ui.promotion.conditions.${k}`)).join(t('common.listSeparator'))}
            </span>
          </span>
        ),
      compare: (a, b) => Number(b.eligible) - Number(a.eligible),
    },
    {
      key: 'pending',
      title: '',
      width: 70,
      render: (r) => (r.pendingApplication ? <span className="pill pill-blue">{t('discipline.promotionStatuses.applied')}</span> : null),
    },
  ];

  return (
    <div className="dis-split">
      <div style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        <div className="dis-toolbar">
          <DatePicker allowClear={false} value={date} onChange={(v) => v && setDate(v)} aria-label={t('discipline.ui.promotion.onDate')} />
          <Checkbox checked={onlyEligible} onChange={(e) => setOnlyEligible(e.target.checked)}>
            {t('discipline.ui.promotion.onlyEligible')}
          </Checkbox>
          <div className="dis-spacer" />
          <Typography.Text type="secondary">
            {t('discipline.ui.promotion.count', {
              eligible: (board.data ?? []).filter((r) => r.eligible).length,
              total: board.data?.length ?? 0,
            })}
          </Typography.Text>
        </div>
        {board.error && <Alert type="error" showIcon message={board.error.message} />}
        <div style={{ flex: 1, minHeight: 0 }}>
          <VirtualTable<BoardRowView>
            testId="promotion-board"
            rows={rows}
            columns={columns}
            rowKey={(r) => r.personId}
            empty={board.isPending ? null : <Empty description={t('discipline.ui.promotion.boardEmpty')} />}
          />
        </div>
      </div>
      <div style={{ overflow: 'auto', minHeight: 0 }}>
        <div className="dis-toolbar">
          <PersonPicker activeOnly value={personId} onChange={pick} width={240} testId="promotion-person" />
          <Select<Target>
            style={{ width: 130 }}
            aria-label={t('discipline.ui.promotion.toRole')}
            data-testid="promotion-target"
            value={target ?? undefined}
            placeholder={t('discipline.ui.promotion.toRole')}
            onChange={setToRole}
            options={(['leader', 'supervisor', 'manager'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
        </div>
        {skip && (
          <Input.TextArea
            rows={2}
            maxLength={300}
            style={{ marginBottom: 10 }}
            placeholder={t('discipline.ui.promotion.exceptionNote')}
            aria-label={t('discipline.ui.promotion.exceptionNote')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
        {personId === null ? (
          <Empty style={{ marginTop: 40 }} description={t('discipline.ui.promotion.pick')} />
        ) : !target ? (
          <Alert type="info" showIcon message={t('discipline.ui.promotion.top')} />
        ) : check.error ? (
          <Alert type="error" showIcon message={check.error.message} />
        ) : check.data ? (
          <>
            <Alert
              type={check.data.eligible ? 'success' : 'warning'}
              showIcon
              style={{ marginBottom: 10 }}
              data-testid="promotion-verdict"
              message={t(check.data.eligible ? 'discipline.ui.promotion.verdictYes' : 'discipline.ui.promotion.verdictNo', {
                name: check.data.name,
                role: t(`roles.${check.data.toRole}`),
                from: check.data.window.from,
                to: check.data.window.to,
              })}
            />
            <Conditions eligibility={check.data} />
            <Button type="primary" disabled={!check.data.eligible} onClick={() => setApplying(true)} data-testid="promotion-apply">
              {t(check.data.toRole === 'supervisor' ? 'discipline.ui.promotion.nominate' : 'discipline.ui.promotion.apply')}
            </Button>
          </>
        ) : null}
      </div>
      {applying && check.data && (
        <ReasonDialog
          title={t('discipline.ui.promotion.applyTitle', { name: check.data.name, role: t(`roles.${check.data.toRole}`) })}
          label={t('discipline.fields.note')}
          required={false}
          extra={<ByField label={t('discipline.ui.promotion.by')} />}
          onSubmit={async ({ text, by }) => {
            await write('applyPromotion', {
              personId: check.data!.personId,
              toRole: check.data!.toRole,
              appliedOn: onDate,
              exceptionNote: skip ? note || null : null,
              note: text || null,
              by: (by as string | undefined) || null,
            });
            void message.success(t('discipline.ui.promotion.applied'));
          }}
          onClose={() => setApplying(false)}
        />
      )}
    </div>
  );
}
