import dayjs from 'dayjs';
import type { RewardKind } from '../../../main/discipline/vocabulary.ts';

// Small formatting helpers of the discipline screens.

/** Integer fen as yuan with two decimals. */
export function yuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '' : (fen / 100).toFixed(2);
}

/** Yuan typed in a form as integer fen (never a float on the wire). */
export function toFen(yuanValue: number | null | undefined): number | null {
  return yuanValue === null || yuanValue === undefined ? null : Math.round(yuanValue * 100);
}

export function today(): string {
  return dayjs().format('YYYY-MM-DD');
}

export function thisMonth(): string {
  return dayjs().format('YYYY-MM');
}

/** A reward's title as shown: an honour's name from the list in `t`'s language, else the title typed. */
export function rewardTitle(r: { kind: RewardKind; title: string }, t: (key: string) => string): string {
  return r.kind === 'honour' ? t(`discipline.honourTitles.${r.title}`) : r.title;
}

/** The violation's name in the screen's language. */
export function violationName(v: { nameZh: string; nameEn: string }, language: string): string {
  return language === 'en' ? v.nameEn : v.nameZh;
}
