import type { Widen } from '../i18n/widen.ts';

// The leave area's strings, reached as `leave.<key>`.
export const zh = {} as const;

export const en: Widen<typeof zh> = {};
