import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalApp } from './app.ts';
import { defaultPorts, startEmulators } from './emulators.ts';
import { localDir, outputsFile, repoRoot } from './paths.ts';
import { DEMO_PASSWORD, demoUsers, seedDemo } from './seed/demo.ts';
import { ensureWebBuild } from './web-server.ts';

/**
 * `npm start`: the whole product on this machine. Emulators as child processes, data kept in .local/
 * (`--fresh` wipes it), the API, event routing, scheduler and web app in this process.
 * Ctrl-C stops everything.
 */
const fresh = process.argv.includes('--fresh');
const ports = {
  api: Number(process.env.DML_API_PORT ?? 3000),
  web: Number(process.env.DML_WEB_PORT ?? 5173),
};

const main = async () => {
  const startedAt = Date.now();
  if (fresh) rmSync(localDir, { recursive: true, force: true });
  mkdirSync(localDir, { recursive: true });

  ensureWebBuild(repoRoot);
  console.log('Starting emulators (DynamoDB Local, s3rver, aws-ses-v2-local, cognito-local)…');
  const emulators = await startEmulators({ dataDir: localDir, ports: defaultPorts });
  let stopping = false;
  let app: Awaited<ReturnType<typeof startLocalApp>> | undefined;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await app?.stop();
    await emulators.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGHUP', () => void shutdown(0));
  // A bug that escapes a request must not leave the emulators running without their parent.
  const crash = (error: unknown) => {
    console.error('\nThe local stack hit an unexpected error:', error);
    void shutdown(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);

  try {
    app = await startLocalApp({
      emulators,
      root: repoRoot,
      names: {
        table: 'dml-local',
        bucket: 'dml-local-attachments',
        userPool: 'dml-local',
        eventBus: 'dml-local-bus',
      },
      ports,
      web: true,
      scheduler: true,
      logRequests: true,
      checkpointFile: join(localDir, 'stream-checkpoint.json'),
    });
    await seedDemo({ userPoolId: app.outputs.userPoolId });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
    return;
  }
  writeFileSync(outputsFile, `${JSON.stringify(app.outputs, null, 2)}\n`);

  const o = app.outputs;
  console.log(`
Digital Mentorship Log is running (${((Date.now() - startedAt) / 1000).toFixed(1)} s)

  Web app        ${o.webUrl}
  API            ${o.apiUrl}   (health: ${o.apiUrl}/health, docs: ${o.apiUrl}/api/openapi.json)
  Sent emails    ${o.sesEndpoint}   (aws-ses-v2-local viewer)
  DynamoDB       ${o.dynamodbEndpoint}   table ${o.tableName}
  S3             ${o.s3Endpoint}   bucket ${o.bucketName}
  Cognito        ${o.cognitoEndpoint}   pool ${o.userPoolId}
  Outputs        ${outputsFile}

Demo logins (password ${DEMO_PASSWORD}):
${demoUsers.map((u) => `  ${u.role.padEnd(10)} ${u.email}`).join('\n')}

Fire a schedule now: npm run trigger -- reminders --at 2026-12-01T06:00:00Z
Next scheduled runs: ${JSON.stringify(app.scheduler?.next())}
Press Ctrl-C to stop.`);
};

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
