import type { Widen } from '../i18n/widen.ts';

// The attendance area's strings, reached as `attendance.<key>`.
export const zh = {} as const;

export const en: Widen<typeof zh> = {};
