import type { Ctx } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { currentLanguage, t } from '../i18n/index.ts';
import type { PersonRecordView, TimelineEntry } from './contract.ts';
import { personResults } from './appraisal-link.ts';
import { personFacts, sanctionSelect, yuan } from './common.ts';
import { listHrFlags } from './flags.ts';
import type { SanctionView } from './contract.ts';

// A person's record over time (DIS-5, PRO-5): sanctions, rewards, appraisal results, role changes,
// promotion applications and HR flags on one timeline, newest first. Voided, rejected and
// withdrawn entries stay, struck through.

export function personRecord(ctx: Ctx, personId: number): PersonRecordView {
  const person = personFacts(ctx, personId);
  const en = currentLanguage() === 'en';
  const timeline: TimelineEntry[] = [];

  const sanctions = statement(ctx.store.sqlite, `${sanctionSelect} where s.person_id = ? order by s.date desc, s.id desc`).all(
    personId,
  ) as SanctionView[];
  for (const s of sanctions) {
    const money = s.amountFen ? ` ${t('discipline.money', { amount: yuan(s.amountFen) })}` : '';
    timeline.push({
      kind: 'sanction',
      id: s.id,
      date: s.date,
      title: `${s.code} ${en ? s.nameEn : s.nameZh}`,
      detail: `${t(`discipline.sanctionKinds.${s.sanction}`)}${money}${s.voidReason ? ` · ${t('discipline.record.voidedFor', { reason: s.voidReason })}` : ''}`,
      status: t(`discipline.sanctionStatuses.${s.status}`),
      struck: s.status === 'voided',
      amountFen: s.amountFen,
    });
  }

  const rewards = statement(
    ctx.store.sqlite,
    'select id, date, kind, title, amount_fen as amountFen, reason, status from rewards where person_id = ? order by date desc, id desc',
  ).all(personId) as Array<{
    id: number;
    date: string;
    kind: string;
    title: string;
    amountFen: number | null;
    reason: string;
    status: string;
  }>;
  for (const r of rewards) {
    timeline.push({
      kind: 'reward',
      id: r.id,
      date: r.date,
      title: r.kind === 'honour' ? t(`discipline.honourTitles.${r.title}`) : t('common.labelled', { label: t(`discipline.rewardKinds.${r.kind}`), value: r.title }),
      detail: r.reason,
      status: t(`discipline.rewardStatuses.${r.status}`),
      struck: r.status === 'voided' || r.status === 'rejected',
      amountFen: r.amountFen,
    });
  }

  const appraisals = personResults(ctx, personId);
  for (const a of appraisals) {
    timeline.push({
      kind: 'appraisal',
      id: a.id,
      date: a.endsOn,
      title: t('discipline.record.appraisal', { period: a.period }),
      detail: a.total === null ? '' : t('discipline.record.score', { total: Math.round(a.total * 10) / 10 }),
      status: t(`discipline.grades.${a.grade}`),
      struck: false,
      amountFen: null,
    });
  }

  const roles = statement(
    ctx.store.sqlite,
    'select id, from_role as fromRole, to_role as toRole, effective_on as effectiveOn, promotion_id as promotionId from role_changes where person_id = ? order by effective_on desc',
  ).all(personId) as Array<{ id: number; fromRole: string; toRole: string; effectiveOn: string; promotionId: number | null }>;
  for (const r of roles) {
    timeline.push({
      kind: 'role',
      id: r.id,
      date: r.effectiveOn,
      title: t('discipline.record.roleChange', { from: t(`roles.${r.fromRole}`), to: t(`roles.${r.toRole}`) }),
      detail: '',
      status: t('discipline.record.effective'),
      struck: false,
      amountFen: null,
    });
  }

  const promotions = statement(
    ctx.store.sqlite,
    'select id, to_role as toRole, applied_on as appliedOn, status, skip_level as skipLevel from promotions where person_id = ? order by applied_on desc',
  ).all(personId) as Array<{ id: number; toRole: string; appliedOn: string; status: string; skipLevel: number }>;
  for (const p of promotions) {
    timeline.push({
      kind: 'promotion',
      id: p.id,
      date: p.appliedOn,
      title: t('discipline.record.promotion', { role: t(`roles.${p.toRole}`) }),
      detail: p.skipLevel ? t('discipline.promotion.skipLevel') : '',
      status: t(`discipline.promotionStatuses.${p.status}`),
      struck: p.status === 'rejected' || p.status === 'withdrawn',
      amountFen: null,
    });
  }

  const flags = listHrFlags(ctx, undefined, personId);
  for (const f of flags) {
    timeline.push({
      kind: 'flag',
      id: f.id,
      date: f.raisedAt.slice(0, 10),
      title: t(`discipline.flagKinds.${f.kind}`),
      detail: f.summary,
      status: t(`discipline.flagStatuses.${f.status}`),
      struck: false,
      amountFen: null,
    });
  }

  timeline.sort((a, b) => b.date.localeCompare(a.date));
  const counting = sanctions.filter((s) => s.status !== 'voided');
  return {
    person: {
      id: person.id,
      employeeNo: person.employeeNo,
      name: person.name,
      groupName: person.groupName,
      role: person.role,
      hireDate: person.hireDate,
      status: person.status,
      leftOn: person.leftOn,
    },
    summary: {
      sanctions: counting.length,
      voided: sanctions.length - counting.length,
      finesFen: counting.filter((s) => s.sanction === 'fine').reduce((sum, s) => sum + (s.amountFen ?? 0), 0),
      unpaidFen: counting.filter((s) => s.sanction === 'fine' && s.paidOn === null).reduce((sum, s) => sum + (s.amountFen ?? 0), 0),
      rewards: rewards.filter((r) => r.status === 'approved').length,
      appraisals: appraisals.length,
      roleChanges: roles.length,
      openFlags: flags.filter((f) => f.status !== 'closed').length,
    },
    timeline,
  };
}
