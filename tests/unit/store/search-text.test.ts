import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { foldText, SEARCH_VECTOR } from '../../../src/store/search-text.ts';

describe('search text', () => {
  it('folds accented Latin letters and case', () => {
    expect(foldText('MOSSOUL Mossoul numéro Łódź Ağrı Şanlıurfa')).toBe(
      'mossoul mossoul numero lodz agri sanliurfa',
    );
    expect(foldText('Киев')).toBe('киев');
  });

  it('is the expression migration 0010 indexed', () => {
    // PostgreSQL uses an expression index only for the same expression: changing SEARCH_VECTOR
    // needs a migration that rebuilds articles_search, and then a new hash here.
    const hash = createHash('sha256').update(SEARCH_VECTOR).digest('hex').slice(0, 16);
    expect(hash).toBe('ea5aaf4ba5aea6f8');
  });
});
