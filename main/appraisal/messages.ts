import type { Widen } from '../i18n/widen.ts';

// The appraisal area's strings, reached as `appraisal.<key>`.
export const zh = {} as const;

export const en: Widen<typeof zh> = {};
