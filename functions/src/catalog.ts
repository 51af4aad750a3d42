import { httpFunctionNames } from '@dml/shared';

/**
 * What each Lambda function needs. CDK turns every entry into a NodejsFunction with exactly these
 * grants and env vars (one helper, so a grant never drifts from its config); the local runtime loads
 * the same entries. HTTP functions must cover every `fn` of the route table (a test checks).
 */
export type Access = {
  table?: 'read' | 'readwrite';
  bucket?: 'read' | 'readwrite';
  userPool?: 'admin';
  email?: 'send';
  bus?: 'put';
  /** Reads the table's stream (the outbox publisher). */
  stream?: 'read';
};

export type FunctionSpec = {
  /** Path under functions/src. */
  entry: string;
  trigger: 'http' | 'event' | 'schedule' | 'stream';
  description: string;
  access: Access;
  timeoutSeconds?: number;
  memoryMb?: number;
};

export const functionCatalog = {
  system: {
    entry: 'handlers/system.ts',
    trigger: 'http',
    description: 'Health, OpenAPI document and the caller profile.',
    access: { table: 'read' },
  },
  users: {
    entry: 'handlers/users.ts',
    trigger: 'http',
    description: 'Users, invitations and facility assignments.',
    access: { table: 'readwrite', userPool: 'admin', email: 'send' },
  },
  facilities: {
    entry: 'handlers/facilities.ts',
    trigger: 'http',
    description: 'The facility registry.',
    access: { table: 'readwrite' },
  },
  logs: {
    entry: 'handlers/logs.ts',
    trigger: 'http',
    description: 'Mentorship logs: plans, reports, the review chain.',
    access: { table: 'readwrite' },
  },
  'follow-ups': {
    entry: 'handlers/follow-ups.ts',
    trigger: 'http',
    description: 'Follow-up action items.',
    access: { table: 'readwrite' },
  },
  notifications: {
    entry: 'handlers/notifications.ts',
    trigger: 'http',
    description: 'In-app notifications.',
    access: { table: 'readwrite' },
  },
  publisher: {
    entry: 'handlers/publisher.ts',
    trigger: 'stream',
    description: 'Outbox relay: outbox items on the table stream become events on the bus.',
    access: { stream: 'read', bus: 'put' },
  },
  notifier: {
    entry: 'handlers/notifier.ts',
    trigger: 'event',
    description: 'Domain events → in-app notifications and emails.',
    access: { table: 'readwrite', email: 'send' },
  },
  attachments: {
    entry: 'handlers/attachments.ts',
    trigger: 'http',
    description: 'Attachments: presigned uploads and downloads, checks at confirm.',
    access: { table: 'readwrite', bucket: 'readwrite' },
  },
  'attachment-check': {
    entry: 'handlers/attachment-check.ts',
    trigger: 'event',
    description: 'S3 object-created events: checks uploads that were never confirmed.',
    access: { table: 'readwrite', bucket: 'readwrite' },
  },
  reports: {
    entry: 'handlers/reports.ts',
    trigger: 'http',
    description:
      'Dashboards, trends and summaries from the pre-aggregated figures; reconciliation on demand.',
    access: { table: 'readwrite' },
  },
  exports: {
    entry: 'handlers/exports.ts',
    trigger: 'http',
    description:
      'XLSX exports of logs and follow-ups, written under exports/ and handed over as short-lived links.',
    access: { table: 'read', bucket: 'readwrite' },
    timeoutSeconds: 29,
    memoryMb: 1024,
  },
  'visit-report': {
    entry: 'handlers/visit-report.ts',
    trigger: 'http',
    description:
      'PDF visit reports with photo thumbnails, written under exports/ and handed over as short-lived links.',
    access: { table: 'read', bucket: 'readwrite' },
    timeoutSeconds: 29,
    memoryMb: 1024,
  },
  reconcile: {
    entry: 'handlers/reconcile.ts',
    trigger: 'schedule',
    description: 'Nightly: recompute the figures from source and repair drift.',
    access: { table: 'readwrite' },
    timeoutSeconds: 300,
  },
  audit: {
    entry: 'handlers/audit.ts',
    trigger: 'http',
    description: 'The audit trail (admins).',
    access: { table: 'read' },
  },
  reminders: {
    entry: 'handlers/reminders.ts',
    trigger: 'schedule',
    description: 'Daily reminder digests.',
    access: { table: 'readwrite', email: 'send' },
    timeoutSeconds: 120,
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof functionCatalog;
export const functionNames = Object.keys(functionCatalog) as FunctionName[];

export const missingHttpFunctions = () => httpFunctionNames.filter((name) => !(name in functionCatalog));
