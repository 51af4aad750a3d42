import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type EmulatorPorts, startEmulators } from '#local/emulators';
import './provided.ts';
import { freePort } from '#local/processes';

/**
 * Starts the real emulators once for a test project, on free ports so a developer's `npm start`
 * can keep running; each test file then makes its own table, bucket and user pool in them.
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'dml-test-'));
  const ports: EmulatorPorts = {
    dynamodb: await freePort(),
    s3: await freePort(),
    ses: await freePort(),
    cognito: await freePort(),
  };
  // DynamoDB Local is started per test file (see stack.ts); the others are shared.
  const emulators = await startEmulators({ dataDir, ports, inMemory: true, withoutDynamoDb: true });
  project.provide('emulators', { ports: emulators.ports, endpoints: emulators.endpoints, dataDir });
  return async () => {
    await emulators.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
