import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FunctionSpec, functionCatalog } from '@dml/functions/catalog';
import { lambdaBundling } from '@dml/infra/lib/bundling';
import { repoRoot } from '@dml/infra/local/paths';
import { build } from 'esbuild';

const outDir = join(repoRoot, 'bench', '.out');

/** Bundled with the options CDK's NodejsFunction uses, less the source map file. */
const bundle = async (options: { entry?: string; contents?: string; name: string }) => {
  const result = await build({
    ...(options.entry
      ? { entryPoints: [options.entry] }
      : { stdin: { contents: options.contents ?? '', resolveDir: repoRoot, loader: 'ts' } }),
    bundle: true,
    platform: 'node',
    format: lambdaBundling.format,
    target: lambdaBundling.target,
    mainFields: [...lambdaBundling.mainFields],
    minify: lambdaBundling.minify,
    external: [...lambdaBundling.external],
    banner: { js: lambdaBundling.banner },
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${options.name}.mjs`);
  writeFileSync(file, code);
  return { file, bytes: code.length };
};

/** Wall time of importing a module in a fresh Node process (a cold start's module load). */
const loadOnceMs = (file: string) =>
  Number(
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const t = performance.now(); await import(${JSON.stringify(`file://${file}`)}); process.stdout.write(String(performance.now() - t));`,
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
const pairedColdLoad = (file: string, floorFile: string, runs = 11) => {
  const own: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    own.push(loadOnceMs(file));
    floor.push(loadOnceMs(floorFile));
  }
  return { ms: Math.min(...own), floorMs: Math.min(...floor) };
};

/** DESIGN §9: each bundle ≤ 300 KB minified; cold module load ≤ 1.25 × a bundle holding only the DynamoDB document client. */
export const benchBundles = async () => {
  const floor = await bundle({
    name: 'floor-dynamodb-document-client',
    contents:
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb'; import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'; export const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));",
  });
  const rows = [];
  const floorTimes: number[] = [];
  for (const [name, spec] of Object.entries(functionCatalog) as [string, FunctionSpec][]) {
    const b = await bundle({ name, entry: join(repoRoot, 'functions', 'src', spec.entry) });
    const { ms, floorMs } = pairedColdLoad(b.file, floor.file);
    floorTimes.push(floorMs);
    rows.push({
      function: name,
      kb: Math.round(b.bytes / 102.4) / 10,
      cold_load_ms: Math.round(ms * 10) / 10,
      load_ratio: Math.round((ms / floorMs) * 100) / 100,
    });
  }
  return {
    floor: {
      kb: Math.round(floor.bytes / 102.4) / 10,
      cold_load_ms: Math.round(median(floorTimes) * 10) / 10,
    },
    functions: rows,
  };
};
