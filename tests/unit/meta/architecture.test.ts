import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findImportLoops, foldFolders, readImportGraph } from './import-graph.ts';

const SRC = fileURLToPath(new URL('../../../src', import.meta.url));
const graph = readImportGraph(SRC);

describe('src/ imports', () => {
  it('form no loop', () => {
    expect(findImportLoops(graph)).toEqual([]);
  });

  it('form no loop between folders either (feeds/ and articles/ do not import each other)', () => {
    expect(findImportLoops(foldFolders(graph))).toEqual([]);
  });
});

describe('the import graph reader', () => {
  it('finds a loop and tells type imports from value imports', () => {
    const loops = findImportLoops(
      new Map([
        ['a.ts', [{ target: 'b.ts', typeOnly: false }]],
        ['b.ts', [{ target: 'a.ts', typeOnly: true }]],
        ['c.ts', [{ target: 'a.ts', typeOnly: false }]],
      ]),
    );
    expect(loops).toEqual([['a.ts', 'b.ts']]);
    const store = graph.get('store/alerts.ts') ?? [];
    expect(store.find((entry) => entry.target === 'store/types.ts')?.typeOnly).toBe(true);
  });
});
