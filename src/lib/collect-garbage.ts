// A full garbage collection after a one-off burst of garbage or a closed instance, when node
// exposes it (bin/vigie runs node with --expose-gc).

/**
 * Collects now, so that the pages a burst of short-lived objects took (validating the config,
 * compiling the matcher: tens of MB of YAML nodes, zod results and drafts) go back to the system
 * before the long-lived parts (PGlite's WebAssembly memory, never given back) are laid on top of
 * them: `vigie ingest` on a new config peaked 27 MB lower with it (BENCHMARKS.md, "Memory").
 * One collection of a ~30 MB heap: tens of milliseconds, on a cache miss only.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Collects what was just closed, such as a PGlite instance: its memory goes back only once nothing
 * reaches it, after its last callbacks have run (the next turn of the event loop), and at the
 * second of two collections for its WebAssembly memory. Collected any earlier, it stays alive and
 * the next instance opens on top of it (~130 MB of RSS more at `vigie ingest`'s peak).
 */
export async function collectAfterClose(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  collectGarbage();
  collectGarbage();
}
