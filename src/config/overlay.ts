// regions.local.yaml applied over the generated gazetteer: the analysts' places, names, groups and removals, each checked.
import { tokenize } from '../rules/normalise.ts';
import type { NameSpec, RegionSpec } from '../rules/types.ts';
import type { PathProblem } from './issues.ts';
import type { RegionsDepthSpec, RegionsLocalSpec } from './schema.ts';
import { suggestName } from './suggest.ts';

export interface Overlaid {
  regions: RegionSpec[];
  /** Problems of regions.local.yaml, by path in that file. */
  problems: PathProblem[];
}

interface Found {
  region: RegionSpec;
  /** The list that holds it: the top level or its parent's children. */
  list: RegionSpec[];
}

/**
 * A copy of `regions` with `local` applied, in this order: removals, new places, names and
 * adjectives, group members, context marks. Then every name the overlay added that another region
 * also has (and that needs no context) is reported: it would now name two places.
 */
export function applyOverlay(regions: readonly RegionSpec[], local: RegionsLocalSpec): Overlaid {
  const tree = structuredClone(regions) as RegionSpec[];
  const problems: PathProblem[] = [];
  const index = indexRegions(tree);
  const lookup = (id: string, path: PropertyKey[]): RegionSpec | undefined => {
    const found = index.get(id);
    if (!found) problems.push({ path, message: describeUnknownRegion(id, index) });
    return found?.region;
  };

  local.remove.regions.forEach((id, i) => {
    const found = index.get(id);
    if (!found) {
      problems.push({ path: ['remove', 'regions', i], message: describeUnknownRegion(id, index) });
      return;
    }
    found.list.splice(found.list.indexOf(found.region), 1);
    for (const gone of indexRegions([found.region]).keys()) index.delete(gone);
  });
  for (const [id, names] of Object.entries(local.remove.names)) {
    const region = lookup(id, ['remove', 'names', id]);
    if (!region) continue;
    names.forEach((name, i) => {
      if (!removeName(region, name)) {
        problems.push({
          path: ['remove', 'names', id, i],
          message: `region "${id}" has no name or adjective "${name}"`,
        });
      }
    });
  }

  const added: { name: NameSpec; region: string; path: PropertyKey[] }[] = [];
  local.places.forEach((place, i) => {
    const path = ['places', i];
    const { parent, ...spec } = place;
    const region: RegionSpec = stripUndefined(spec);
    for (const id of indexRegions([region]).keys()) {
      if (index.has(id)) {
        problems.push({ path: [...path, 'id'], message: `duplicate region id "${id}"` });
        return;
      }
    }
    let list = tree;
    if (parent !== undefined) {
      const into = lookup(parent, [...path, 'parent']);
      if (!into) return;
      into.children ??= [];
      list = into.children;
    }
    list.push(region);
    for (const [id, found] of indexRegions([region])) {
      index.set(id, found.region === region ? { region, list } : found);
    }
    walk(region, path, (r, at) => {
      r.names.forEach((name, k) => {
        added.push({ name, region: r.id, path: [...at, 'names', k] });
      });
    });
  });
  for (const key of ['names', 'adjectives'] as const) {
    for (const [id, names] of Object.entries(local[key])) {
      const region = lookup(id, [key, id]);
      if (!region) continue;
      if (key === 'adjectives') region.adjectives ??= [];
      const list = key === 'names' ? region.names : (region.adjectives as NameSpec[]);
      names.forEach((name, k) => {
        list.push(name);
        added.push({ name, region: id, path: [key, id, k] });
      });
    }
  }
  for (const [id, members] of Object.entries(local.groups)) {
    let group = index.get(id)?.region;
    if (!group) {
      group = { id, names: [], members: [] };
      tree.push(group);
      index.set(id, { region: group, list: tree });
    }
    members.forEach((member, k) => {
      if (!lookup(member, ['groups', id, k])) return;
      group.members ??= [];
      if (!group.members.includes(member)) group.members.push(member);
    });
  }
  local.requiresContext.forEach((id, i) => {
    const region = lookup(id, ['requiresContext', i]);
    if (region) region.requiresContext = true;
  });
  return { regions: tree, problems: [...problems, ...findSharedNames(tree, added)] };
}

/** Every region of `regions` (children included) by id, with the list that holds it. */
function indexRegions(regions: RegionSpec[]): Map<string, Found> {
  const index = new Map<string, Found>();
  const visit = (list: RegionSpec[]) => {
    for (const region of list) {
      index.set(region.id, { region, list });
      visit(region.children ?? []);
    }
  };
  visit(regions);
  return index;
}

/** `region` and its children, each with its path in the file. */
function walk(
  region: RegionSpec,
  path: PropertyKey[],
  visit: (region: RegionSpec, path: PropertyKey[]) => void,
): void {
  visit(region, path);
  (region.children ?? []).forEach((child, i) => {
    walk(child, [...path, 'children', i], visit);
  });
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function termOf(name: NameSpec): string {
  return typeof name === 'string' ? name : name.term;
}

/** A name as matching compares it: its words folded (case, accents, elisions, dots). */
export function nameKey(name: NameSpec): string {
  return tokenize(termOf(name))
    .map((token) => token.folded)
    .join(' ');
}

function needsContext(name: NameSpec, region: RegionSpec): boolean {
  return region.requiresContext === true || (typeof name !== 'string' && !!name.requiresContext);
}

/** Removes every name and adjective of `region` that reads as `text`; whether there was one. */
function removeName(region: RegionSpec, text: string): boolean {
  const key = nameKey(text);
  const before = region.names.length + (region.adjectives?.length ?? 0);
  region.names = region.names.filter((name) => nameKey(name) !== key);
  if (region.adjectives) region.adjectives = region.adjectives.filter((n) => nameKey(n) !== key);
  return region.names.length + (region.adjectives?.length ?? 0) < before;
}

/** The added names that another region has too, neither needing context: two places for one name. */
function findSharedNames(
  tree: RegionSpec[],
  added: { name: NameSpec; region: string; path: PropertyKey[] }[],
): PathProblem[] {
  if (added.length === 0) return [];
  const owners = new Map<string, string[]>();
  const regions = new Map<string, RegionSpec>();
  for (const { region } of indexRegions(tree).values()) {
    regions.set(region.id, region);
    for (const name of [...region.names, ...(region.adjectives ?? [])]) {
      if (needsContext(name, region)) continue;
      const key = nameKey(name);
      const list = owners.get(key) ?? [];
      if (!list.includes(region.id)) list.push(region.id);
      owners.set(key, list);
    }
  }
  return added.flatMap(({ name, region, path }) => {
    const own = regions.get(region);
    if (!own || needsContext(name, own)) return [];
    const others = (owners.get(nameKey(name)) ?? []).filter((id) => id !== region);
    if (others.length === 0) return [];
    const list = others.map((id) => `"${id}"`).join(', ');
    return [
      {
        path,
        message: `"${termOf(name)}" now names two places: "${region}" and ${list}; remove one, or write {term: ${termOf(name)}, requiresContext: true}`,
      },
    ];
  });
}

function describeUnknownRegion(id: string, index: Map<string, Found>): string {
  const suggestion = suggestName(id, index.keys());
  return `unknown region "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
}

/**
 * The generated places of regions.depth.json attached under their parents (a copy of `regions`);
 * problems name the place's line (one place a line, after the first).
 */
export function attachDepth(
  regions: readonly RegionSpec[],
  depth: RegionsDepthSpec,
): { regions: RegionSpec[]; problems: { line: number; message: string }[] } {
  const tree = structuredClone(regions) as RegionSpec[];
  const index = indexRegions(tree);
  const problems: { line: number; message: string }[] = [];
  depth.places.forEach((place, i) => {
    const line = i + 2;
    const parent = index.get(place.parent)?.region;
    if (!parent) {
      problems.push({
        line,
        message: `places[${i}].parent: ${describeUnknownRegion(place.parent, index)}`,
      });
      return;
    }
    if (index.has(place.id)) {
      problems.push({ line, message: `places[${i}].id: duplicate region id "${place.id}"` });
      return;
    }
    const region: RegionSpec = { id: place.id, names: place.names };
    parent.children ??= [];
    parent.children.push(region);
    index.set(place.id, { region, list: parent.children });
  });
  return { regions: tree, problems };
}
