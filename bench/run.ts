import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@dml/infra/local/paths';
import { ensureWebBuild } from '@dml/infra/local/web-server';
import { BUNDLE_KB_MAX, benchBundles, LOAD_RATIO_MAX } from './bundles.ts';
import { stopBenchDynamo } from './dynamo.ts';
import { benchHandlers } from './handler.ts';
import { benchReads } from './reads.ts';
import { initialJs, lighthouseScore } from './web.ts';

/**
 * `npm run bench`: the performance bars (docs/operations.md), measured in one run and printed as a table; the raw numbers
 * go to bench/results.json. Benchmarks are not tests: nothing here fails the build.
 * `--sizes 100,100000` sets the table sizes for the read-cost section (default 100 and 100 000);
 * `--only bundles,handlers,reads,web` runs just those sections.
 */
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const sizes = (arg('sizes') ?? '100,100000').split(',').map(Number);
const sections = ['bundles', 'handlers', 'reads', 'web'] as const;
const only = arg('only')?.split(',') ?? [...sections];
const unknown = only.filter((s) => !(sections as readonly string[]).includes(s));
if (unknown.length) throw new Error(`--only takes ${sections.join(', ')} (got ${unknown.join(', ')})`);
const runs = (section: (typeof sections)[number]) => only.includes(section);
const mark = (ok: boolean) => (ok ? 'ok' : 'OVER');

const results: Record<string, unknown> = { measured_at: new Date().toISOString(), node: process.version };

const main = async () => {
  if (runs('bundles')) {
    console.log('Bundles and cold module load…');
    const bundles = await benchBundles();
    results.bundles = bundles;
    console.table(
      bundles.functions.map((f) => ({
        ...f,
        size: mark(f.kb <= BUNDLE_KB_MAX),
        load: mark(f.load_ratio <= LOAD_RATIO_MAX),
      })),
    );
    console.log(
      `floor (DynamoDB document client only, bundled and minified): ${bundles.floor.kb} KB, ${bundles.floor.cold_load_ms} ms`,
    );
  }

  if (runs('handlers')) {
    console.log('\nWarm handler time vs DynamoDB time…');
    const handlers = await benchHandlers();
    results.handlers = handlers;
    console.table(handlers.map((h) => ({ ...h, bound: mark(h.ratio <= 1.3) })));
  }

  if (runs('reads')) await readsSection();
  if (runs('web')) await webSection();

  await stopBenchDynamo();
  // A partial run is not one run of every figure: it prints, but leaves results.json as it was.
  if (only.length < sections.length) return;
  mkdirSync(join(repoRoot, 'bench'), { recursive: true });
  writeFileSync(join(repoRoot, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nWrote bench/results.json');
};

const readsSection = async () => {
  console.log(`\nItems evaluated per list and dashboard reads at ${sizes.join(' and ')} logs…`);
  const reads = await benchReads(sizes);
  results.reads = reads;
  for (const r of reads) {
    console.log(
      `${r.logs} logs (loaded in ${r.load_seconds} s): dashboard ${r.dashboard_item_reads} item reads (${mark(r.dashboard_item_reads <= 5)}), ${r.dashboard_queries} queries`,
    );
    console.table(r.lists.map((l) => ({ ...l, ok: mark(l.ok) })));
  }
};

const webSection = async () => {
  console.log('\nWeb…');
  ensureWebBuild(repoRoot);
  const js = initialJs();
  results.web = { initial_js: js };
  console.log(`initial JS: ${js.kb_gzipped} KB gzipped in ${js.files} files (${mark(js.kb_gzipped <= 200)})`);
  try {
    const lighthouse = await lighthouseScore();
    (results.web as Record<string, unknown>).lighthouse_mobile = lighthouse;
    console.log(
      `Lighthouse mobile performance: ${lighthouse.performance} (${mark(lighthouse.performance >= 95)})`,
      lighthouse,
    );
  } catch (error) {
    console.log(`Lighthouse could not run: ${error instanceof Error ? error.message : error}`);
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
