export * from './people.ts';
export * from './audit.ts';
export * from './settings.ts';
export * from './roster.ts';
export * from './attendance.ts';
export * from './appraisal.ts';
export * from './discipline.ts';
