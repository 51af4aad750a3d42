import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type FunctionSpec, functionCatalog } from '@dml/functions/function-catalog';
import { bundleLambda } from '@dml/infra/lib/bundling';
import { repoRoot } from '@dml/infra/local/paths';

const outDir = join(repoRoot, 'bench', '.out');

/**
 * Built exactly as CDK builds it (the AWS SDK inside), less the source map. `bytes` counts every
 * file; `loadedBytes` only those a cold start imports (the entry and its static chunks).
 */
const bundle = (name: string, entry: string) => {
  const dir = join(outDir, name);
  rmSync(dir, { recursive: true, force: true });
  const { metafile } = bundleLambda(entry, dir);
  const outputs = metafile.outputs;
  const index = Object.keys(outputs).find((file) => file.endsWith('/index.mjs'));
  if (!index) throw new Error(`no index.mjs built for ${name}`);
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const i of outputs[file]?.imports ?? [])
      if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(index);
  const size = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + (outputs[f]?.bytes ?? 0), 0);
  // Output paths are relative to the working directory esbuild ran in.
  return { file: resolve(index), bytes: size(Object.keys(outputs)), loadedBytes: size(loaded) };
};

/** The practical floor: the DynamoDB document client alone, bundled and minified like a function, one `send` ready. */
const floorModule = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
  'const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  'export const handler = (event) => client.send(new GetCommand({ TableName: event.table, Key: event.key }));',
].join('\n');

/**
 * Importing a module in a fresh Node process (a cold start's module load): wall time, and the CPU
 * time the process spent on it, which other work on a busy machine disturbs far less.
 */
const loadOnce = (file: string): { wall: number; cpu: number } =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const c = process.cpuUsage(); const t = performance.now(); await import(${JSON.stringify(`file://${file}`)}); const wall = performance.now() - t; const u = process.cpuUsage(c); process.stdout.write(JSON.stringify({ wall, cpu: (u.user + u.system) / 1000 }));`,
      ],
      {
        env: {
          ...process.env,
          AWS_REGION: 'us-east-1',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          POWERTOOLS_LOG_LEVEL: 'WARN',
        },
        encoding: 'utf8',
      },
    ),
  );

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Cold load of a bundle and of the floor, alternated run by run so that whatever else the machine
 * is doing weighs on both alike. Each side keeps its fastest run, as timeit does: other work only
 * ever adds time, so the minimum is the least disturbed measure of the module's own cost.
 */
const pairedColdLoad = (file: string, floorFile: string, runs = 15) => {
  const own: { wall: number; cpu: number }[] = [];
  const floor: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < runs; i++) {
    own.push(loadOnce(file));
    floor.push(loadOnce(floorFile));
  }
  const min = (xs: { wall: number; cpu: number }[], k: 'wall' | 'cpu') => Math.min(...xs.map((x) => x[k]));
  return {
    ms: min(own, 'wall'),
    floorMs: min(floor, 'wall'),
    cpuMs: min(own, 'cpu'),
    floorCpuMs: min(floor, 'cpu'),
  };
};

export const BUNDLE_KB_MAX = 1024;
export const LOAD_RATIO_MAX = 1.25;

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Each bundle ≤ 1 MB minified; cold module load ≤ 1.25 × that of the floor, measured side by side. */
export const benchBundles = async () => {
  mkdirSync(outDir, { recursive: true });
  const floorEntry = join(outDir, 'floor-dynamodb-document-client.mjs');
  writeFileSync(floorEntry, floorModule);
  const floor = bundle('floor', floorEntry);
  const rows = [];
  const floorTimes: number[] = [];
  for (const [name, spec] of Object.entries(functionCatalog) as [string, FunctionSpec][]) {
    const b = bundle(name, join(repoRoot, 'functions', 'src', spec.entry));
    const t = pairedColdLoad(b.file, floor.file);
    floorTimes.push(t.floorMs);
    rows.push({
      function: name,
      kb: kb(b.bytes),
      kb_at_load: kb(b.loadedBytes),
      cold_load_ms: round(t.ms, 1),
      load_ratio: round(t.ms / t.floorMs, 2),
      cpu_ratio: round(t.cpuMs / t.floorCpuMs, 2),
    });
  }
  return {
    floor: { kb: kb(floor.bytes), cold_load_ms: round(median(floorTimes), 1) },
    functions: rows,
  };
};
