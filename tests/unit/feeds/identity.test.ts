// canonicalUrl and itemKey, case by case.
import { describe, expect, it } from 'vitest';
import { itemKey } from '../../../src/feeds/identity.ts';
import { canonicalUrl } from '../../../src/lib/canonical-url.ts';
import { PermanentError } from '../../../src/lib/errors.ts';

describe('canonicalUrl', () => {
  it.each([
    ['HTTPS://WWW.Example.ORG/Article', 'https://www.example.org/Article'],
    ['https://example.org:443/a', 'https://example.org/a'],
    ['http://example.org:80/a', 'http://example.org/a'],
    ['http://example.org:8080/a', 'http://example.org:8080/a'],
    ['https://example.org/a#comments', 'https://example.org/a'],
    ['https://example.org/a?utm_source=rss&utm_medium=rss&utm_campaign=x', 'https://example.org/a'],
    ['https://example.org/a?UTM_Source=x&id=3', 'https://example.org/a?id=3'],
    [
      'https://example.org/a?fbclid=1&gclid=2&dclid=3&msclkid=4&mc_cid=5&mc_eid=6&igshid=7&_ga=8',
      'https://example.org/a',
    ],
    ['https://example.org/a?z=1&a=2&m=3', 'https://example.org/a?a=2&m=3&z=1'],
    ['https://example.org/a?tag=b&page=2&tag=a', 'https://example.org/a?page=2&tag=b&tag=a'],
    ['https://example.org/a?ref=home&source=rss', 'https://example.org/a?ref=home&source=rss'],
    ['https://example.org/a?q=a/b%2Cc&p=1', 'https://example.org/a?p=1&q=a/b%2Cc'],
    ['https://example.org/a?', 'https://example.org/a'],
    ['https://example.org/a?utm_source=x#top', 'https://example.org/a'],
    ['https://example.org', 'https://example.org/'],
    ['https://example.org/a/../b', 'https://example.org/b'],
    ['  https://example.org/a  ', 'https://example.org/a'],
    ['https://Exemple.fr/é?x=é', 'https://exemple.fr/%C3%A9?x=%C3%A9'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it('throws a permanent error on something that is not a URL', () => {
    expect(() => canonicalUrl('/relative/path')).toThrow(PermanentError);
    expect(() => canonicalUrl('/relative/path')).toThrow('feeds: not a URL (/relative/path)');
  });
});

describe('itemKey', () => {
  it.each([
    [{ url: 'https://example.org/a?utm_source=rss#x', guid: '123' }, 'https://example.org/a'],
    [{ guid: ' tag:example.org,2024:1 ' }, 'guid:tag:example.org,2024:1'],
    [{ url: 'not a url', guid: 'abc' }, 'guid:abc'],
    [{ url: '', guid: 'abc' }, 'guid:abc'],
  ])('%j → %s', (item, expected) => {
    expect(itemKey(item)).toBe(expected);
  });

  it('hashes title and summary when there is neither link nor guid', () => {
    const key = itemKey({ title: 'Titre', summary: 'Résumé' });
    expect(key).toMatch(/^text:[0-9a-f]{32}$/);
    expect(itemKey({ title: 'Titre', summary: 'Résumé' })).toBe(key);
    expect(itemKey({ title: 'Autre', summary: 'Résumé' })).not.toBe(key);
  });
});
