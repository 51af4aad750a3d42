import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll } from 'vitest';
import { buildApp } from '#lib/app';
import { readConfig } from '#lib/config';
import { repoRoot } from '#lib/paths';

// Each synth writes ~20 MB (assets included); one scratch dir per test file, removed after it.
const scratch = mkdtempSync(join(tmpdir(), 'dml-infra-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The feature flags and defaults `cdk synth` would use, so tests see the same templates. */
const cdkJsonContext = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')).context ?? {};

/**
 * A stand-in for web/dist (the real one is built by `npm run build:web`), so infra tests do not
 * depend on the web build. Lives in a temp dir, never in the repo.
 */
/** The inline stylesheet of the fake build; its hash must appear in the CSP. */
export const fakeInlineCss = ':root{--color-brand:#0f4c5c}body{margin:0}';

export const fakeWebDist = () => {
  const dir = mkdtempSync(join(scratch, 'web-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><style>${fakeInlineCss}</style><script type="module" src="/assets/app.js"></script>`,
  );
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("dml")');
  return dir;
};

export type SynthOptions = {
  context?: Record<string, unknown>;
  /** Bundle the functions with esbuild (slower); off, CDK stages the entry directory unbundled. */
  bundle?: boolean;
};

/** Builds and synthesizes the whole app once; tests read templates from the result. */
export const synthApp = ({ context = {}, bundle = false }: SynthOptions = {}) => {
  const app = new App({
    outdir: mkdtempSync(join(scratch, 'cdk-out-')),
    context: {
      ...cdkJsonContext(),
      webDist: fakeWebDist(),
      ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...context,
    },
  });
  const config = readConfig(app.node);
  const stacks = buildApp(app, config);
  const assembly = app.synth();
  const templates = new Map<Stack, Template>();
  const template = (stack: Stack) => {
    let found = templates.get(stack);
    if (!found) {
      found = Template.fromStack(stack);
      templates.set(stack, found);
    }
    return found;
  };
  return { app, config, stacks, assembly, template };
};
export type SynthesizedApp = ReturnType<typeof synthApp>;

/** A fully configured deployment: SES sender and a non-default schedule zone. */
export const configuredContext = {
  emailFrom: 'no-reply@mentorship.example.org',
  sesVerifiedDomain: 'mentorship.example.org',
  remindersTimeZone: 'Africa/Accra',
};
