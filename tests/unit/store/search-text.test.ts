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

  it('is the expression migration 0010 stored', () => {
    // Migration 0010 generates articles.search_vector from it: changing SEARCH_VECTOR changes
    // only new databases, and needs a migration that redefines the column, then a new hash here.
    const hash = createHash('sha256').update(SEARCH_VECTOR).digest('hex').slice(0, 16);
    expect(hash).toBe('34278421a983d225');
  });
});
