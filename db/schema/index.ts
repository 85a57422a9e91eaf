export * from './people.ts';
export * from './audit.ts';
export * from './settings.ts';
export * from './roster.ts';
