import type { Widen } from '../i18n/widen.ts';

// The overtime area's strings, reached as `overtime.<key>`.
export const zh = {} as const;

export const en: Widen<typeof zh> = {};
