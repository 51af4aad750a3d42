/**
 * EventBridge rules as data: CDK creates one rule per entry on the custom bus, targeting the named
 * function; the local router matches events with the same patterns.
 */
/** EventBridge content filters: exact values, or matchers such as `{ prefix }`, `{ exists }`. */
export type PatternValue =
  | string
  | number
  | boolean
  | null
  | { prefix: string }
  | { exists: boolean }
  | { 'anything-but': unknown[] };
export type EventPattern = {
  source?: string[];
  'detail-type'?: string[];
  /** Nested fields, each an array of PatternValue. */
  detail?: Record<string, unknown>;
};

export type RuleDef = {
  description: string;
  pattern: EventPattern;
  /** Function name in functions/src/function-catalog.ts. */
  target: string;
  /**
   * `app` (default): our custom bus, fed by the outbox relay. `aws`: the account's default bus, where
   * AWS services such as S3 publish — there is no local stand-in for those, so they run in AWS only.
   */
  bus?: 'app' | 'aws';
  /** CDK narrows the pattern to the attachments bucket (its name is only known at deploy time). */
  attachmentsBucketOnly?: boolean;
};

import { EVENT_SOURCE } from './catalog.ts';

export const rules: Record<string, RuleDef> = {
  notify: {
    description: 'Events people must act on become in-app notifications and emails.',
    pattern: {
      source: [EVENT_SOURCE],
      'detail-type': [
        'mentorship-log.submitted',
        'mentorship-log.withdrawn',
        'mentorship-log.returned',
        'mentorship-log.approved',
        'mentorship-log.completed',
        'mentorship-log.verified',
        'mentorship-log.reopened',
        'follow-up.assigned',
        'follow-up.status-changed',
      ],
    },
    target: 'notifier',
  },
  checkUploads: {
    description: 'Uploads whose client never confirmed them get the same checks as a confirm.',
    bus: 'aws',
    attachmentsBucketOnly: true,
    pattern: {
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: { object: { key: [{ prefix: 'pending/' }] } },
    },
    target: 'attachment-check',
  },
};
