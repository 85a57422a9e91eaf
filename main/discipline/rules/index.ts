export * from './catalogue.ts';
export * from './promotion.ts';
export * from './fund.ts';
export * from './records.ts';
