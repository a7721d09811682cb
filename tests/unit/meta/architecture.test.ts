import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  findImportLoops,
  foldFolders,
  listSources,
  type ModuleImport,
  readImportGraph,
} from './import-graph.ts';

const SRC = fileURLToPath(new URL('../../../src', import.meta.url));
const graph = readImportGraph(SRC);

function valuesOnly(modules: Map<string, ModuleImport[]>): Map<string, ModuleImport[]> {
  return new Map([...modules].map(([file, imports]) => [file, imports.filter((i) => !i.typeOnly)]));
}

describe('src/ imports', () => {
  it('form no loop', () => {
    expect(findImportLoops(graph)).toEqual([]);
  });

  it('form no loop of values between folders (feeds/ and articles/ do not import each other)', () => {
    // Types may go against the flow: store/ names the types of notify/ and stories/ it stores.
    expect(findImportLoops(foldFolders(valuesOnly(graph)))).toEqual([]);
  });

  it('bring no values from notify/, stories/ or rules/ into store/ (types are fine)', () => {
    const policy = /^(notify|stories|rules)\//;
    const crossings = [...graph.entries()].flatMap(([file, imports]) =>
      file.startsWith('store/')
        ? imports
            .filter((entry) => !entry.typeOnly && policy.test(entry.target))
            .map((entry) => `${file} → ${entry.target}`)
        : [],
    );
    expect(crossings).toEqual([]);
  });
});

describe('queries', () => {
  it('are written only in store/', () => {
    const query = /\b(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`|from 'kysely'/;
    const outside = listSources(SRC).filter(
      (file) => !file.startsWith('store/') && query.test(readFileSync(join(SRC, file), 'utf8')),
    );
    expect(outside).toEqual([]);
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
