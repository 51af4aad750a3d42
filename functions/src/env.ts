/**
 * Names of the environment variables our functions read. CDK sets them (with the matching IAM grant,
 * in one helper) and the local runtime sets them to the emulators' values.
 */
export const ENV = {
  tableName: 'TABLE_NAME',
  bucketName: 'BUCKET_NAME',
  eventBusName: 'EVENT_BUS_NAME',
  userPoolId: 'USER_POOL_ID',
  userPoolClientId: 'USER_POOL_CLIENT_ID',
  emailFrom: 'EMAIL_FROM',
  webUrl: 'WEB_URL',
  remindersTimeZone: 'REMINDERS_TIME_ZONE',
  /** Reminder thresholds in days (defaults in features/reminders/config.ts). */
  reminderDueSoonDays: 'REMINDER_DUE_SOON_DAYS',
  reminderEscalateAfterDays: 'REMINDER_ESCALATE_AFTER_DAYS',
  reminderReviewWaitDays: 'REMINDER_REVIEW_WAIT_DAYS',
  /** IANA zone that defines "today" for the programme (visit dates, due dates). */
  timeZone: 'PROGRAMME_TIME_ZONE',
  /** s3rver wants path-style addressing; real S3 does not. */
  s3ForcePathStyle: 'S3_FORCE_PATH_STYLE',
  /** Public endpoint browsers use for presigned S3 URLs when it differs from the SDK's. */
  s3PublicEndpoint: 'S3_PUBLIC_ENDPOINT',
} as const;
export type EnvKey = keyof typeof ENV;

/** Reads a required setting; a missing one is a deployment bug, so say which. */
export const env = (key: EnvKey): string => {
  const value = process.env[ENV[key]];
  if (!value) throw new Error(`Missing environment variable ${ENV[key]}`);
  return value;
};

export const optionalEnv = (key: EnvKey): string | undefined => process.env[ENV[key]] || undefined;
