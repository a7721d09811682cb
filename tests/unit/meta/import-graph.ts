// The import graph of src/: each module's imports read from its text, for the architecture checks.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface ModuleImport {
  /** Path of the imported module, relative to the source root. */
  target: string;
  /** True when only types come from it (`import type`, or every name marked `type`). */
  typeOnly: boolean;
}

// Static `import … from`, `export … from` (over several lines), bare `import '…'` and `import('…')`.
const STATIC = /^(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gms;
const BARE = /^import\s+['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every `.ts` module under `root` with its imports of other modules under `root`. */
export function readImportGraph(root: string): Map<string, ModuleImport[]> {
  const graph = new Map<string, ModuleImport[]>();
  for (const file of listSources(root)) {
    const text = readFileSync(join(root, file), 'utf8');
    const imports: ModuleImport[] = [];
    const add = (specifier: string, typeOnly: boolean) => {
      if (!specifier.startsWith('.')) return;
      imports.push({ target: relative(root, resolve(root, dirname(file), specifier)), typeOnly });
    };
    for (const match of text.matchAll(STATIC)) {
      add(match[4] as string, match[2] !== undefined || namesAreTypes(match[3] as string));
    }
    for (const match of text.matchAll(BARE)) add(match[1] as string, false);
    for (const match of text.matchAll(DYNAMIC)) add(match[1] as string, false);
    graph.set(file, imports);
  }
  return graph;
}

/** `{ type A, type B }`: every name a type. `* as x`, a default import or `{ A }` bring values. */
function namesAreTypes(clause: string): boolean {
  const braces = /^\{([^}]*)\}$/s.exec(clause.trim());
  if (!braces) return false;
  const names = (braces[1] as string)
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return names.length > 0 && names.every((name) => name.startsWith('type '));
}

/** The `.ts` files under `root`, relative to it. */
export function listSources(root: string, under = ''): string[] {
  return readdirSync(join(root, under), { withFileTypes: true }).flatMap((entry) => {
    const path = join(under, entry.name);
    if (entry.isDirectory()) return listSources(root, path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The graph of the top folders (`feeds`, `store`…; a file at the root is its own node). */
export function foldFolders(graph: Map<string, ModuleImport[]>): Map<string, ModuleImport[]> {
  const folders = new Map<string, ModuleImport[]>();
  const folderOf = (path: string) => path.split('/')[0] as string;
  for (const [file, imports] of graph) {
    const folder = folderOf(file);
    const edges = folders.get(folder) ?? [];
    for (const { target, typeOnly } of imports) {
      if (folderOf(target) !== folder) edges.push({ target: folderOf(target), typeOnly });
    }
    folders.set(folder, edges);
  }
  return folders;
}

/** The import loops: strongly connected groups of more than one module (Tarjan), sorted. */
export function findImportLoops(graph: Map<string, ModuleImport[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const { target } of graph.get(node) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) as number, index.get(target) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      group.push(member);
      if (member === node) break;
    }
    if (group.length > 1) loops.push(group.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return loops.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}
