import dayjs from 'dayjs';

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

export function monthRange(month: string): { from: string; to: string } {
  const start = dayjs(`${month}-01`);
  return { from: start.format('YYYY-MM-DD'), to: start.endOf('month').format('YYYY-MM-DD') };
}

/** The violation's name in the screen's language. */
export function violationName(v: { nameZh: string; nameEn: string }, language: string): string {
  return language === 'en' ? v.nameEn : v.nameZh;
}
