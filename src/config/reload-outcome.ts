// What a config reload ended with: a types-only module, so that Deps can hold it without importing the reloader.

/** What started a reload. */
export type ReloadTrigger = 'signal' | 'file' | 'request';

/** The last reload's outcome, kept for /rules: the problems are `file:line:col: path: message` lines. */
export interface ReloadOutcome {
  at: Date;
  trigger: ReloadTrigger;
  ok: boolean;
  problems: string[];
}
