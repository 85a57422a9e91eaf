import type { TFunction } from 'i18next';

/** "03-05 至 03-09", with the half days named ("03-05 下午 至 03-06 上午"). */
export function periodText(
  t: TFunction,
  r: { startDate: string; startPart: 'full' | 'pm'; endDate: string; endPart: 'full' | 'am' },
): string {
  const start = `${r.startDate.slice(5)}${r.startPart === 'pm' ? ` ${t('leave.parts.pm')}` : ''}`;
  const end = `${r.endDate.slice(5)}${r.endPart === 'am' ? ` ${t('leave.parts.am')}` : ''}`;
  return r.startDate === r.endDate && r.startPart === 'full' && r.endPart === 'full' ? start : t('leave.ui.period', { start, end });
}
