// A full garbage collection after a one-off burst of garbage, when node exposes it (bin/vigie runs
// node with --expose-gc).

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
