import { type App, Tags } from 'aws-cdk-lib';
import { ApiStack } from './api-stack.ts';
import { AuthStack } from './auth-stack.ts';
import type { AppConfig } from './config.ts';
import { DataStack } from './data-stack.ts';
import { EventsStack } from './events-stack.ts';
import { appOutputs } from './outputs.ts';
import { WebConfigStack } from './web-config-stack.ts';
import { WebStack } from './web-stack.ts';

/**
 * The stacks, in dependency order. The web origin comes first because the attachments bucket, the
 * API (CORS) and the functions (WEB_URL) need it; `/config.json` comes last because it needs them all.
 * Stacks are environment-agnostic: `cdk deploy` picks the account and region.
 */
export const buildApp = (app: App, config: AppConfig) => {
  const name = (stack: string) => `${config.stackPrefix}-${stack}`;
  const { logRetention } = config;

  const web = new WebStack(app, name('Web'), {
    config,
    description: 'DML web app: site bucket, CloudFront, access logs',
  });
  const data = new DataStack(app, name('Data'), {
    description: 'DML data: the table and the attachments bucket',
    webUrl: web.webUrl,
    logsBucket: web.logsBucket,
  });
  const auth = new AuthStack(app, name('Auth'), {
    description: 'DML sign-in: Cognito user pool, role groups and the web client',
    webUrl: web.webUrl,
    email: config.email,
  });
  const shared = {
    table: data.table,
    bucket: data.attachmentsBucket,
    userPool: auth.userPool,
    userPoolClient: auth.userPoolClient,
    email: config.email,
    webUrl: web.webUrl,
    timeZone: config.timeZone,
  };
  const events = new EventsStack(app, name('Events'), {
    description: 'DML events: bus, schedules, rules and the functions they invoke',
    resources: shared,
    table: data.table,
    scheduleTimeZones: config.scheduleTimeZones,
    logRetention,
  });
  const api = new ApiStack(app, name('Api'), {
    description: 'DML HTTP API and its functions',
    resources: { ...shared, bus: events.bus },
    throttle: config.throttle,
    logRetention,
  });
  const webConfig = new WebConfigStack(app, name('WebConfig'), {
    description: 'DML stack outputs and the web app runtime config (/config.json)',
    outputs: appOutputs({ web, data, auth, events, api }),
    siteBucket: web.siteBucket,
    distribution: web.distribution,
    logRetention,
  });

  Tags.of(app).add('project', 'digital-mentorship-log');
  return { web, data, auth, events, api, webConfig };
};
