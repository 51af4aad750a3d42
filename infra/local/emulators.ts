import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Service, startService, stopAll } from './processes.ts';
// Plain .mjs so npm's postinstall can run it before any TypeScript tooling exists.
import { ensureDynamoDbLocal } from './scripts/fetch-dynamodb-local.mjs';

const require = createRequire(import.meta.url);
const loopbackLauncher = fileURLToPath(new URL('./scripts/DynamoDbLoopback.java', import.meta.url));
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

export type EmulatorPorts = { dynamodb: number; s3: number; ses: number; cognito: number };
export type Endpoints = { dynamodb: string; s3: string; ses: string; cognito: string };
export type Emulators = { ports: EmulatorPorts; endpoints: Endpoints; stop: () => Promise<void> };

export const defaultPorts: EmulatorPorts = {
  dynamodb: Number(process.env.DML_DYNAMODB_PORT ?? 8000),
  s3: Number(process.env.DML_S3_PORT ?? 4569),
  ses: Number(process.env.DML_SES_PORT ?? 8005),
  cognito: Number(process.env.DML_COGNITO_PORT ?? 9229),
};

export const endpointsFor = (ports: EmulatorPorts): Endpoints => ({
  dynamodb: `http://localhost:${ports.dynamodb}`,
  s3: `http://localhost:${ports.s3}`,
  ses: `http://localhost:${ports.ses}`,
  cognito: `http://localhost:${ports.cognito}`,
});

/** DynamoDB Local is a Java program: say how to get Java rather than failing obscurely. */
export const assertJava = () => {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(
      'Java 17+ is required to run DynamoDB Local. Install it with: sudo apt-get install -y default-jre-headless',
    );
  }
};

type DynamoOptions = {
  port: number;
  /** Where its metadata file, data (unless in memory) and log go. */
  dataDir: string;
  inMemory: boolean;
  /** JVM heap; volume tests hold 20 000-item tables with six indexes. */
  heap?: string;
};

/**
 * DynamoDB Local (AWS's own jar). Tests give each test file its own in-memory instance: it serialises
 * requests on one SQLite database, so a file loading 20 000 items would otherwise stall every other.
 */
export const startDynamoDbLocal = async ({
  port,
  dataDir,
  inMemory,
  heap = '1g',
}: DynamoOptions): Promise<Service> => {
  assertJava();
  const home = ensureDynamoDbLocal();
  const cwd = join(dataDir, 'dynamodb-cwd');
  mkdirSync(cwd, { recursive: true });
  if (!inMemory) mkdirSync(join(dataDir, 'dynamodb'), { recursive: true });
  return startService({
    name: 'DynamoDB Local',
    command: 'java',
    args: [
      `-Xmx${heap}`,
      `-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`,
      '-cp',
      [join(home, 'DynamoDBLocal.jar'), join(home, 'DynamoDBLocal_lib', '*')].join(delimiter),
      // The jar's own entry point binds every interface; this one binds 127.0.0.1 only.
      loopbackLauncher,
      '-sharedDb',
      '-disableTelemetry',
      // No web page may call it from a browser (its default allows every origin).
      '-cors',
      'https://dynamodb-local.invalid',
      '-port',
      String(port),
      ...(inMemory ? ['-inMemory'] : ['-dbPath', join(dataDir, 'dynamodb')]),
    ],
    // It writes a metadata file into its working directory.
    cwd,
    port,
    logFile: join(dataDir, 'logs', `dynamodb-${port}.log`),
  });
};

type Options = {
  /** Where persistent data and logs go (e.g. .local/). */
  dataDir: string;
  ports: EmulatorPorts;
  /** Keep DynamoDB in memory instead of under dataDir. */
  inMemory?: boolean;
  /** Leave DynamoDB out (tests start one per test file). */
  withoutDynamoDb?: boolean;
};

/** Starts DynamoDB Local, s3rver, aws-ses-v2-local and cognito-local as child processes. */
export const startEmulators = async ({
  dataDir,
  ports,
  inMemory = false,
  withoutDynamoDb = false,
}: Options): Promise<Emulators> => {
  const dirs = { s3: join(dataDir, 's3'), cognito: join(dataDir, 'cognito'), logs: join(dataDir, 'logs') };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const node = process.execPath;
  const results = await Promise.allSettled([
    ...(withoutDynamoDb ? [] : [startDynamoDbLocal({ port: ports.dynamodb, dataDir, inMemory })]),
    startService({
      name: 's3rver',
      command: node,
      args: [
        join(packageDir('s3rver'), 'bin', 's3rver.js'),
        '-d',
        dirs.s3,
        '-a',
        '127.0.0.1',
        '-p',
        String(ports.s3),
      ],
      cwd: dataDir,
      port: ports.s3,
      logFile: join(dirs.logs, 's3.log'),
    }),
    startService({
      name: 'aws-ses-v2-local',
      command: node,
      args: [
        join(packageDir('aws-ses-v2-local'), 'dist', 'cli.js'),
        '--host',
        '127.0.0.1',
        '--port',
        String(ports.ses),
      ],
      cwd: dataDir,
      port: ports.ses,
      logFile: join(dirs.logs, 'ses.log'),
    }),
    startService({
      name: 'cognito-local',
      command: node,
      args: [join(packageDir('cognito-local'), 'lib', 'bin', 'start.js')],
      // cognito-local keeps its pools under ./.cognito of its working directory.
      cwd: dirs.cognito,
      env: { PORT: String(ports.cognito), HOST: 'localhost' },
      port: ports.cognito,
      logFile: join(dirs.logs, 'cognito.log'),
    }),
  ]);
  const services = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) {
    await stopAll(services);
    throw failure.reason;
  }
  return { ports, endpoints: endpointsFor(ports), stop: () => stopAll(services) };
};
