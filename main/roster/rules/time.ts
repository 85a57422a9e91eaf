// Times of day are minutes from midnight; a shift whose end is not after its start crosses
// midnight and belongs to the day it starts (ROS-3).

const DAY_MS = 86_400_000;

/** Length of a shift in minutes; 16:00–24:00 is stored as 960–0 and lasts 480. */
export function shiftLength(startMinute: number, endMinute: number): number {
  return endMinute > startMinute ? endMinute - startMinute : endMinute + 1440 - startMinute;
}

export function crossesMidnight(startMinute: number, endMinute: number): boolean {
  return endMinute < startMinute && endMinute !== 0;
}

/** "08:00"; 1440 (the end of a day) is written "24:00". */
export function clock(minute: number): string {
  const m = ((minute % 1440) + 1440) % 1440;
  const h = minute === 1440 ? 24 : Math.floor(m / 60);
  return `${String(h).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (UTC, so no time zone can shift it). */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDayNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
