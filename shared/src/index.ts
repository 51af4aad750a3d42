export * from './api/common.ts';
export * from './api/errors.ts';
export * from './api/system.ts';
export * from './api/users.ts';
export * from './roles.ts';
export * from './routes/index.ts';
export * from './openapi.ts';
