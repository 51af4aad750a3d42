import { existsSync, readFileSync } from 'node:fs';
import { localControlHeader } from './control.ts';
import { outputsFile } from './paths.ts';

/** `npm run trigger -- <schedule> [--at ISO-8601]`: fires a schedule against the running local stack. */
const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith('--'));
const atIndex = args.indexOf('--at');
const at = atIndex >= 0 ? args[atIndex + 1] : undefined;

if (!name) {
  console.error('Usage: npm run trigger -- <schedule> [--at 2026-12-01T06:00:00Z]');
  process.exit(2);
}
if (atIndex >= 0 && (!at || Number.isNaN(new Date(at).getTime()))) {
  console.error('--at needs an ISO-8601 time, e.g. 2026-12-01T06:00:00Z');
  process.exit(2);
}
if (!existsSync(outputsFile)) {
  console.error('The local stack is not running (no .local/outputs.json). Start it with: npm start');
  process.exit(1);
}
const { apiUrl } = JSON.parse(readFileSync(outputsFile, 'utf8')) as { apiUrl: string };
const url = new URL(`/_local/schedules/${encodeURIComponent(name)}`, apiUrl);
if (at) url.searchParams.set('at', at);
try {
  const response = await fetch(url, { method: 'POST', headers: { [localControlHeader]: '1' } });
  const text = await response.text();
  console.log(text);
  process.exit(response.ok ? 0 : 1);
} catch {
  console.error(`Could not reach the local stack at ${apiUrl}. Is npm start running?`);
  process.exit(1);
}
