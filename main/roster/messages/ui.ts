import type { Widen } from '../../i18n/widen.ts';

// Roster screens: the grid and its dialogs.
export const zh = {
  grid: {},
} as const;

export const en: Widen<typeof zh> = {
  grid: {},
};
