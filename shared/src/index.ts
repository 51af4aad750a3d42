export * from './api/attachments.ts';
export * from './api/audit.ts';
export * from './api/common.ts';
export * from './api/errors.ts';
export * from './api/facilities.ts';
export * from './api/follow-ups.ts';
export * from './api/logs.ts';
export * from './api/notifications.ts';
export * from './api/reports.ts';
export * from './api/system.ts';
export * from './api/text.ts';
export * from './api/users.ts';
export * from './domain/dates.ts';
export * from './domain/geo.ts';
export {
  allowedActions,
  checkTransition,
  type LogRelation,
  logActions,
  logStatuses,
  mayAct,
  pastTense,
  planningEditable,
  reportingEditable,
  type TransitionCheck,
  transitions,
} from './domain/lifecycle.ts';
export * from './domain/log-fields.ts';
export * from './domain/log-requirements.ts';
export * from './domain/new-log.ts';
export * from './openapi.ts';
export * from './password-policy.ts';
export * from './roles.ts';
export * from './routes/index.ts';
