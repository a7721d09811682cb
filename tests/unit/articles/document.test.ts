// Reading an article file: a .txt file's title and text, decoded apart, read as the whole file decoded.
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/articles/document.ts';

/** What a .txt file read as before: the whole decoded, a leading U+FEFF dropped, cut at the first newline. */
function decodedWhole(bytes: Buffer): { title: string; text: string } {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const newline = text.indexOf('\n');
  if (newline === -1) return { title: text.trim(), text: '' };
  return { title: text.slice(0, newline).trim(), text: text.slice(newline + 1) };
}

const bom = Buffer.from([0xef, 0xbb, 0xbf]);
const cases: [string, Buffer][] = [
  ['title and text', Buffer.from('Attentat à Mossoul\nL’EI revendique.\n')],
  ['a byte order mark', Buffer.concat([bom, Buffer.from(' Titre \nTexte')])],
  ['a byte order mark only', bom],
  ['a byte order mark, then a newline', Buffer.concat([bom, Buffer.from('\nTexte')])],
  ['two byte order marks', Buffer.concat([bom, bom, Buffer.from('Titre\nTexte')])],
  ['no newline', Buffer.from('  Titre seul  ')],
  ['an empty file', Buffer.alloc(0)],
  ['a newline first', Buffer.from('\nTexte\nsuite')],
  ['CRLF', Buffer.from('Titre\r\nTexte\r\nsuite\r\n')],
  ['Arabic and Cyrillic', Buffer.from('هجوم في الموصل\nМали: атака\n')],
  // A sequence cut short before the newline decodes to U+FFFD on either side of the cut.
  ['a truncated sequence before the newline', Buffer.from([0x41, 0xf0, 0x9f, 0x98, 0x0a, 0x42])],
  ['a truncated sequence at the end', Buffer.from([0x41, 0x0a, 0x42, 0xe2, 0x82])],
  ['a stray continuation byte', Buffer.from([0x80, 0x41, 0x0a, 0xbf, 0x42])],
  ['a half byte order mark', Buffer.from([0xef, 0xbb, 0x41, 0x0a, 0x42])],
];

describe('readDocument, .txt', () => {
  it.each(cases)('%s: as the whole file decoded', (_, bytes) => {
    const document = readDocument('article.txt', bytes);
    expect({ title: document.title, text: document.text }).toEqual(decodedWhole(bytes));
    expect(document.lang).toBeNull();
  });

  it('reads stdin as text unless it looks like JSON', () => {
    expect(readDocument('-', Buffer.from('Titre\nTexte')).text).toBe('Texte');
    expect(readDocument('-', Buffer.from(' {"title":"T","text":"X"}')).title).toBe('T');
  });
});
