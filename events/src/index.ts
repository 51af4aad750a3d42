export * from './catalog.ts';
export * from './rules.ts';
export * from './schedules.ts';
export * from './stream.ts';
