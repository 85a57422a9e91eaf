import type { SanctionKind } from '../vocabulary.ts';

// DIS-3: the violation catalogue as the rulebooks write it, shipped as data. Each entry names the
// rulebook it comes from (a rule document code of the settings area) and a default sanction the
// supervisor can change when recording. The rulebooks leave the amounts blank: these are Banzu's
// proposals, editable in the catalogue (each edit is a new version).

export interface CatalogueDefault {
  code: string;
  nameZh: string;
  nameEn: string;
  rule: 'company.consulting' | 'company.operations';
  sanction: SanctionKind;
  /** Yuan; only for fines. */
  amountYuan: number | null;
}

const consulting = (
  n: number,
  nameZh: string,
  nameEn: string,
  sanction: SanctionKind,
  amountYuan: number | null = null,
): CatalogueDefault => ({ code: `DIS-3.${n}`, nameZh, nameEn, rule: 'company.consulting', sanction, amountYuan });

export const catalogueDefaults: CatalogueDefault[] = [
  consulting(1, '未经组长同意调换班', 'Swapping a shift without the leader’s approval', 'fine', 20),
  consulting(2, '在办公区长时间打私人电话', 'Long private calls at work', 'fine', 10),
  consulting(3, '在办公区域与上级领导发生争执', 'Arguing with a superior in the office', 'warning'),
  consulting(4, '离开工位未知会同伴监控聊天工具', 'Leaving the seat without asking a partner to watch the chat tools', 'fine', 20),
  consulting(5, '线上与客户交流用语不礼貌、与客户争吵', 'Impolite language or arguing with a customer online', 'fine', 50),
  consulting(6, '线下说脏话、辱骂客户', 'Swearing at or insulting customers offline', 'demerit'),
  consulting(7, '在项目合作沟通平台谈论与工作无关的话题', 'Off-topic chat on the partners’ platforms', 'fine', 10),
  consulting(8, '未按手机、座机、QQ 的顺序采集联系方式', 'Contact details collected in the wrong order (mobile, landline, QQ)', 'fine', 10),
  consulting(9, '不了解任何客户信息即直接采集联系方式', 'Contact details collected with no customer information', 'fine', 10),
  consulting(10, '把自己的信息赠予他人', 'Giving away one’s own contact details', 'warning'),
  consulting(11, '分工协作配合不力', 'Poor cooperation with colleagues', 'warning'),
  consulting(12, '未按项目要求配合客户完成工作', 'Not following the project’s requirements', 'warning'),
  consulting(13, '无故无应答（客户发出对话 20 秒内无回应）', 'No answer within 20 seconds of a customer’s message', 'fine', 10),
  consulting(14, '无故选忙碌或无故中断与客户的对话', 'Setting “busy” or ending a conversation without reason', 'fine', 20),
  consulting(15, '上下班前后 30 分钟内私自点忙碌', 'Setting “busy” within 30 minutes of the shift’s start or end', 'fine', 20),
  consulting(16, '录入信息不实，擅自更改或制造聊天内容', 'Inaccurate records, altered or invented chat content', 'major-demerit'),
  consulting(17, '遇异常情况（网站、断电、断网等）未及时反馈', 'Not reporting an anomaly (site down, power or network cut)', 'warning'),
  consulting(18, '违反公司其他规章制度', 'Other breaches of company rules', 'warning'),
  {
    code: 'ATT-2',
    nameZh: '迟到或早退 15 分钟以内',
    nameEn: 'Late or early by 15 minutes or less',
    rule: 'company.operations',
    sanction: 'fine',
    amountYuan: 20,
  },
  {
    code: 'ATT-3',
    nameZh: '迟到或早退超过 15 分钟（旷工半天）',
    nameEn: 'Late or early by more than 15 minutes (half a day of absence)',
    rule: 'company.operations',
    sanction: 'warning',
    amountYuan: null,
  },
  {
    code: 'ATT-4',
    nameZh: '迟到或早退超过 1 小时（旷工一天）',
    nameEn: 'Late or early by more than an hour (a day of absence)',
    rule: 'company.operations',
    sanction: 'demerit',
    amountYuan: null,
  },
  {
    code: 'ATT-7',
    nameZh: '无打卡且未请假（旷工）',
    nameEn: 'Rostered day without punches or approved leave (absence)',
    rule: 'company.operations',
    sanction: 'demerit',
    amountYuan: null,
  },
  {
    code: 'ATT-8',
    nameZh: '代他人打卡或伪造考勤记录',
    nameEn: 'Clocking in for someone else or forging attendance records',
    rule: 'company.operations',
    sanction: 'major-demerit',
    amountYuan: null,
  },
  {
    code: 'CONF-1',
    nameZh: '泄露公司、客户秘密信息',
    nameEn: 'Disclosing confidential company or customer information',
    rule: 'company.operations',
    sanction: 'termination-review',
    amountYuan: null,
  },
];

/** Codes: DIS-3.1, ATT-2, CONF-1, or the supervisor's own such as X-1. */
export const violationCodePattern = /^[A-Z]{1,6}-\d{1,3}(\.\d{1,3})?$/;

export interface CatalogueVersion {
  id: number;
  code: string;
  version: number;
  /** The publication date of the rule version this entry comes from. */
  publishedOn: string;
  archivedOn: string | null;
}

export type VersionAnswer<V> = { ok: true; version: V } | { ok: false; reason: 'unknown' | 'archived' | 'notPublished'; from?: string };

/**
 * LAW (rules bind only once published), DIS-3: the catalogue entry that applies to a violation on
 * a date is the newest version of its code whose rule was published on or before that date. A
 * code archived on or before the date no longer applies.
 */
export function versionInForce<V extends CatalogueVersion>(versions: readonly V[], code: string, date: string): VersionAnswer<V> {
  const ofCode = versions.filter((v) => v.code === code);
  if (ofCode.length === 0) return { ok: false, reason: 'unknown' };
  // Archiving marks the newest version; a later edit (a new version) brings the code back.
  const newest = ofCode.reduce((a, b) => (b.version > a.version ? b : a));
  if (newest.archivedOn !== null && newest.archivedOn <= date) return { ok: false, reason: 'archived', from: newest.archivedOn };
  const published = ofCode.filter((v) => v.publishedOn <= date).sort((a, b) => b.version - a.version);
  if (published.length === 0) {
    const earliest = ofCode.map((v) => v.publishedOn).sort()[0]!;
    return { ok: false, reason: 'notPublished', from: earliest };
  }
  return { ok: true, version: published[0]! };
}

/** DIS-1: the sanctions that carry an amount — a fine (always) and a pay cut (when it states one). */
export function takesAmount(kind: SanctionKind): boolean {
  return kind === 'fine' || kind === 'pay-cut';
}

/** DIS-1: a fine needs an amount; a pay cut may state one; other sanctions carry none. */
export function amountProblem(sanction: SanctionKind, amountFen: number | null): 'required' | 'notAllowed' | null {
  if (!takesAmount(sanction)) return amountFen === null ? null : 'notAllowed';
  if (sanction === 'fine') return amountFen === null || amountFen <= 0 ? 'required' : null;
  return null;
}

/** Catalogue order: by prefix as the rulebooks list them, then by number (DIS-3.2 before DIS-3.10). */
export function compareCodes(a: string, b: string): number {
  const order = ['DIS', 'ATT', 'CONF'];
  const rank = (c: string) => {
    const i = order.indexOf(c.split('-')[0]!);
    return i < 0 ? order.length : i;
  };
  const numbers = (c: string) => (c.split('-')[1] ?? '').split('.').map(Number);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a.split('-')[0] !== b.split('-')[0]) return a.localeCompare(b);
  const [x, y] = [numbers(a), numbers(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
