import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Data, logs and outputs of `npm start`; overridable so a test can run a second stack beside yours. */
export const localDir = process.env.DML_LOCAL_DIR ?? join(repoRoot, '.local');
export const outputsFile = join(localDir, 'outputs.json');
