// `npm run build` (and `prepare`, so `npm ci` does it): bundles src/ into dist/ as plain JavaScript.
// Node then starts vigie without transpiling TypeScript at every run (tsx took ~1 s of each start).
// node_modules stay external (PGlite's WASM files, BullMQ's Lua scripts are read beside their
// modules); each dynamic import becomes a chunk of its own, so a command loads only what it uses.
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.join(import.meta.dirname, '..');

/**
 * Builds into a fresh directory and swaps it in, so that a `bin/vigie` starting meanwhile finds
 * either the old dist/ or the new one whole (or none, and falls back to tsx), never half of one.
 */
export async function buildDist(root = ROOT): Promise<void> {
  const started = new Date();
  const staging = path.join(root, `dist.${process.pid}.tmp`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  await build({
    absWorkingDir: root,
    // The worker threads of `vigie classify` start from a file of their own.
    entryPoints: ['src/cli/main.ts', 'src/cli/classify-worker.ts'],
    outdir: staging,
    outbase: 'src',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
    // The validated config is cached per build (src/config/load.ts): a change of code invalidates it.
    define: { 'process.env.VIGIE_BUILD_ID': JSON.stringify(hashSources(root)) },
  });
  // bin/vigie compares the sources with this file: dated when the build started, so that a source
  // saved during the build still counts as newer than dist/.
  const stamp = path.join(staging, 'BUILT');
  writeFileSync(stamp, `${started.toISOString()}\n`);
  utimesSync(stamp, started, started);
  swapIn(staging, path.join(root, 'dist'));
}

/** A hash of every file under src/, names and contents. */
export function hashSources(root = ROOT): string {
  const hash = createHash('sha256');
  const files = readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    hash.update(`${path.relative(root, file)}\0`).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

function swapIn(staging: string, dist: string): void {
  const old = `${dist}.${process.pid}.old`;
  try {
    renameSync(dist, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  renameSync(staging, dist);
  rmSync(old, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  await buildDist();
}
