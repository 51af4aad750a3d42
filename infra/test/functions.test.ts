import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV } from '@dml/functions/env';
import { beforeAll, describe, expect, it } from 'vitest';
import { configuredContext, type SynthesizedApp, synthApp } from './fixture.ts';
import { functionExpectations } from './function-expectations.ts';

describe('Lambda functions from the catalog', () => {
  let synth: SynthesizedApp;
  let expectations: ReturnType<typeof functionExpectations>;
  const email = { from: configuredContext.emailFrom, identity: configuredContext.sesVerifiedDomain };

  beforeAll(() => {
    // Bundles for real, once, to prove local esbuild bundling works.
    synth = synthApp({ context: configuredContext, bundle: true });
    expectations = functionExpectations(synth, email);
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

  it('grants each resource only the actions its access level allows (no Scan, named indexes)', () => {
    expectations.actionsMatchAccessLevels();
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

  it('bundles each handler as minified ESM with a source map, leaving the AWS SDK to the runtime', () => {
    for (const d of expectations.deployed) {
      const code = expectations.lambdaOf(d).Properties.Code as { S3Key: string };
      const dir = join(synth.assembly.directory, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
      const bundle = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(bundle.startsWith('import { createRequire'), d.name).toBe(true);
      const map = JSON.parse(readFileSync(join(dir, 'index.mjs.map'), 'utf8')) as { sources: string[] };
      // Imported at run time from the runtime's SDK v3, never inlined.
      const inlinedSdk = map.sources.filter((source) => source.includes('node_modules/@aws-sdk/'));
      expect(inlinedSdk, d.name).toEqual([]);
    }
  });
});
