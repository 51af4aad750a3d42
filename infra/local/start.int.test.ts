import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Health, Me } from '@dml/shared';
import { afterAll, describe, expect, it } from 'vitest';
import type { Outputs } from './app.ts';
import { repoRoot } from './paths.ts';
import { freePort } from './processes.ts';
import { createCognitoHelper } from './testing/cognito.ts';

const localDir = mkdtempSync(join(tmpdir(), 'dml-start-'));
let child: ChildProcess | undefined;
afterAll(async () => {
  // If the test failed midway, stop npm start the way a person would (Ctrl-C), then make sure.
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  }
  rmSync(localDir, { recursive: true, force: true });
});

/** The emulators npm start spawned (tsx's own esbuild helper is not ours to stop). */
const emulatorsOf = (pid: number) =>
  execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /DynamoDBLocal|s3rver|aws-ses-v2-local|cognito-local/.test(line))
    .map((line) => Number(line.split(/\s+/)[0]));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start', () => {
  it('is healthy within 90 s, signs the demo mentor in, writes outputs, fires a schedule on demand and leaves no child after Ctrl-C', async () => {
    const env = {
      ...process.env,
      DML_LOCAL_DIR: localDir,
      DML_API_PORT: String(await freePort()),
      DML_WEB_PORT: String(await freePort()),
      DML_DYNAMODB_PORT: String(await freePort()),
      DML_S3_PORT: String(await freePort()),
      DML_SES_PORT: String(await freePort()),
      DML_COGNITO_PORT: String(await freePort()),
    };
    const started = Date.now();
    // Its own process group, so a failed test can still take every child down with it.
    child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', '--fresh'], {
      cwd: repoRoot,
      env,
      stdio: 'pipe',
      detached: true,
    });
    let output = '';
    child.stdout?.on('data', (d) => {
      output += d;
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });

    const outputsFile = join(localDir, 'outputs.json');
    let health = 0;
    while (Date.now() - started < 90_000 && health !== 200) {
      if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
      if (existsSync(outputsFile)) {
        const { apiUrl } = JSON.parse(readFileSync(outputsFile, 'utf8')) as { apiUrl: string };
        health = (await fetch(`${apiUrl}/health`).catch(() => undefined))?.status ?? 0;
      }
      if (health !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    expect(health, output).toBe(200);
    expect(output).toContain('mentor@example.org');

    const outputs = JSON.parse(readFileSync(outputsFile, 'utf8')) as Outputs;
    expect(Object.keys(outputs).sort()).toEqual(
      [
        'apiUrl',
        'webUrl',
        'region',
        'userPoolId',
        'userPoolClientId',
        'cognitoEndpoint',
        'tableName',
        'bucketName',
        's3Endpoint',
        'sesEndpoint',
        'dynamodbEndpoint',
        'eventBusName',
      ].sort(),
    );
    const healthBody = Health.parse(await (await fetch(`${outputs.apiUrl}/health`)).json());
    expect(healthBody.checks.table).toBe('reachable');

    // The demo login from the README, through cognito-local, as the web app signs in.
    const { accessToken } = await createCognitoHelper(outputs).signIn('mentor@example.org', 'DemoPassw0rd!');
    const me = await fetch(`${outputs.apiUrl}/api/auth/me`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(me.status).toBe(200);
    expect(Me.parse(await me.json())).toMatchObject({ email: 'mentor@example.org', role: 'mentor' });
    expect((await fetch(`${outputs.apiUrl}/api/auth/me`)).status).toBe(401);
    const [header, payload, signature] = accessToken.split('.');
    const tampered = `${header}.${payload}.${signature?.slice(0, -6)}AAAAAA`;
    const refused = await fetch(`${outputs.apiUrl}/api/auth/me`, {
      headers: { authorization: `Bearer ${tampered}` },
    });
    expect(refused.status).toBe(401);
    const config = await (await fetch(`${outputs.webUrl}/config.json`)).json();
    expect(config).toMatchObject({ apiUrl: outputs.apiUrl, userPoolId: outputs.userPoolId });
    const page = await (await fetch(`${outputs.webUrl}/some/deep/link`)).text();
    expect(page).toContain('<div id="root">');

    const trigger = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'infra/local/trigger.ts', 'reminders', '--at', '2026-12-01T06:00:00Z'],
      { cwd: repoRoot, env, encoding: 'utf8' },
    );
    expect(JSON.parse(trigger)).toMatchObject({ date: '2026-12-01', digests_sent: expect.any(Number) });

    const pid = child.pid ?? 0;
    const children = emulatorsOf(pid);
    expect(children).toHaveLength(4);
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(children.filter(alive)).toEqual([]);
  }, 150_000);
});
