// Markup repairs before parsing: damage a crawler or a CMS leaves that would hide a whole page.

const TITLE_OPEN = /<title\b[^>]*>/gi;
const TITLE_CLOSE = /<\/title\s*>/gi;
const LINE_END = /[\r\n<]/g;

/**
 * Closes a `<title>` that is never closed. HTML reads everything after such a tag as the title's
 * text (RCDATA up to `</title>`), so the page has no body at all: pages saved with a cut in their
 * head (7 of L3S-GN1's 621 read empty so) lose their article. The title ends at its line's end.
 */
export function closeUnclosedTitle(source: string): string {
  TITLE_OPEN.lastIndex = 0;
  const open = TITLE_OPEN.exec(source);
  if (!open) return source;
  const start = open.index + open[0].length;
  TITLE_CLOSE.lastIndex = start;
  if (TITLE_CLOSE.test(source)) return source;
  LINE_END.lastIndex = start;
  const end = LINE_END.exec(source)?.index ?? source.length;
  return `${source.slice(0, end)}</title>${source.slice(end)}`;
}

/** A script tag's quoted value still open at its line's end, with a `</script>` before any quote. */
const CUT_SCRIPT_ATTRIBUTE =
  /(<script\b(?:[^<>"]|"[^"<>]*")*?=\s*"[^"\r\n<>]*)(?=[\r\n][^"]*?<\/script)/gi;

/**
 * Closes a script tag a cut left open. A cut splices the start of a `src` onto script text
 * further down (`src="/te.backgroundColor='yellow';` then a line break): HTML reads up to the
 * next quote as the value, so the tag ends far below and the page after it, article included,
 * becomes script text (L3S-GN1's 599fc2eb read its footer). No URL holds a line break and then a
 * `</script>`: the value and the tag are closed at the line's end.
 */
export function closeCutScriptAttribute(source: string): string {
  return source.replace(CUT_SCRIPT_ATTRIBUTE, '$1">');
}

/** A C1 control character: never in a page's text, but in every UTF-8 punctuation mark read as Latin-1. */
const C1_CONTROL = /[\u0080-\u009f]/;
/**
 * A UTF-8 sequence read as Latin-1, one character per byte: a lead byte (Â to ô) and its
 * continuation bytes (U+0080 to U+00BF), at least one of them a C1 control.
 */
const LATIN1_UTF8 = /[\u00c2-\u00f4][\u0080-\u00bf]{1,3}/g;

/**
 * Decodes UTF-8 that a CMS stored as Latin-1 and encoded again: `weâ\u0080\u0099ve` for
 * `we’ve`. The stray controls split words, so each apostrophe cost the article shingles (WCXB
 * 4859). Only sequences holding a C1 control are decoded: `Ã©` may be what the page says.
 */
export function repairDoubleUtf8(source: string): string {
  if (!C1_CONTROL.test(source)) return source;
  return source.replace(LATIN1_UTF8, (sequence) => {
    if (!C1_CONTROL.test(sequence)) return sequence;
    const decoded = Buffer.from(sequence, 'latin1').toString('utf8');
    return decoded.includes('\ufffd') ? sequence : decoded;
  });
}
