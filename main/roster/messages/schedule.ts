import type { Widen } from '../../i18n/widen.ts';

// The auto-scheduler as the user sees it.
export const zh = {
  schedule: {},
} as const;

export const en: Widen<typeof zh> = {
  schedule: {},
};
