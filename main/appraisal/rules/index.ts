// The appraisal area's pure rules (APR-1…9), shared by main and the renderer.
export * from './types.ts';
export * from './period.ts';
export * from './template.ts';
export * from './score.ts';
export * from './grade.ts';
export * from './flow.ts';
export * from './outcome.ts';
export * from './annual.ts';
export * from './default-template.ts';
