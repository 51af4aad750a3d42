import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { ENV } from '@dml/functions/env';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { configuredContext, type SynthesizedApp, synthApp } from './fixture.ts';
import { functionExpectations } from './function-expectations.ts';
import { actionsByFunction } from './sdk-calls.ts';

/** The packages a built bundle imports at run time, as esbuild parses it (its own chunks followed). */
const importsOf = async (file: string) => {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
};

describe('Lambda functions from the catalog', () => {
  let synth: SynthesizedApp;
  let expectations: ReturnType<typeof functionExpectations>;
  let called: Awaited<ReturnType<typeof actionsByFunction>>;
  const email = { from: configuredContext.emailFrom, identity: configuredContext.sesVerifiedDomain };

  beforeAll(async () => {
    // Bundles for real, once, to prove local esbuild bundling works.
    synth = synthApp({ context: configuredContext, bundle: true });
    expectations = functionExpectations(synth, email);
    called = await actionsByFunction();
  });

  const logsOf = (d: (typeof expectations.deployed)[number]) =>
    d.stack.getLogicalId(d.fn.node.findChild('Logs').node.defaultChild as never);

  it('deploys every catalog entry as a Node.js 24 arm64 function with its timeout, memory and log group', () => {
    for (const d of expectations.deployed) {
      expect(expectations.lambdaOf(d).Properties, d.name).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Timeout: d.spec.timeoutSeconds ?? 10,
        MemorySize: d.spec.memoryMb ?? 512,
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: logsOf(d) } },
      });
      synth.template(d.stack).hasResourceProperties('AWS::Logs::LogGroup', {
        RetentionInDays: synth.config.logRetention,
      });
    }
  });

  it('gives each function its own role and no AWS managed policy', () => {
    for (const d of expectations.deployed) {
      const role = synth.template(d.stack).findResources('AWS::IAM::Role')[
        d.stack.getLogicalId(d.fn.role.node.defaultChild as never)
      ];
      expect(role?.Properties.ManagedPolicyArns, d.name).toBeUndefined();
    }
  });

  it("names in each function's IAM policy only the table, bucket, bus and pool its catalog access uses", () => {
    expectations.policiesNameOnlyWhatAccessImplies();
  });

  it('grants each function exactly the AWS actions its code calls (no Scan, named indexes)', () => {
    expectations.actionsMatchCodeCalls(called);
  });

  it('sets the env vars its access implies, WEB_URL and the programme time zone for all, and the configured sender', () => {
    expectations.envMatchesAccess();
  });

  it('gives the reminders job the schedule time zone', () => {
    const reminders = expectations.deployed.find((d) => d.name === 'reminders');
    expect(reminders && expectations.lambdaOf(reminders).Properties.Environment?.Variables).toMatchObject({
      [ENV.remindersTimeZone]: configuredContext.remindersTimeZone,
    });
  });

  it('bundles each handler as minified ESM with the AWS SDK inside, its map beside it but not applied', async () => {
    for (const d of expectations.deployed) {
      const props = expectations.lambdaOf(d).Properties;
      const code = props.Code as { S3Key: string };
      const dir = join(synth.assembly.directory, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
      const bundle = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(bundle.startsWith('import { createRequire'), d.name).toBe(true);
      // Only Node built-ins are imported at run time: the SDK is in the bundle, not the runtime's.
      expect(
        (await importsOf(join(dir, 'index.mjs'))).filter((spec) => !isBuiltin(spec)),
        d.name,
      ).toEqual([]);
      const sourcesIn = (file: string) =>
        (JSON.parse(readFileSync(join(dir, `${file}.map`), 'utf8')) as { sources: string[] }).sources;
      const chunkDir = join(dir, 'chunks');
      const chunks = existsSync(chunkDir) ? readdirSync(chunkDir).filter((f) => f.endsWith('.mjs')) : [];
      const sources = ['index.mjs', ...chunks.map((c) => join('chunks', c))].flatMap(sourcesIn);
      if (d.spec.access.table)
        expect(
          sources.some((source) => source.includes('node_modules/@aws-sdk/client-dynamodb/')),
          d.name,
        ).toBe(true);
      // `--enable-source-maps` would parse the whole map at every cold start.
      expect(props.Environment?.Variables?.NODE_OPTIONS, d.name).toBeUndefined();
    }
  });
});
