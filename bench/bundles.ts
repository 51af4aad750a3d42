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

/** Median wall time of importing a module in a fresh Node process (a cold start's module load). */
const coldLoadMs = (file: string, runs = 7) => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(
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
    );
    times.push(Number(out));
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
};

/** DESIGN §9: each bundle ≤ 300 KB minified; cold module load ≤ 1.25 × a bundle holding only the DynamoDB document client. */
export const benchBundles = async () => {
  const floor = await bundle({
    name: 'floor-dynamodb-document-client',
    contents:
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb'; import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'; export const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));",
  });
  const floorMs = coldLoadMs(floor.file);
  const rows = [];
  for (const [name, spec] of Object.entries(functionCatalog) as [string, FunctionSpec][]) {
    const b = await bundle({ name, entry: join(repoRoot, 'functions', 'src', spec.entry) });
    const ms = coldLoadMs(b.file);
    rows.push({
      function: name,
      kb: Math.round(b.bytes / 102.4) / 10,
      cold_load_ms: Math.round(ms * 10) / 10,
      load_ratio: Math.round((ms / floorMs) * 100) / 100,
    });
  }
  return {
    floor: { kb: Math.round(floor.bytes / 102.4) / 10, cold_load_ms: Math.round(floorMs * 10) / 10 },
    functions: rows,
  };
};
