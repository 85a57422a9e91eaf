/**
 * Orders codes (employee numbers, ISO dates) by their characters, as SQLite's ORDER BY does. A
 * locale's collation is not wanted for codes, and its first use in a window costs about 20 ms.
 */
export function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
