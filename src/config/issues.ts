// Turns zod issues into config problems that name a path in the file: plain messages, one per mistake.
import type { z } from 'zod';
import { suggestName } from './suggest.ts';

/** A problem in one config file, located by the path of the offending value. */
export interface PathProblem {
  path: PropertyKey[];
  message: string;
  /** Point at the key itself (unknown or invalid key) rather than at its value. */
  onKey?: boolean;
  /** Another value the message refers to (the first of two duplicates), cited by its line. */
  firstAt?: PropertyKey[];
}

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

/** The error map used for every parse: messages an analyst reads without knowing zod. */
export function describeIssue(issue: RawIssue): string | undefined {
  if (issue.code === 'invalid_type') return describeTypeIssue(issue.expected, issue.input);
  if (issue.code === 'invalid_value') {
    return `expected one of: ${issue.values.map((value) => String(value)).join(', ')}`;
  }
  if (issue.code === 'unrecognized_keys') return describeAllowedKeys(issue.inst);
  if (issue.code === 'too_small' && issue.origin === 'array') return 'must not be empty';
  if (issue.code === 'too_small' && issue.origin === 'string') return 'must not be empty';
  if (issue.code === 'too_small' && issue.origin === 'number') {
    return `must be ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}`;
  }
  return undefined;
}

const ALLOWED_KEYS = 'expected one of: ';

/** The keys a strict object accepts, read from its shape, so unknown keys can get suggestions. */
function describeAllowedKeys(schema: unknown): string | undefined {
  const shape = (schema as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
  return shape ? `${ALLOWED_KEYS}${Object.keys(shape).join(', ')}` : undefined;
}

function describeUnknownKey(key: string, message: string): string {
  if (!message.startsWith(ALLOWED_KEYS)) return `unknown key "${key}"`;
  const allowed = message.slice(ALLOWED_KEYS.length).split(', ');
  const suggestion = suggestName(key, allowed);
  if (suggestion) return `unknown key "${key}" (did you mean "${suggestion}"?)`;
  return `unknown key "${key}" (${message})`;
}

function describeTypeIssue(expected: string, input: unknown): string {
  if (input === undefined) return 'required';
  return `expected ${TYPE_NAMES[expected] ?? expected}, got ${describeValueType(input)}`;
}

function describeValueType(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' && Number.isInteger(value)) return `the number ${value}`;
  return TYPE_NAMES[typeof value] ?? typeof value;
}

/** Every problem that `issues` describe, with paths into `data` (the parsed YAML). */
export function collectIssueProblems(issues: readonly Issue[], data: unknown): PathProblem[] {
  return issues.flatMap((issue) => describeIssueProblems(issue, [], data));
}

function describeIssueProblems(issue: Issue, base: PropertyKey[], data: unknown): PathProblem[] {
  const path = [...base, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: [...path, key],
      message: describeUnknownKey(key, issue.message),
      onKey: true,
    }));
  }
  if (issue.code === 'invalid_key') {
    const reason = issue.issues[0]?.message ?? issue.message;
    return [{ path, message: reason, onKey: true }];
  }
  if (issue.code === 'invalid_union') return describeUnionProblems(issue, path, data);
  return [{ path, message: issue.message }];
}

/**
 * A union (term, name, boolean node) that no branch accepted: report the mistakes of the branch
 * the author evidently meant (the one whose keys and type fit), or the union's own message when
 * the value fits none of them.
 */
function describeUnionProblems(
  issue: Issue & { code: 'invalid_union' },
  path: PropertyKey[],
  data: unknown,
): PathProblem[] {
  const value = readPath(data, path);
  const ranked = issue.errors
    .map((branch) => ({ branch, misfit: measureMisfit(branch, value) }))
    .sort((a, b) => a.misfit - b.misfit);
  const best = ranked[0];
  if (!best || best.branch.length === 0 || best.misfit >= MISSING_KEY) {
    return [{ path, message: issue.message }];
  }
  return best.branch.flatMap((branchIssue) => describeIssueProblems(branchIssue, path, data));
}

const WRONG_TYPE = 100;
const MISSING_KEY = 10;

/**
 * How badly `value` fits a union branch: a wrong type, then missing keys, then unknown keys; each
 * key of the value that the branch knows counts for it (`{near: …, wthin: 2}` is a near term).
 */
function measureMisfit(branch: readonly Issue[], value: unknown): number {
  let misfit = 0;
  let unknownKeys = 0;
  for (const issue of branch) {
    const atRoot = issue.path.length === 0;
    if (atRoot && issue.code === 'invalid_type') return WRONG_TYPE;
    if (atRoot && issue.code === 'unrecognized_keys') unknownKeys += issue.keys.length;
    // A node's "needs all, any or none" weighs a little less than a missing key, so that an
    // empty mapping reads as an empty boolean node rather than a term without `term`.
    else if (atRoot && issue.code === 'custom' && isMapping(value)) misfit += MISSING_KEY - 1;
    else if (isMissingKey(issue, value)) misfit += MISSING_KEY;
  }
  const knownKeys = isMapping(value) ? Object.keys(value).length - unknownKeys : 0;
  return misfit + unknownKeys - MISSING_KEY * knownKeys;
}

function isMapping(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isMissingKey(issue: Issue, value: unknown): boolean {
  return (
    issue.code === 'invalid_type' &&
    issue.path.length === 1 &&
    readPath(value, issue.path) === undefined
  );
}

/** The value at `path` inside plain parsed data, or undefined. */
export function readPath(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** `rules[2].match.all[0]`: the path as a reader of the YAML file sees it. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      return index === 0 ? String(key) : `.${String(key)}`;
    })
    .join('');
}
