import type { Widen } from '../i18n/widen.ts';

// The discipline area's strings, reached as `discipline.<key>`.
export const zh = {} as const;

export const en: Widen<typeof zh> = {};
