import type { Widen } from '../i18n/widen.ts';

// The attendance screens' strings (under attendance.ui).
export const zh = {
  ui: {
    title: '考勤',
  },
} as const;

export const en: Widen<typeof zh> = {
  ui: {
    title: 'Attendance',
  },
};
