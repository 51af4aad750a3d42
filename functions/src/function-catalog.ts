import { httpFunctionNames } from '@dml/shared';

/**
 * DynamoDB operations on the table and its indexes. No Scan and no PartiQL: every access pattern is a
 * GetItem or a bounded Query.
 */
export type TableAction =
  | 'GetItem'
  | 'BatchGetItem'
  | 'Query'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'BatchWriteItem'
  | 'ConditionCheckItem';
/** Object operations only (no ListBucket): keys are ids the table already knows. */
export type BucketAction = 'GetObject' | 'PutObject' | 'DeleteObject';

/**
 * What each Lambda function needs. CDK turns every entry into a Lambda function with exactly these
 * grants and env vars (one helper, so a grant never drifts from its config); the local runtime loads
 * the same entries. HTTP functions must cover every `fn` of the route table (a test checks).
 * The operations listed are exactly those the function's code calls: a test derives them from its
 * bundle and compares, so a role grants nothing its code does not use.
 */
export type Access = {
  table?: readonly TableAction[];
  /** A presigned URL or POST is signed with the function's own credentials, so it counts. */
  bucket?: readonly BucketAction[];
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
    access: { table: ['GetItem', 'Query'] },
  },
  users: {
    entry: 'handlers/users.ts',
    trigger: 'http',
    description: 'Users, invitations and facility assignments.',
    access: {
      table: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'],
      userPool: 'admin',
      email: 'send',
    },
  },
  facilities: {
    entry: 'handlers/facilities.ts',
    trigger: 'http',
    description: 'The facility registry.',
    access: {
      table: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'],
    },
  },
  logs: {
    entry: 'handlers/logs.ts',
    trigger: 'http',
    description: 'Mentorship logs: plans, reports, the review chain.',
    access: { table: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'] },
  },
  'follow-ups': {
    entry: 'handlers/follow-ups.ts',
    trigger: 'http',
    description: 'Follow-up action items.',
    access: { table: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'] },
  },
  notifications: {
    entry: 'handlers/notifications.ts',
    trigger: 'http',
    description: 'In-app notifications.',
    access: { table: ['GetItem', 'Query', 'PutItem'] },
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
    access: { table: ['BatchGetItem', 'Query', 'PutItem', 'UpdateItem'], email: 'send' },
  },
  attachments: {
    entry: 'handlers/attachments.ts',
    trigger: 'http',
    description: 'Attachments: presigned uploads and downloads, checks at confirm.',
    access: {
      table: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'],
      bucket: ['GetObject', 'PutObject', 'DeleteObject'],
    },
  },
  'attachment-check': {
    entry: 'handlers/attachment-check.ts',
    trigger: 'event',
    description: 'S3 object-created events: checks uploads that were never confirmed.',
    access: {
      table: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
      bucket: ['GetObject', 'PutObject', 'DeleteObject'],
    },
  },
  reports: {
    entry: 'handlers/reports.ts',
    trigger: 'http',
    description:
      'Dashboards, trends and summaries from the pre-aggregated figures; reconciliation on demand.',
    access: { table: ['GetItem', 'BatchGetItem', 'Query', 'BatchWriteItem'] },
  },
  exports: {
    entry: 'handlers/exports.ts',
    trigger: 'http',
    description:
      'XLSX exports of logs and follow-ups, written under exports/ and handed over as short-lived links.',
    access: { table: ['GetItem', 'BatchGetItem', 'Query'], bucket: ['GetObject', 'PutObject'] },
    timeoutSeconds: 29,
    memoryMb: 1024,
  },
  'visit-report': {
    entry: 'handlers/visit-report.ts',
    trigger: 'http',
    description:
      'PDF visit reports with photo thumbnails, written under exports/ and handed over as short-lived links.',
    access: { table: ['GetItem', 'Query'], bucket: ['GetObject', 'PutObject'] },
    timeoutSeconds: 29,
    memoryMb: 1024,
  },
  reconcile: {
    entry: 'handlers/reconcile.ts',
    trigger: 'schedule',
    description: 'Nightly: recompute the figures from source and repair drift.',
    access: { table: ['BatchGetItem', 'Query', 'BatchWriteItem'] },
    timeoutSeconds: 300,
  },
  audit: {
    entry: 'handlers/audit.ts',
    trigger: 'http',
    description: 'The audit trail (admins).',
    access: { table: ['GetItem', 'Query'] },
  },
  reminders: {
    entry: 'handlers/reminders.ts',
    trigger: 'schedule',
    description: 'Daily reminder digests.',
    access: { table: ['BatchGetItem', 'Query', 'PutItem', 'DeleteItem'], email: 'send' },
    timeoutSeconds: 120,
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof functionCatalog;
export const functionNames = Object.keys(functionCatalog) as FunctionName[];

export const missingHttpFunctions = () => httpFunctionNames.filter((name) => !(name in functionCatalog));
