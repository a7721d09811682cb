import { describe, expect, it } from 'vitest';
import { type ClassifyLine, LineBlock } from '../../../src/cli/classify-lines.ts';

const countries = ['irak', 'syrie'];

function rule(id: string, regions: string[], focus: string[], extra = {}) {
  return { id, score: 2, terms: ['Daech', 'attentat*'], regions, focus, ...extra };
}

/** What `vigie classify` prints for these lines: one JSON.stringify each, a newline after. */
function written(lines: ClassifyLine[]): string {
  const block = new LineBlock();
  for (const line of lines) block.pushLine(line);
  return block.bytes.subarray(0, block.length).toString('utf8');
}

describe('LineBlock', () => {
  it('writes the bytes of JSON.stringify, line by line, however the rules share their regions', () => {
    const shared = ['irak', 'syrie'];
    const lines: ClassifyLine[] = [
      {
        file: 'a/"quoted"\\dir/é.txt',
        lang: 'fr',
        regions: [
          { id: 'irak', count: 3 },
          { id: 'syrie', count: 1 },
        ],
        focus: ['irak'],
        rules: [
          // The same array (as match.ts shares it), an equal one, then others.
          rule('r1', shared, ['irak']),
          rule('r2', shared, ['irak']),
          rule('r3', [...countries], ['irak']),
          rule('r4', ['syrie'], []),
          rule('r5', shared, ['irak'], {
            score: 1.5,
            terms: ['l’État islamique', 'Мали', '\u2028'],
          }),
          // The same regions, another focus.
          rule('r6', shared, []),
        ],
      },
      { file: 'b.txt', lang: null, regions: [], focus: [], rules: [] },
      {
        file: 'c\ud800.txt',
        lang: 'en',
        regions: [],
        focus: [],
        // After an article with other regions: nothing carried over from the line before.
        rules: [rule('r1', [], []), rule('r2', ['syrie'], ['syrie'])],
      },
    ];
    expect(written(lines)).toBe(lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  });

  it('grows its buffer for a line longer than it', () => {
    const terms = Array.from({ length: 5000 }, (_, i) => `terme${i}`);
    const line: ClassifyLine = {
      file: 'long.txt',
      lang: 'fr',
      regions: [],
      focus: [],
      rules: Array.from({ length: 20 }, (_, i) => rule(`r${i}`, countries, [], { terms })),
    };
    const text = written([line]);
    expect(text.length).toBeGreaterThan(1 << 18);
    expect(text).toBe(`${JSON.stringify(line)}\n`);
  });
});
