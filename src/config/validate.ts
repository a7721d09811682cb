// Validates the config files whole: every problem of every file, located by line and column.

import path from 'node:path';
import {
  type Document,
  isMap,
  isNode,
  isScalar,
  LineCounter,
  type Node,
  parseDocument,
} from 'yaml';
import type { z } from 'zod';
import type { AdjectivePolicy } from '../rules/disambiguate.ts';
import { cacheKey, readCached, writeCached } from './cache.ts';
import { collectIssueProblems, describeIssue, formatPath, type PathProblem } from './issues.ts';
import { applyOverlay, attachDepth } from './overlay.ts';
import { checkReferences, type FileProblem, type RawConfig } from './references.ts';
import {
  type ConfigFileName,
  type FeedSpec,
  FeedsFileSchema,
  type FocusSpec,
  type HealthSpec,
  NotifyFileSchema,
  type NotifySpec,
  type RegionSpec,
  RegionsDepthFileSchema,
  RegionsFileSchema,
  RegionsLocalFileSchema,
  type RetentionSpec,
  type RuleSpec,
  RulesFileSchema,
} from './schema.ts';
import { checkTermWriting } from './term-checks.ts';

/** A config file as read: `name` is its path as given, `text` undefined when the file is absent. */
export interface ConfigFileText {
  name: string;
  text: string | undefined;
}

/** The validated values of the four files (load.ts adds the directory they came from). */
export interface ConfigValues {
  feeds: FeedSpec[];
  regions: RegionSpec[];
  rules: RuleSpec[];
  notify: NotifySpec;
  /** rules.yaml's `focus` settings, when it has any. */
  focus?: FocusSpec | undefined;
  /** rules.yaml's `adjectives` policy, when it sets one (default in rules/compile.ts). */
  adjectives?: AdjectivePolicy | undefined;
  /** regions.local.yaml's `notPlaces`: more names that name no place (see rules/not-places.ts). */
  notPlaces?: string[] | undefined;
  /** feeds.yaml's `health` settings, when it has any (defaults in feeds/health.ts). */
  health?: HealthSpec | undefined;
  /** feeds.yaml's `retention` settings, when it has any (defaults in store/retention.ts). */
  retention?: RetentionSpec | undefined;
}

export type ConfigValidation =
  | { ok: true; config: ConfigValues }
  | { ok: false; problems: string[] };

const FILE_NAMES: readonly ConfigFileName[] = [
  'feeds.yaml',
  'regions.yaml',
  'regions.local.yaml',
  'rules.yaml',
  'notify.yaml',
];
/** The generated places below the curated gazetteer (JSON: parsed fast); optional. */
const DEPTH_FILE = 'regions.depth.json';
const REQUIRED_FILES: readonly ConfigFileName[] = ['regions.yaml', 'rules.yaml'];

interface Problem {
  file: string;
  line: number;
  col: number;
  text: string;
}

interface ReadableFile {
  name: string;
  doc: Document;
  lineCounter: LineCounter;
}

interface CheckedFile<T> {
  name: string;
  /** The parsed YAML, when the file could be read (an absent optional file reads as `{}`). */
  raw?: unknown;
  /** The YAML document, to place problems by line and column: parsed on demand when cached. */
  readable?: () => ReadableFile;
  value?: T;
  problems: Problem[];
}

/** Validates the files (matched by base name; regions.local.yaml overlays regions.yaml) and the references between them. */
export function validateConfig(files: readonly ConfigFileText[]): ConfigValidation {
  const feeds = checkFile(files, 'feeds.yaml', FeedsFileSchema);
  const regions = checkFile(files, 'regions.yaml', RegionsFileSchema);
  const local = checkFile(files, 'regions.local.yaml', RegionsLocalFileSchema);
  const rules = checkFile(files, 'rules.yaml', RulesFileSchema);
  const notify = checkFile(files, 'notify.yaml', NotifyFileSchema);
  const checked = {
    'feeds.yaml': feeds,
    'regions.yaml': regions,
    'regions.local.yaml': local,
    'rules.yaml': rules,
    'notify.yaml': notify,
  };
  const depth = regions.value ? readDepth(files, regions.value.regions) : undefined;
  const overlaid = depth && local.value ? applyOverlay(depth.regions, local.value) : undefined;
  const overlayProblems = (overlaid?.problems ?? []).flatMap((problem) =>
    local.readable ? [locateProblem(local.readable(), problem)] : [],
  );
  const problems = [
    ...Object.values(checked).flatMap((file) => file.problems),
    ...(depth?.problems ?? []),
    ...locateReferenceProblems(checked),
    ...overlayProblems,
  ];
  if (problems.length > 0 || !feeds.value || !overlaid || !rules.value || !notify.value) {
    return { ok: false, problems: sortProblems(problems).map((problem) => problem.text) };
  }
  const config = {
    feeds: feeds.value.feeds,
    regions: overlaid.regions,
    rules: rules.value.rules,
    notify: notify.value,
    focus: rules.value.focus,
    adjectives: rules.value.adjectives,
    notPlaces: local.value?.notPlaces ?? [],
    health: feeds.value.health,
    retention: feeds.value.retention,
  };
  return { ok: true, config };
}

/** regions.yaml with regions.depth.json's places attached, when that file is there. */
function readDepth(
  files: readonly ConfigFileText[],
  regions: RegionSpec[],
): { regions: RegionSpec[]; problems: Problem[] } {
  const file = files.find((candidate) => path.basename(candidate.name) === DEPTH_FILE);
  if (file?.text === undefined) return { regions, problems: [] };
  const problem = (line: number, text: string): Problem => ({
    file: file.name,
    line,
    col: 1,
    text: `${file.name}:${line}: ${text}`,
  });
  let raw: unknown;
  try {
    raw = JSON.parse(file.text);
  } catch (error) {
    return { regions, problems: [problem(1, `invalid JSON: ${(error as Error).message}`)] };
  }
  const result = RegionsDepthFileSchema.safeParse(raw, { error: describeIssue });
  if (!result.success) {
    const problems = collectIssueProblems(result.error.issues, raw).map((issue) => {
      const index = issue.path[0] === 'places' ? Number(issue.path[1]) : -1;
      return problem(index >= 0 ? index + 2 : 1, `${formatPath(issue.path)}: ${issue.message}`);
    });
    return { regions, problems };
  }
  const attached = attachDepth(regions, result.data);
  return {
    regions: attached.regions,
    problems: attached.problems.map(({ line, message }) => problem(line, message)),
  };
}

function checkFile<S extends z.ZodType>(
  files: readonly ConfigFileText[],
  kind: ConfigFileName,
  schema: S,
): CheckedFile<z.output<S>> {
  const file = files.find((candidate) => path.basename(candidate.name) === kind);
  const name = file?.name ?? kind;
  if (file?.text === undefined) return checkAbsentFile(name, kind, schema);
  const parsed = parseCached(name, file.text);
  if ('problems' in parsed) return { name, problems: parsed.problems };
  const { raw, readable } = parsed;
  const result = schema.safeParse(raw, { error: describeIssue });
  if (result.success) return { name, raw, readable, value: result.data, problems: [] };
  const located = collectIssueProblems(result.error.issues, raw).map((problem) =>
    locateProblem(readable(), problem),
  );
  return { name, raw, readable, problems: located };
}

/** The file's data, from the cache when this text was parsed before (see cache.ts). */
function parseCached(
  name: string,
  text: string,
): { raw: unknown; readable: () => ReadableFile } | { problems: Problem[] } {
  const key = cacheKey(['yaml', text]);
  const cached = readCached(key);
  if (cached) {
    let document: ReadableFile | undefined;
    // Only to place a problem: a text that parsed once parses again without errors.
    const readable = () => (document ??= parseYaml(name, text) as ReadableFile);
    return { raw: cached.value, readable };
  }
  const document = parseYaml(name, text);
  if ('problems' in document) return { problems: document.problems };
  const raw = readData(document);
  if (raw instanceof Error) return { problems: [locateError(document, raw)] };
  writeCached(key, raw);
  return { raw, readable: () => document };
}

function checkAbsentFile<S extends z.ZodType>(
  name: string,
  kind: ConfigFileName,
  schema: S,
): CheckedFile<z.output<S>> {
  if (REQUIRED_FILES.includes(kind)) {
    return { name, problems: [{ file: name, line: 0, col: 0, text: `${name}: file not found` }] };
  }
  return { name, raw: {}, value: schema.parse({}), problems: [] };
}

/** The YAML document, or its syntax errors with the parser's own line and column. */
function parseYaml(name: string, text: string): ReadableFile | { problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length === 0) return { name, doc, lineCounter };
  const problems = doc.errors.map((error) => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const message = error.message.split('\n')[0] ?? error.message;
    return { file: name, line, col, text: `${name}:${line}:${col}: invalid YAML: ${message}` };
  });
  return { problems };
}

/** The plain data of the document (`{}` when empty); an Error when aliases expand too far. */
function readData(file: ReadableFile): unknown {
  try {
    return file.doc.toJS({ maxAliasCount: 1000 }) ?? {};
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function locateError(file: ReadableFile, error: Error): Problem {
  return {
    file: file.name,
    line: 1,
    col: 1,
    text: `${file.name}:1:1: invalid YAML: ${error.message}`,
  };
}

function locateReferenceProblems(checked: Record<ConfigFileName, CheckedFile<unknown>>): Problem[] {
  const raw: RawConfig = {};
  for (const kind of FILE_NAMES) {
    if (checked[kind].raw !== undefined) raw[kind] = checked[kind].raw;
  }
  // Terms and languages too: they reach the files' raw data the same way.
  return [...checkReferences(raw), ...checkTermWriting(raw)].flatMap((problem: FileProblem) => {
    const readable = checked[problem.file].readable;
    return readable ? [locateProblem(readable(), problem)] : [];
  });
}

function locateProblem(file: ReadableFile, problem: PathProblem): Problem {
  const offset = locateOffset(file.doc, problem.path, problem.onKey ?? false);
  const { line, col } = file.lineCounter.linePos(offset);
  const text = `${file.name}:${line}:${col}: ${formatPath(problem.path)}: ${problem.message}`;
  return { file: file.name, line, col, text: text + citeFirst(file, problem.firstAt) };
}

function citeFirst(file: ReadableFile, firstAt: PropertyKey[] | undefined): string {
  if (!firstAt) return '';
  const { line } = file.lineCounter.linePos(locateOffset(file.doc, firstAt, false));
  return ` (first defined at line ${line})`;
}

/** Where the node at `path` starts, or its nearest existing parent when it is missing. */
function locateOffset(doc: Document, nodePath: readonly PropertyKey[], onKey: boolean): number {
  const key = onKey ? findKeyNode(doc, nodePath) : undefined;
  if (key?.range) return key.range[0];
  for (let depth = nodePath.length; depth >= 0; depth--) {
    const node = doc.getIn(nodePath.slice(0, depth), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return 0;
}

function findKeyNode(doc: Document, nodePath: readonly PropertyKey[]): Node | undefined {
  const parent = doc.getIn(nodePath.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const key = nodePath.at(-1);
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
  return isNode(pair?.key) ? pair.key : undefined;
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col,
  );
}
