/** A message lookup (main's t or the renderer's). */
type Translate = (key: string) => string;

/** The text of a 考勤表 cell, on screen and in the XLSX: each mark's symbol, leave its type's own ("迟/加", "年"). */
export function cellText(t: Translate, cell: string, leaveSymbols: Map<string, string>): string {
  if (!cell) return '';
  return cell
    .split('+')
    .map((mark) =>
      mark.startsWith('leave:') ? (leaveSymbols.get(mark.slice(6)) ?? t('attendance.symbols.leave')) : t(`attendance.symbols.${mark}`),
    )
    .filter(Boolean)
    .join('/');
}
