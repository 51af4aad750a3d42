import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENV } from '@dml/functions/env';
import { applyEnv } from '@dml/infra/local/aws-env';
import { startDynamoDbLocal } from '@dml/infra/local/emulators';
import { freePort } from '@dml/infra/local/processes';
import { ensureTable } from '@dml/infra/local/provision';

let instance: Promise<{ stop: () => Promise<void> }> | undefined;

/** One in-memory DynamoDB Local for the whole run (the SDK client is created once per process). */
const dynamo = () => {
  instance ??= (async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dml-bench-'));
    const port = await freePort();
    const service = await startDynamoDbLocal({ port, dataDir, inMemory: true, heap: '4g' });
    applyEnv({
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: `http://localhost:${port}`,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      [ENV.webUrl]: 'http://localhost:5173',
    });
    return {
      stop: async () => {
        await service.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  })();
  return instance;
};

let tables = 0;

/** A fresh table of the product's shape for one measurement; later calls use a new one. */
export const startBenchTable = async () => {
  await dynamo();
  const name = `dml-bench-${++tables}`;
  await ensureTable(name);
  applyEnv({ [ENV.tableName]: name });
  return { stop: async () => undefined };
};

export const stopBenchDynamo = async () => {
  if (instance) await (await instance).stop();
};
