// Queue key prefixes: unchanged on one Redis, a hash tag per queue on a cluster unless the prefix has one.
import { describe, expect, it } from 'vitest';
import { queueKeyPrefix } from '../../../src/queues/index.ts';

describe('queueKeyPrefix', () => {
  it.each([
    ['vigie', false, 'vigie'],
    ['{vigie}', false, '{vigie}'],
    ['vigie', true, 'vigie:{fetch-feed}'],
    ['vigie-staging', true, 'vigie-staging:{fetch-feed}'],
    ['{vigie}', true, '{vigie}'],
    ['{vigie}-ingest-1a2b', true, '{vigie}-ingest-1a2b'],
    ['pre{vigie}post', true, 'pre{vigie}post'],
  ])('%s (cluster: %s) → %s', (prefix, cluster, expected) => {
    expect(queueKeyPrefix(prefix, 'fetch-feed', cluster)).toBe(expected);
  });
});
