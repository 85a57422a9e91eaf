/**
 * The printable appraisal form (A4 portrait, in Chinese): one person (id) or everyone of a period
 * in a group or the department, one page each. system.printPdf accepts /print/<name>?<query>.
 */
export function formPrintRoute(scope: { id: number } | { period: string; groupId: number | null }): string {
  return 'id' in scope
    ? `/print/appraisal-form?id=${scope.id}`
    : `/print/appraisal-form?period=${scope.period}&group=${scope.groupId ?? 'all'}`;
}
