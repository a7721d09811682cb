// decodeBody: French in UTF-8, ISO-8859-1 and windows-1252 declared every way; Chinese, Japanese, Russian, Arabic pages as browsers read them.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/articles/extract.ts';
import { decodeBody, detectCharset, encodingOf, headerCharset } from '../../../src/lib/charset.ts';

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

/** Text written for these tests, each in a language its legacy encoding was made for. */
const LEGACY: Array<[label: string, iconvName: string, text: string]> = [
  [
    'gb2312',
    'gbk',
    '伊拉克军队周二在安巴尔省收复了鲁特巴地区，经过三天的战斗，十五名武装分子被打死。',
  ],
  ['GBK', 'gbk', '联军提供了空中支援，居民可能在未来几天内返回家园。'],
  [
    'shift_jis',
    'shift_jis',
    'イラク軍は火曜日、アンバール州ルトバ地区の支配を取り戻したと発表した。',
  ],
  ['x-sjis', 'shift_jis', '住民は数日以内に帰宅できる見込みだと知事は述べた。'],
  [
    'windows-1251',
    'windows-1251',
    'Иракские войска во вторник вернули контроль над районом Рутба в провинции Анбар.',
  ],
  [
    'windows-1256',
    'windows-1256',
    'استعادت القوات العراقية السيطرة على قضاء الرطبة في محافظة الأنبار يوم الثلاثاء.',
  ],
  [
    'iso-8859-15',
    'iso-8859-15',
    'Une œuvre à 15 € : le cœur de l’affaire, dit l’Œil de Rutba.'.replaceAll('’', "'"),
  ],
];

function legacyPage(text: string, iconvName: string, meta: string): Buffer {
  return iconv.encode(
    `<!DOCTYPE html><html><head>${meta}<title>Rutba</title></head><body><article><h1>Rutba</h1><p>${text}</p></article></body></html>`,
    iconvName,
  );
}

describe('legacy encodings as browsers decode them', () => {
  it.each(LEGACY)('%s declared in <meta charset>', (label, iconvName, text) => {
    const body = legacyPage(text, iconvName, `<meta charset="${label}">`);
    expect(paragraph(decodeBody(body))).toBe(text);
    expect(extractArticle(body)).toMatchObject({ text, method: 'content' });
  });

  it.each(LEGACY)('%s declared in http-equiv', (label, iconvName, text) => {
    const meta = `<meta http-equiv="Content-Type" content="text/html; charset=${label}" />`;
    expect(paragraph(decodeBody(legacyPage(text, iconvName, meta)))).toBe(text);
  });

  it.each(LEGACY)(
    '%s declared in the Content-Type header, over a contradicting meta',
    (label, iconvName, text) => {
      const body = legacyPage(text, iconvName, '<meta charset="utf-8">');
      const contentType = `text/html; charset=${label}`;
      expect(paragraph(decodeBody(body, contentType))).toBe(text);
      expect(extractArticle(body, { contentType }).text).toBe(text);
    },
  );

  it('a BOM over the header', () => {
    const [, , text] = LEGACY[4] as [string, string, string];
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<p>${text}</p>`)]);
    expect(paragraph(decodeBody(body, 'text/html; charset=windows-1251'))).toBe(text);
  });
});

describe('the <meta> prescan', () => {
  const RUSSIAN = 'Войска вернули контроль над районом.';
  const cp1251 = (markup: string) => iconv.encode(markup, 'windows-1251');
  it.each([
    [
      'a meta inside a comment is not read',
      '<!-- <meta charset="koi8-r"> --><meta charset="windows-1251">',
      'windows-1251',
    ],
    [
      'http-equiv needs Content-Type',
      '<meta content="text/html; charset=koi8-r"><meta charset="windows-1251">',
      'windows-1251',
    ],
    [
      'attributes in any order',
      '<meta content="text/html; charset=windows-1251" http-equiv="content-type">',
      'windows-1251',
    ],
    [
      'a meta beyond the first 1,024 bytes is not read',
      `<!--${' '.repeat(1100)}--><meta charset="windows-1251">`,
      'utf-8',
    ],
    [
      'x-user-defined in a meta means windows-1252',
      '<meta charset="x-user-defined">',
      'windows-1252',
    ],
  ])('%s', (_name, head, expected) => {
    expect(detectCharset(cp1251(`<html><head>${head}</head><body><p>${RUSSIAN}</p>`))).toBe(
      expected,
    );
  });

  it('a declaration contradicted by valid UTF-8 is stale: a page re-encoded keeps its old meta', () => {
    const text = '伊拉克军队周二收复了鲁特巴地区。';
    const body = Buffer.from(`<meta charset="gb2312"><p>${text}</p>`);
    expect(detectCharset(body)).toBe('utf-8');
    expect(paragraph(decodeBody(body))).toBe(text);
    // The header is the server's word, as browsers take it, even then.
    expect(detectCharset(body, 'text/html; charset=gbk')).toBe('gbk');
  });

  it('an ASCII page keeps its declaration', () => {
    expect(detectCharset(Buffer.from('<meta charset="shift_jis"><p>ok</p>'))).toBe('shift_jis');
  });
});

describe('labels mapped as the WHATWG Encoding standard does', () => {
  it.each([
    ['gb2312', 'gbk'],
    ['x-gbk', 'gbk'],
    ['GB18030', 'gb18030'],
    ['sjis', 'shift_jis'],
    ['ms_kanji', 'shift_jis'],
    ['iso-8859-1', 'windows-1252'],
    ['latin1', 'windows-1252'],
    ['us-ascii', 'windows-1252'],
    ['ISO-8859-15', 'iso-8859-15'],
    ['cp1251', 'windows-1251'],
    ['cp1256', 'windows-1256'],
    ['utf8', 'utf-8'],
    ['x-user-defined', 'x-user-defined'],
    ['x-klingon', undefined],
  ])('%s → %s', (label, name) => {
    expect(encodingOf(label)).toBe(name);
  });

  it('decodes x-user-defined from a header as the standard says', () => {
    expect(decodeBody(Buffer.from([0x41, 0x80, 0xff]), 'text/html; charset=x-user-defined')).toBe(
      'A\uf780\uf7ff',
    );
  });
});
