import type { Widen } from '../i18n/widen.ts';

// The leave and overtime screens' strings (under leave.ui).
export const zh = {
  ui: {
    title: '请假/加班',
  },
} as const;

export const en: Widen<typeof zh> = {
  ui: {
    title: 'Leave and overtime',
  },
};
