import { join } from 'node:path';
import { type ScheduleName, scheduleNames, schedules } from '@dml/events';
import { ENV } from '@dml/functions/env';
import { DEFAULT_TIME_ZONE } from '@dml/shared';
import type { DynamoDBBatchResponse } from 'aws-lambda';
import { startApiAdapter } from './api-adapter.ts';
import { applyEnv, awsEnvFor } from './aws-env.ts';
import type { Emulators } from './emulators.ts';
import { createLocalBus } from './event-bus.ts';
import { startEventBridgeServer } from './eventbridge-server.ts';
import { invoke } from './functions.ts';
import { createVerifier } from './jwt.ts';
import { ensureBucket, ensureTable, ensureUserPool } from './provision.ts';
import { fireSchedule, startScheduler } from './scheduler.ts';
import { startStreamPoller } from './stream-poller.ts';
import { startWebServer } from './web-server.ts';

/** The flat keys of `.local/outputs.json`; the deployed stack outputs the same names. */
export type Outputs = {
  apiUrl: string;
  webUrl: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  cognitoEndpoint: string;
  tableName: string;
  bucketName: string;
  s3Endpoint: string;
  sesEndpoint: string;
  dynamodbEndpoint: string;
  eventBusName: string;
};

export type LocalAppOptions = {
  emulators: Emulators;
  root: string;
  names: { table: string; bucket: string; userPool: string; eventBus: string };
  ports: { api: number; web: number };
  /** Serve the built web app (npm start, e2e). */
  web?: boolean;
  /** Run schedules on their cron (npm start); tests fire them by hand. */
  scheduler?: boolean;
  emailFrom?: string;
  region?: string;
  logRequests?: boolean;
  /** Where the stream poller keeps its position (npm start), so restarts neither lose nor replay events. */
  checkpointFile?: string;
};

/**
 * The product's AWS side, emulated: provisions table, bucket and user pool from the same definitions
 * as CDK, points the SDK at the emulators, and serves the route table, event rules and schedules.
 */
export const startLocalApp = async (options: LocalAppOptions) => {
  const { emulators, names } = options;
  const region = options.region ?? 'us-east-1';
  applyEnv(awsEnvFor(emulators.endpoints, region));

  // The web origin must be known before the bucket's CORS and the API's CORS are set.
  const webUrl = `http://localhost:${options.ports.web}`;
  const allowedOrigins = [webUrl, `http://127.0.0.1:${options.ports.web}`];
  const { streamArn } = await ensureTable(names.table);
  await ensureBucket(names.bucket, allowedOrigins);
  const { userPoolId, userPoolClientId } = await ensureUserPool(names.userPool);

  applyEnv({
    [ENV.tableName]: names.table,
    [ENV.bucketName]: names.bucket,
    [ENV.eventBusName]: names.eventBus,
    [ENV.userPoolId]: userPoolId,
    [ENV.userPoolClientId]: userPoolClientId,
    [ENV.emailFrom]: options.emailFrom ?? 'Digital Mentorship Log <no-reply@dml.local>',
    [ENV.webUrl]: webUrl,
    [ENV.timeZone]: process.env[ENV.timeZone] ?? DEFAULT_TIME_ZONE,
    [ENV.remindersTimeZone]: process.env[ENV.remindersTimeZone] ?? schedules.reminders.defaultTimeZone,
    [ENV.s3ForcePathStyle]: 'true',
    [ENV.s3PublicEndpoint]: emulators.endpoints.s3,
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
  });

  const bus = createLocalBus();
  const eventBridge = await startEventBridgeServer(bus, { busName: names.eventBus, region });
  applyEnv({ AWS_ENDPOINT_URL_EVENTBRIDGE: eventBridge.url });
  const poller = streamArn
    ? startStreamPoller({
        streamArn,
        consume: async (event) => (await invoke('publisher', event)) as DynamoDBBatchResponse,
        checkpointFile: options.checkpointFile,
      })
    : undefined;
  const verify = createVerifier({ endpoint: emulators.endpoints.cognito, userPoolId, userPoolClientId });
  const api = await startApiAdapter({
    port: options.ports.api,
    verify,
    allowedOrigins,
    onRequest: options.logRequests
      ? ({ method, path, status, ms }) => console.log(`[api] ${method} ${path} → ${status} (${ms} ms)`)
      : undefined,
    // Local-only: `npm run trigger -- <schedule> --at ISO` posts here.
    control: async (req, res, url) => {
      const match = /^\/_local\/schedules\/([\w-]+)$/.exec(url.pathname);
      if (!match || req.method !== 'POST') return false;
      const name = match[1] as ScheduleName;
      const at = url.searchParams.get('at');
      const when = at ? new Date(at) : new Date();
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (!scheduleNames.includes(name))
        reply(404, {
          error: {
            code: 'not_found',
            message: `No schedule named ${name}. Known: ${scheduleNames.join(', ')}`,
          },
        });
      else if (Number.isNaN(when.getTime()))
        reply(400, { error: { code: 'validation_failed', message: '--at must be an ISO-8601 time' } });
      else reply(200, await fireSchedule(name, when));
      return true;
    },
  });

  const outputs: Outputs = {
    apiUrl: api.url,
    webUrl,
    region,
    userPoolId,
    userPoolClientId,
    cognitoEndpoint: emulators.endpoints.cognito,
    tableName: names.table,
    bucketName: names.bucket,
    s3Endpoint: emulators.endpoints.s3,
    sesEndpoint: emulators.endpoints.ses,
    dynamodbEndpoint: emulators.endpoints.dynamodb,
    eventBusName: names.eventBus,
  };

  const web = options.web
    ? await startWebServer({
        distDir: join(options.root, 'web', 'dist'),
        port: options.ports.web,
        config: outputs,
      })
    : undefined;
  const scheduler = options.scheduler ? startScheduler() : undefined;

  return {
    outputs,
    bus,
    streamArn,
    scheduler,
    /** Waits until every event committed so far has been published and handled by its consumers. */
    settle: async () => {
      await poller?.caughtUp();
      await bus.drain();
    },
    stop: async () => {
      scheduler?.stop();
      await poller?.stop();
      await Promise.allSettled([api.close(), web?.close(), eventBridge.close()]);
      await bus.drain();
    },
  };
};
export type LocalApp = Awaited<ReturnType<typeof startLocalApp>>;
