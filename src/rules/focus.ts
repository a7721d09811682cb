// Which of the regions an article names it is about: named in its title or lead, or a large share of its place mentions.

/** How the focus is chosen; `rules.yaml` may set each (see FOCUS_DEFAULTS for the measured defaults). */
export interface FocusSettings {
  /** A region is a focus when at least this share of the article's place mentions name it… */
  share: number;
  /** …or when the title or the first `leadChars` characters of the text name it… */
  leadChars: number;
  /** …and at least this share of the mentions do (a lead that lists neighbours names them once). */
  leadShare: number;
}

/**
 * Measured on the bundled samples, as .txt and as extracted pages (`npx tsx bench/focus.ts`):
 * every country the samples are about found, those named in passing (Israel and Tehran in the
 * Anbar raid) left out. See BENCHMARKS.md.
 */
export const FOCUS_DEFAULTS: FocusSettings = { share: 0.2, leadChars: 150, leadShare: 0.1 };

/** A region mention as the resolver found it: the region, its segment (0 title, 1 text) and offset. */
export interface PlacedMention {
  region: number;
  segment: number;
  start: number;
}

/**
 * The regions (by index) the article is about, each with what it rolls up to (`rollUp(region)`
 * lists the region itself and its ancestors): an article about Al-Anbar is about Iraq.
 */
export function findFocusRegions(
  mentions: readonly PlacedMention[],
  rollUp: (region: number) => Iterable<number>,
  settings: FocusSettings = FOCUS_DEFAULTS,
): Set<number> {
  const counts = new Map<number, number>();
  const inLead = new Set<number>();
  for (const mention of mentions) {
    const lead = mention.segment === 0 || mention.start < settings.leadChars;
    for (const region of rollUp(mention.region)) {
      counts.set(region, (counts.get(region) ?? 0) + 1);
      if (lead) inLead.add(region);
    }
  }
  const focus = new Set<number>();
  for (const [region, count] of counts) {
    const share = count / mentions.length;
    if (share >= settings.share || (inLead.has(region) && share >= settings.leadShare)) {
      focus.add(region);
    }
  }
  return focus;
}
