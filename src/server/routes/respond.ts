// What the workspace's routes share: a whole document, the analyst's clock and zone, one-line errors.
import type { Context } from 'hono';
import { html } from 'hono/html';
import { singleLine } from '../../notify/format.ts';
import type { WorkspaceDeps } from '../app.tsx';
import { analystTimeZone } from '../event-query.ts';
import type { QueryError } from '../page-query.ts';

/** A whole document: the doctype keeps browsers out of quirks mode. */
export function documentOf(body: unknown) {
  return html`<!DOCTYPE html>${body}`;
}

/** What a query is read against: the rules, now, and the zone a bare day is read in. */
export function contextOf(deps: WorkspaceDeps) {
  return {
    config: deps.config,
    now: deps.clock.now(),
    timeZone: analystTimeZone(deps.config.notify),
  };
}

/** The page's error line: the parameter and why, on one line. */
export function pageError(error: QueryError) {
  return { parameter: error.parameter, message: singleLine(error.message) };
}

/** 400 with `{"error": "parameter: why"}`. */
export function badRequestJson(c: Context, error: QueryError) {
  return c.json({ error: `${error.parameter}: ${singleLine(error.message)}` }, 400);
}

export function notFoundJson(c: Context, what: string) {
  return c.json({ error: singleLine(what) }, 404);
}

export function notFoundText(c: Context, what: string) {
  return c.text(`${singleLine(what)}\n`, 404);
}
