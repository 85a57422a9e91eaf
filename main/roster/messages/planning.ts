import type { Widen } from '../../i18n/widen.ts';

// Staffing from demand, hand-over files and roster exports.
export const zh = {
  staffing: {},
  handover: {},
  export: {},
} as const;

export const en: Widen<typeof zh> = {
  staffing: {},
  handover: {},
  export: {},
};
