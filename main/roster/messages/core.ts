import type { Widen } from '../../i18n/widen.ts';

// Roster services: rule explanations, shift types, coverage, calendar, publishing, swaps.
export const zh = {
  rules: {},
} as const;

export const en: Widen<typeof zh> = {
  rules: {},
};
