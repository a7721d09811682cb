// loadConfig over fixture directories: the values a valid directory parses to, and ConfigError otherwise.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.ts';
import { ConfigError } from '../../../src/lib/errors.ts';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/config');

async function catchProblems(dir: string): Promise<string[]> {
  const error = await loadConfig(dir).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems;
}

describe('loadConfig: a valid directory', () => {
  it('parses feeds with their defaults', async () => {
    const config = await loadConfig(path.join(FIXTURES, 'valid'));
    expect(config.feeds).toEqual([
      {
        id: 'opex360',
        url: 'https://www.opex360.com/feed/',
        every: '10m',
        fetchArticle: true,
        lang: 'fr',
        tags: ['defense'],
      },
      {
        id: 'france24-moyen-orient',
        url: 'https://www.france24.com/fr/moyen-orient/rss',
        every: '15m',
        fetchArticle: false,
      },
    ]);
  });

  it('parses rules: terms, nested nodes, alert and its default threshold, default severity', async () => {
    const { rules } = await loadConfig(path.join(FIXTURES, 'valid'));
    expect(rules[0]).toEqual({
      id: 'ei-attentats',
      name: "Attentats de l'État islamique",
      severity: 'high',
      languages: ['fr', 'en'],
      match: {
        all: [
          {
            any: ['État islamique', 'Daech', 'Daesh', 'ISIS', { term: 'EI', caseSensitive: true }],
          },
          { any: ['attentat*', 'kamikaze', { near: ['attaque', 'drone'], within: 5, weight: 2 }] },
        ],
        none: ['exercice', 'jeu vidéo'],
      },
      regions: ['iraq', 'syria'],
      minScore: 2,
      alert: {
        threshold: { count: 3, window: '6h', per: 'region' },
        cooldown: '12h',
        channels: ['ops-email'],
      },
      digests: ['daily-fr'],
    });
    expect(rules[1]).toEqual({
      id: 'mossoul',
      severity: 'medium',
      match: { any: ['Mossoul'] },
      alert: { threshold: { count: 1, window: '1h', per: 'rule' }, channels: ['soc-hook'] },
    });
  });

  it('parses the region tree and notify with its defaults', async () => {
    const config = await loadConfig(path.join(FIXTURES, 'valid'));
    expect(config.regions.map((region) => region.id)).toEqual(['iraq', 'syria']);
    expect(config.regions[0]?.children?.[1]?.children?.[0]).toEqual({
      id: 'hit',
      names: [{ term: 'Hit', caseSensitive: true }, 'Heet'],
      requiresContext: true,
    });
    expect(config.notify).toEqual({
      channels: {
        'ops-email': { type: 'email', to: ['analyst@example.org'], groupWait: '1s' },
        'soc-hook': {
          type: 'webhook',
          url: 'https://hooks.example.org/x',
          secret: 's3cret',
          groupWait: '1s',
        },
      },
      digests: {
        'daily-fr': {
          cron: '0 8 * * *',
          timezone: 'Europe/Paris',
          channels: ['ops-email'],
          skipEmpty: true,
        },
      },
    });
    expect(config.dir).toBe(path.join(FIXTURES, 'valid'));
  });
});

describe('loadConfig: failures', () => {
  it('throws ConfigError with every problem, files named by the path given', async () => {
    const dir = path.relative(process.cwd(), path.join(FIXTURES, 'broken'));
    expect(await catchProblems(dir)).toEqual([
      `${dir}/feeds.yaml:4:12: feeds[0].every: invalid duration "10x": expected a positive whole number and a unit s, m, h or d (e.g. 10m)`,
      `${dir}/notify.yaml:4:43: digests.daily-fr.timezone: unknown time zone "Europe/Pariss" (e.g. Europe/Paris, UTC)`,
      `${dir}/rules.yaml:6:11: rules[0].match.all[1]: a boolean node needs at least one of all, any, none`,
      `${dir}/rules.yaml:7:15: rules[0].regions[0]: unknown region "irak" (did you mean "iraq"?)`,
      `${dir}/rules.yaml:10:24: rules[1].alert.channels[0]: unknown channel "ops-mail" (did you mean "ops-email"?)`,
    ]);
  });

  it('reports a directory that does not exist', async () => {
    expect(await catchProblems('no/such/dir')).toEqual(['no/such/dir: config directory not found']);
  });

  it('reports missing required files and accepts missing optional ones', async () => {
    const dir = path.join(FIXTURES, 'cases');
    expect(await catchProblems(dir)).toEqual([
      `${dir}/regions.yaml: file not found`,
      `${dir}/rules.yaml: file not found`,
    ]);
  });
});
