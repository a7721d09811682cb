// Checks across config files on the raw YAML data: unique ids, and every id a file names defined somewhere.
import type { PathProblem } from './issues.ts';
import type { ConfigFileName } from './schema.ts';
import { suggestName } from './suggest.ts';

/** The parsed YAML of each file that could be read; a file missing here is skipped, not empty. */
export type RawConfig = Partial<Record<ConfigFileName, unknown>>;

export type FileProblem = PathProblem & { file: ConfigFileName };

interface Named {
  id: string;
  path: PropertyKey[];
}

/** Every duplicate id and dangling reference, each at the position of the offending value. */
export function checkReferences(raw: RawConfig): FileProblem[] {
  return [
    ...checkDuplicates('feeds.yaml', 'feed', listFeeds(raw)),
    ...checkDuplicates('rules.yaml', 'rule', listRules(raw)),
    ...checkDuplicates('regions.yaml', 'region', listRegions(raw)),
    ...checkRuleReferences(raw),
    ...checkDigestReferences(raw),
    ...checkOperatorReferences(raw),
  ];
}

function checkDuplicates(file: ConfigFileName, kind: string, items: Named[]): FileProblem[] {
  const seen = new Map<string, Named>();
  const problems: FileProblem[] = [];
  for (const item of items) {
    const first = seen.get(item.id);
    if (!first) seen.set(item.id, item);
    else {
      const message = `duplicate ${kind} id "${item.id}"`;
      problems.push({ file, path: item.path, message, firstAt: first.path });
    }
  }
  return problems;
}

function listFeeds(raw: RawConfig): Named[] {
  return listIds(readList(raw['feeds.yaml'], 'feeds'), ['feeds']);
}

function listRules(raw: RawConfig): Named[] {
  return listIds(readList(raw['rules.yaml'], 'rules'), ['rules']);
}

/** Regions anywhere in the tree: ids are unique across the whole gazetteer. */
function listRegions(raw: RawConfig): Named[] {
  return listRegionTree(readList(raw['regions.yaml'], 'regions'), ['regions']);
}

function listRegionTree(regions: unknown[], path: PropertyKey[]): Named[] {
  return regions.flatMap((region, index) => {
    const here = [...path, index];
    const own = listIds([region], here).map((named) => ({ ...named, path: [...here, 'id'] }));
    return [...own, ...listRegionTree(readList(region, 'children'), [...here, 'children'])];
  });
}

function listIds(items: unknown[], path: PropertyKey[]): Named[] {
  return items.flatMap((item, index) => {
    const id = readField(item, 'id');
    return typeof id === 'string' ? [{ id, path: [...path, index, 'id'] }] : [];
  });
}

function checkRuleReferences(raw: RawConfig): FileProblem[] {
  const regions = idsOf(raw, 'regions.yaml', listRegions);
  // regions.local.yaml adds places and groups (its removals are the overlay's to check).
  const local = raw['regions.local.yaml'];
  for (const { id } of listRegionTree(readList(local, 'places'), ['places'])) regions?.add(id);
  for (const id of Object.keys(readRecord(readField(local, 'groups')))) regions?.add(id);
  const channels = keysOf(raw, 'channels');
  const digests = keysOf(raw, 'digests');
  return readList(raw['rules.yaml'], 'rules').flatMap((rule, index) => {
    const path = ['rules', index];
    const alert = readField(rule, 'alert');
    return [
      ...checkNames(readField(rule, 'regions'), [...path, 'regions'], regions, 'region'),
      ...checkNames(
        readField(alert, 'channels'),
        [...path, 'alert', 'channels'],
        channels,
        'channel',
      ),
      ...checkNames(readField(rule, 'digests'), [...path, 'digests'], digests, 'digest'),
    ].map((problem) => ({ ...problem, file: 'rules.yaml' as const }));
  });
}

function checkDigestReferences(raw: RawConfig): FileProblem[] {
  const channels = keysOf(raw, 'channels');
  const rules = idsOf(raw, 'rules.yaml', listRules);
  const digests = readRecord(readField(raw['notify.yaml'], 'digests'));
  return Object.entries(digests).flatMap(([name, digest]) => {
    const path = ['digests', name];
    return [
      ...checkNames(readField(digest, 'channels'), [...path, 'channels'], channels, 'channel'),
      ...checkNames(readField(digest, 'rules'), [...path, 'rules'], rules, 'rule'),
    ].map((problem) => ({ ...problem, file: 'notify.yaml' as const }));
  });
}

function checkOperatorReferences(raw: RawConfig): FileProblem[] {
  const channels = keysOf(raw, 'channels');
  const operators = readField(raw['notify.yaml'], 'operators');
  const path = ['operators', 'channels'];
  return checkNames(readField(operators, 'channels'), path, channels, 'channel').map((problem) => ({
    ...problem,
    file: 'notify.yaml' as const,
  }));
}

/** The ids defined in `file`, or undefined when that file could not be read. */
function idsOf(
  raw: RawConfig,
  file: ConfigFileName,
  list: (raw: RawConfig) => Named[],
): Set<string> | undefined {
  return file in raw ? new Set(list(raw).map((named) => named.id)) : undefined;
}

function keysOf(raw: RawConfig, field: 'channels' | 'digests'): Set<string> | undefined {
  if (!('notify.yaml' in raw)) return undefined;
  return new Set(Object.keys(readRecord(readField(raw['notify.yaml'], field))));
}

/** One problem per name in `names` (a list in the file) that `known` lacks. */
function checkNames(
  names: unknown,
  path: PropertyKey[],
  known: Set<string> | undefined,
  kind: string,
): PathProblem[] {
  if (!known || !Array.isArray(names)) return [];
  return names.flatMap((name, index) =>
    typeof name === 'string' && !known.has(name)
      ? [{ path: [...path, index], message: describeUnknown(kind, name, known) }]
      : [],
  );
}

function describeUnknown(kind: string, name: string, known: Set<string>): string {
  const suggestion = suggestName(name, known);
  const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
  return `unknown ${kind} "${name}"${hint}`;
}

function readField(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function readList(value: unknown, key: string): unknown[] {
  const list = readField(value, key);
  return Array.isArray(list) ? list : [];
}

function readRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
