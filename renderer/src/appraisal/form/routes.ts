/** The scoring form of one appraisal, with the board scope to return to (and to step through). */
export function scoreRoute(id: number, period: string, groupId: number | null | undefined): string {
  const group = groupId === undefined ? '' : `&group=${groupId === null ? 'all' : groupId}`;
  return `/appraisal/score/${id}?period=${period}${group}`;
}
