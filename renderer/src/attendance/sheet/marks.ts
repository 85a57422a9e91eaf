import type { TFunction } from 'i18next';
import type { Sheet } from '../../../../main/attendance/contract.ts';

const order = [
  'missing',
  'unapproved',
  'absent',
  'absentHalf',
  'late',
  'early',
  'leave',
  'overtime',
  'present',
  'rest',
  'pending',
  'nodata',
  'unpublished',
  'none',
];

/** The mark that colours the cell: what needs attention first. */
export function mainMark(cell: string): string {
  const marks = cell.split('+').map((m) => m.replace(/:.*/, ''));
  return order.find((m) => marks.includes(m)) ?? 'none';
}

/** "3月5日 迟到 / 加班", for the cell's title. */
export function cellTitle(t: TFunction, sheet: Sheet, cell: string, date: string): string {
  const marks = cell
    .split('+')
    .filter(Boolean)
    .map((m) =>
      m.startsWith('leave:')
        ? (sheet.leaveTypes.find((l) => l.code === m.slice(6))?.label ?? t('attendance.marks.leave', { fine: 15 }))
        : t(`attendance.ui.markNames.${m}`),
    );
  return `${date} ${marks.join(' / ')}`;
}
