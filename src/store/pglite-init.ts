// PGlite's settings, and its first start (initdb) run in a child process of its own.
//
// Measured on vigie's samples (BENCHMARKS.md, Memory): a new data directory's initdb takes the
// process to ~900 MB of RSS, and WebAssembly memory once grown is never given back, so `vigie
// ingest` on a fresh PGlite peaked there for good. Run in a child that exits, initdb's memory goes
// back to the system; this process then opens a directory that exists, as on every later start.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * PGlite's own start parameters, plus a smaller buffer cache: at PostgreSQL's default
 * shared_buffers (128 MB) an open PGlite holds ~280 MB of RSS, at 16 MB ~165 MB (`vigie ingest`
 * peaked at 277–291 MB, against 294–302 MB at 32 MB), and vigie's
 * embedded database is the small one (PostgreSQL for more: README).
 */
export function pgliteStartParams(defaults: readonly string[]): string[] {
  return [...defaults, '-c', 'shared_buffers=16MB'];
}

/** Runs initdb in `dir` in a child process when it holds no database yet. */
export async function initPgliteApart(dir: string, defaults: readonly string[]): Promise<void> {
  if (existsSync(join(dir, 'PG_VERSION'))) return;
  // The CommonJS build, so that the child needs no loader and no module resolution of its own.
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const code = [
    `const { PGlite } = require(${JSON.stringify(entry)});`,
    'const startParams = JSON.parse(process.env.VIGIE_PGLITE_PARAMS);',
    'PGlite.create(process.env.VIGIE_PGLITE_DIR, { startParams })',
    '  .then((db) => db.close())',
    '  .then(() => process.exit(0), (error) => {',
    // Emscripten's file system throws { name: 'ErrnoError', errno } without a message.
    "    const errno = error && error.errno !== undefined ? ' errno ' + error.errno : '';",
    '    process.stderr.write((error && (error.message || error.name + errno)) || String(error));',
    '    process.exit(1);',
    '  });',
  ].join('\n');
  const env = {
    ...process.env,
    VIGIE_PGLITE_DIR: dir,
    VIGIE_PGLITE_PARAMS: JSON.stringify(pgliteStartParams(defaults)),
  };
  await runChild(code, env);
}

function runChild(code: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', code], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (status, signal) => {
      if (status === 0) return resolve();
      const why = stderr.trim().split('\n').at(-1) || `exit ${status ?? signal}`;
      reject(new Error(`store: PGlite initdb failed (${why})`));
    });
  });
}
