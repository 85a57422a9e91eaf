import dayjs from 'dayjs';

/**
 * A moment main stored (an ISO string in UTC) as the user's local date and time. Slicing the
 * string instead showed UTC, eight hours behind Beijing time.
 */
export function momentText(iso: string, withYear = true): string {
  return dayjs(iso).format(withYear ? 'YYYY-MM-DD HH:mm' : 'MM-DD HH:mm');
}

/** The user's local date of a moment main stored. */
export function momentDate(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD');
}
