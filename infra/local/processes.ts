import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { dirname } from 'node:path';

/** A child process we started and must stop: every emulator runs as one. */
export type Service = { name: string; child: ChildProcess; logFile: string; stop: () => Promise<void> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

export const portIsOpen = (port: number, host = 'localhost') =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

const tail = (file: string, lines = 20) => {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
};

type SpawnOptions = {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  port: number;
  logFile: string;
  /** Extra readiness check after the port opens. */
  ready?: () => Promise<boolean>;
  timeoutMs?: number;
};

/**
 * Starts a long-running child, sends its output to a log file and waits until its port answers.
 * Fails fast, with the log's tail, if the child exits first or a foreign process holds the port.
 */
export const startService = async (options: SpawnOptions): Promise<Service> => {
  if (await portIsOpen(options.port)) {
    throw new Error(
      `${options.name}: port ${options.port} is already in use (another npm start still running?)`,
    );
  }
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });
  const stop = async () => {
    if (exited !== undefined || child.exitCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      throw new Error(
        `${options.name} exited (code ${exited}) before it was ready:\n${tail(options.logFile)}`,
      );
    }
    if ((await portIsOpen(options.port)) && (!options.ready || (await options.ready().catch(() => false)))) {
      return { name: options.name, child, logFile: options.logFile, stop };
    }
    await sleep(150);
  }
  await stop();
  throw new Error(`${options.name} did not become ready on port ${options.port}:\n${tail(options.logFile)}`);
};

export const stopAll = async (services: readonly Service[]) => {
  await Promise.allSettled([...services].reverse().map((s) => s.stop()));
};
