import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { type LocalAppOptions, startLocalApp } from '#local/app';
import { startDynamoDbLocal } from '#local/emulators';
import { repoRoot } from '#local/paths';
import { freePort } from '#local/processes';
import { DEMO_PASSWORD, seedDemo } from '#local/seed/demo';
import { createApiClient } from './api-client.ts';
import { createCognitoHelper } from './cognito.ts';
import './provided.ts';
import { dropResources } from './drop.ts';

/**
 * A private copy of the product inside the shared emulators: its own table, bucket, user pool and
 * API adapter, so test files run in parallel without seeing each other's data.
 */
export const startTestStack = async (options: { web?: boolean; seed?: boolean; demoLogs?: boolean } = {}) => {
  const shared = inject('emulators');
  // Each test file gets its own DynamoDB Local: no file waits on another's bulk load.
  const dynamoPort = await freePort();
  const dynamo = await startDynamoDbLocal({
    port: dynamoPort,
    dataDir: shared.dataDir,
    inMemory: true,
    heap: '2g',
  });
  const ports = { ...shared.ports, dynamodb: dynamoPort };
  const endpoints = { ...shared.endpoints, dynamodb: `http://localhost:${dynamoPort}` };
  const suffix = randomUUID().slice(0, 8);
  const appOptions: LocalAppOptions = {
    emulators: { ports, endpoints, stop: async () => undefined },
    root: repoRoot,
    names: {
      table: `dml-test-${suffix}`,
      bucket: `dml-test-${suffix}`,
      userPool: `dml-test-${suffix}`,
      eventBus: `dml-test-${suffix}`,
    },
    ports: { api: 0, web: await freePort() },
    web: options.web ?? false,
  };
  const app = await startLocalApp(appOptions);
  const seeded =
    options.seed === false
      ? undefined
      : await seedDemo({ userPoolId: app.outputs.userPoolId, logs: options.demoLogs ?? true });
  const cognito = createCognitoHelper(app.outputs);
  const api = createApiClient(app.outputs.apiUrl);
  return {
    ...app,
    /** Stops the app and drops its table, bucket and pool, so long runs do not pile data up in the emulators. */
    stop: async () => {
      await app.stop();
      await dropResources(app.outputs);
      await dynamo.stop();
    },
    api,
    cognito,
    demo: seeded,
    demoPassword: DEMO_PASSWORD,
    /** Signs a user in through cognito-local and returns its access token. */
    tokenFor: async (email: string, password = DEMO_PASSWORD) =>
      (await cognito.signIn(email, password)).accessToken,
  };
};
export type TestStack = Awaited<ReturnType<typeof startTestStack>>;
