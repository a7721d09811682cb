// Feeds named on the command line (`vigie ingest`): the configured one with that URL, or an ad-hoc feed.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FeedSpec } from '../config/schema.ts';
import { UserError } from '../lib/errors.ts';
import { insertFeedIfMissing } from '../store/feeds.ts';
import type { Db } from '../store/types.ts';

export interface FeedSource {
  spec: FeedSpec;
  configured: boolean;
  /** The feed document itself, when it was given as a file. */
  body?: Buffer | undefined;
}

/**
 * An http(s) URL is the configured feed with that URL, else an ad-hoc feed whose id hashes the URL
 * (the same URL gets the same id on every run). Anything else is a file holding the feed: its
 * items' pages are not fetched, since a saved feed is typically read offline.
 */
export async function resolveFeedSource(target: string, feeds: FeedSpec[]): Promise<FeedSource> {
  if (/^https?:\/\//i.test(target)) {
    const configured = feeds.find((feed) => feed.url === target);
    if (configured) return { spec: configured, configured: true };
    const host = safeHost(target);
    return {
      spec: adhocSpec(`adhoc-${slug(host)}-${shortHash(target)}`, target, true),
      configured: false,
    };
  }
  const path = resolve(target);
  const body = await readFeedFile(target, path);
  const id = `file-${slug(basename(path).replace(/\.[^.]*$/, ''))}-${shortHash(path)}`;
  return { spec: adhocSpec(id, pathToFileURL(path).href, false), configured: false, body };
}

/** Adds the feed's row unless it exists; an ad-hoc feed is marked outside the config (never polled). */
export function ensureFeedRow(db: Db, source: FeedSource, now: Date): Promise<void> {
  return insertFeedIfMissing(
    db,
    { id: source.spec.id, url: source.spec.url, inConfig: source.configured },
    now,
  );
}

function adhocSpec(id: string, url: string, fetchArticle: boolean): FeedSpec {
  return { id, url, every: '1h', fetchArticle };
}

async function readFeedFile(target: string, path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file (give a file or an http(s) URL)' : (code ?? String(error));
    throw new UserError(`ingest: cannot read ${target}: ${why}`);
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    throw new UserError(`ingest: ${url} is not a valid URL`);
  }
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'feed'
  );
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}
