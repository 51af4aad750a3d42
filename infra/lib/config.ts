import { type ScheduleName, scheduleNames, schedules } from '@dml/events';
import { DEFAULT_TIME_ZONE } from '@dml/shared';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import { apiThrottling } from '#definitions/api';
import { defaultWebDist } from './paths.ts';

/** SES settings; absent until a programme has a verified sender. */
export type EmailConfig = {
  /** The From address (`-c emailFrom=no-reply@example.org`). */
  from: string;
  /** The verified SES identity that address belongs to: the domain when `sesVerifiedDomain` is set, else the address. */
  identity: string;
  /** When set, Cognito and the grants use the domain identity instead of the address. */
  verifiedDomain?: string;
  /** SES region when it differs from the stack's. */
  region?: string;
};

export type AppConfig = {
  /** Stack names start with this, so several stages can live in one account (`-c stackPrefix=DmlStaging`). */
  stackPrefix: string;
  /** The built web app (web/dist), deployed to the site bucket. */
  webDist: string;
  email?: EmailConfig;
  /** A custom domain for the web app; without one CloudFront's own domain and certificate serve it. */
  webDomain?: { name: string; certificateArn: string };
  /** IANA zone per schedule (`-c remindersTimeZone=Africa/Lagos`), defaulting to the schedule's own. */
  scheduleTimeZones: Record<ScheduleName, string>;
  /** The zone that defines "today" for visit and due dates (`-c timeZone=Africa/Lagos`). */
  timeZone: string;
  throttle: { rateLimit: number; burstLimit: number };
  logRetention: RetentionDays;
};

const text = (node: Node, key: string): string | undefined => {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  return String(value);
};

const integer = (node: Node, key: string, fallback: number): number => {
  const raw = text(node, key);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`Context ${key} must be a positive integer, got "${raw}"`);
  return value;
};

const timeZone = (key: string, zone: string): string => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new Error(`Context ${key} must be an IANA time zone such as Africa/Lagos, got "${zone}"`);
  }
  return zone;
};

const emailConfig = (node: Node): EmailConfig | undefined => {
  const from = text(node, 'emailFrom');
  if (!from) return undefined;
  if (!/^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/.test(from)) {
    throw new Error(`Context emailFrom must be a bare address such as no-reply@example.org, got "${from}"`);
  }
  const verifiedDomain = text(node, 'sesVerifiedDomain');
  if (verifiedDomain && !from.endsWith(`@${verifiedDomain}`)) {
    throw new Error(`Context emailFrom (${from}) is not in sesVerifiedDomain (${verifiedDomain})`);
  }
  return { from, identity: verifiedDomain ?? from, verifiedDomain, region: text(node, 'sesRegion') };
};

const webDomain = (node: Node): AppConfig['webDomain'] => {
  const name = text(node, 'webDomainName');
  const certificateArn = text(node, 'webCertificateArn');
  if (!name && !certificateArn) return undefined;
  if (!name || !certificateArn?.startsWith('arn:')) {
    throw new Error(
      'Set both webDomainName and webCertificateArn (an ACM certificate in us-east-1) for a custom domain',
    );
  }
  return { name, certificateArn };
};

const retentionDays = (node: Node): RetentionDays => {
  const days = integer(node, 'logRetentionDays', RetentionDays.THREE_MONTHS);
  if (!Object.values(RetentionDays).includes(days)) {
    throw new Error(
      `Context logRetentionDays must be one CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ...), got ${days}`,
    );
  }
  return days as RetentionDays;
};

/**
 * Everything a deployment may vary, from CDK context (`cdk.json` or `-c key=value`). Stacks stay
 * environment-agnostic: no account or region here, and nothing that needs a lookup.
 */
export const readConfig = (node: Node, env: NodeJS.ProcessEnv = process.env): AppConfig => ({
  stackPrefix: text(node, 'stackPrefix') ?? 'Dml',
  // The env override lets a test or a CI job point at a build elsewhere.
  webDist: text(node, 'webDist') ?? env.DML_WEB_DIST ?? defaultWebDist,
  email: emailConfig(node),
  webDomain: webDomain(node),
  scheduleTimeZones: Object.fromEntries(
    scheduleNames.map((name) => {
      const key = `${name}TimeZone`;
      return [name, timeZone(key, text(node, key) ?? schedules[name].defaultTimeZone)];
    }),
  ) as Record<ScheduleName, string>,
  timeZone: timeZone('timeZone', text(node, 'timeZone') ?? DEFAULT_TIME_ZONE),
  throttle: {
    rateLimit: integer(node, 'apiRateLimit', apiThrottling.rateLimit),
    burstLimit: integer(node, 'apiBurstLimit', apiThrottling.burstLimit),
  },
  logRetention: retentionDays(node),
});
