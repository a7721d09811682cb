// `vigie worker` as a child process for fault tests: started on its log line, stopped or killed; polling with a deadline.
import { type ChildProcess, spawn } from 'node:child_process';

export interface WorkerProcess {
  child: ChildProcess;
  /** Its stderr (JSON log lines) so far. */
  log: () => string;
  exited: Promise<number | null>;
}

/**
 * `vigie worker ARGS` with only PATH and `env` in its environment; resolves once it logs
 * "vigie started" (tsx compiles the sources first: seconds on a busy machine).
 */
export async function spawnWorker(
  args: string[],
  env: Record<string, string>,
): Promise<WorkerProcess> {
  const child = spawn('./bin/vigie', ['worker', ...args], {
    // The test run's config cache (tests/global-setup.ts), not ~/.cache.
    env: {
      PATH: process.env.PATH ?? '',
      VIGIE_CACHE_DIR: process.env.VIGIE_CACHE_DIR ?? 'off',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await until(
    () => log.includes('"msg":"vigie started"') || child.exitCode !== null,
    'the worker to start',
    30_000,
  );
  if (child.exitCode !== null) throw new Error(`worker exited before starting:\n${log}`);
  return { child, log: () => log, exited };
}

/** SIGTERM, and its exit code once it has shut down. */
export function stopWorker(worker: WorkerProcess): Promise<number | null> {
  worker.child.kill('SIGTERM');
  return worker.exited;
}

/** Kills it at once if it still runs (a test's cleanup). */
export function killWorker(worker: WorkerProcess | undefined): void {
  if (worker && worker.child.exitCode === null && worker.child.signalCode === null) {
    worker.child.kill('SIGKILL');
  }
}

/** Polls `done` every 50 ms until it holds; throws past `deadlineMs`. */
export async function until(
  done: () => boolean | Promise<boolean>,
  what: string,
  deadlineMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
