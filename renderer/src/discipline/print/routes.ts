/** The printable sanction notice and reward application form (A4 portrait, in Chinese). */
export const sanctionNoticeRoute = (id: number) => `/print/sanction-notice?id=${id}`;
export const rewardFormRoute = (id: number) => `/print/reward-form?id=${id}`;
