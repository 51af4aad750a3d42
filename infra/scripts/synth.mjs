#!/usr/bin/env node
// `npm run synth`: the CDK CLI's synth, offline. No notices, version check or telemetry, no context
// lookups, no Docker (functions bundle with the local esbuild), and no AWS credentials, so the CLI
// cannot call STS or the instance metadata service to find a default account.
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'node_modules', 'aws-cdk', 'bin', 'cdk');

// Keep AWS_* settings out of the child: credentials or a profile would make the CLI go online.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_')));
const nowhere = join(tmpdir(), 'dml-synth-no-aws-config');
Object.assign(env, {
  CDK_DISABLE_CLI_TELEMETRY: 'true',
  CDK_DISABLE_VERSION_CHECK: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: nowhere,
  AWS_SHARED_CREDENTIALS_FILE: nowhere,
});

// Extra arguments pass through, e.g. `npm run synth -- -c emailFrom=no-reply@example.org`.
const args = [cli, 'synth', '--no-notices', '--no-lookups', '--output', 'cdk.out', ...process.argv.slice(2)];
const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
if (result.error) throw result.error;
process.exit(result.status ?? 1);
