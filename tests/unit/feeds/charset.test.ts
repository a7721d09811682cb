// decodeBody: the same French text in UTF-8, ISO-8859-1 and windows-1252, declared every possible way.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, detectCharset, headerCharset } from '../../../src/feeds/charset.ts';

/** Has ’ « » € œ —: characters windows-1252 has and ISO-8859-1 lacks, as real "ISO-8859-1" pages do. */
const FRENCH =
  'L’armée irakienne a repris « Mossoul » — œuvre coûteuse : 2 € et des éclats à Deir ez-Zor.';
const LATIN1_ONLY =
  'Les forces américaines ont tué 15 membres de Daesh près d’Al-Anbar, à l’aube.'.replaceAll(
    '’',
    "'",
  );

type Declaration = 'header' | 'prolog' | 'meta' | 'http-equiv' | 'bom' | 'none';

function document(
  text: string,
  charset: string,
  declaration: Declaration,
): { body: Buffer; contentType?: string } {
  const prolog = declaration === 'prolog' ? `<?xml version="1.0" encoding="${charset}"?>\n` : '';
  const meta =
    declaration === 'meta'
      ? `<meta charset="${charset}">`
      : declaration === 'http-equiv'
        ? `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">`
        : '';
  const markup = `${prolog}<html><head>${meta}<title>t</title></head><body><p>${text}</p></body></html>`;
  const encoded = iconv.encode(markup, charset);
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  const body = declaration === 'bom' ? Buffer.concat([bom, encoded]) : encoded;
  const contentType = declaration === 'header' ? `text/html; charset=${charset}` : undefined;
  return { body, contentType };
}

function paragraph(html: string): string {
  return /<p>(.*)<\/p>/.exec(html)?.[1] ?? '';
}

describe('decodeBody gives the same string whatever the encoding and where it is declared', () => {
  const cases: Array<[string, string, Declaration[]]> = [
    ['utf-8', FRENCH, ['header', 'prolog', 'meta', 'http-equiv', 'bom', 'none']],
    ['windows-1252', FRENCH, ['header', 'prolog', 'meta', 'http-equiv']],
    ['ISO-8859-1', LATIN1_ONLY, ['header', 'prolog', 'meta', 'http-equiv']],
  ];
  for (const [charset, text, declarations] of cases) {
    it.each(declarations)(`${charset} declared in %s`, (declaration) => {
      const { body, contentType } = document(text, charset, declaration);
      const decoded = decodeBody(body, contentType);
      expect(paragraph(decoded)).toBe(text);
      expect(decoded).not.toMatch(/Ã|â€|\uFFFD|^\uFEFF/);
    });
  }

  it.each(['header', 'prolog', 'meta'] as const)(
    'decodes windows-1252 bytes declared ISO-8859-1 in %s as browsers do',
    (declaration) => {
      const encoded = document(
        FRENCH,
        'windows-1252',
        declaration === 'header' ? 'none' : declaration,
      );
      const markup = encoded.body.toString('latin1').replaceAll('windows-1252', 'ISO-8859-1');
      const contentType = declaration === 'header' ? 'text/html; charset=ISO-8859-1' : undefined;
      expect(paragraph(decodeBody(Buffer.from(markup, 'latin1'), contentType))).toBe(FRENCH);
    },
  );
});

describe('detectCharset precedence', () => {
  const utf8Bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>é</p>')]);
  it.each([
    ['a BOM over a contradicting header', utf8Bom, 'text/html; charset=iso-8859-1', 'utf-8'],
    [
      'the header over the prolog',
      Buffer.from('<?xml version="1.0" encoding="utf-8"?><rss/>'),
      'application/xml; charset=windows-1252',
      'windows-1252',
    ],
    [
      'the prolog over a meta',
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><html><meta charset="utf-8"></html>'),
      undefined,
      'windows-1252',
    ],
    ['a quoted header charset', Buffer.from('x'), 'text/html; charset="UTF-8"', 'utf-8'],
    [
      'an unknown label, falling back',
      Buffer.from('<meta charset="x-klingon">'),
      'text/html; charset=bogus',
      'utf-8',
    ],
    ['a meta claiming utf-16 in ASCII', Buffer.from('<meta charset="utf-16">'), undefined, 'utf-8'],
    ['a UTF-16LE BOM', Buffer.from([0xff, 0xfe, 0x3c, 0x00]), undefined, 'utf-16le'],
    ['nothing at all', Buffer.from('<p>rien</p>'), undefined, 'utf-8'],
  ])('%s', (_name, body, contentType, expected) => {
    expect(detectCharset(body, contentType)).toBe(expected);
  });

  it('reads the header parameter', () => {
    expect(headerCharset('application/rss+xml; Charset=ISO-8859-1')).toBe('ISO-8859-1');
    expect(headerCharset('text/html')).toBeUndefined();
  });
});
