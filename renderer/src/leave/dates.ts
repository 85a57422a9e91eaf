// Month arithmetic on "YYYY-MM" strings for the leave and attendance screens.

export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** "HH:mm" for minutes from midnight; past midnight it reads as the next day's time. */
export function clockOf(minute: number): string {
  const m = ((minute % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function hoursOf(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}
