export * from './schedules.ts';
export * from './rules.ts';
