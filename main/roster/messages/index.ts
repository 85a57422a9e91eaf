import * as core from './core.ts';
import * as ui from './ui.ts';
import * as planning from './planning.ts';
import * as schedule from './schedule.ts';

// The roster area's strings, one file per part so each part owns its words; keys live under
// `roster.` (e.g. roster.rules.rest, roster.grid.title).
export const rosterZh = { ...core.zh, ...ui.zh, ...planning.zh, ...schedule.zh };
export const rosterEn = { ...core.en, ...ui.en, ...planning.en, ...schedule.en };
