import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const functionsSrc = join(repoRoot, 'functions', 'src');
export const defaultWebDist = join(repoRoot, 'web', 'dist');
