// franc's language detection over franc's own data, with the trigram models built only for the
// languages asked for, when first needed: franc builds all 163 of them (48,900 entries) when it is
// imported, which took 30–60 ms of every vigie process's start (BENCHMARKS.md). The answer is
// franc's: same script test, same distance, same order of languages on a tie (tests/unit/articles).
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';
import { asTuples } from 'trigram-utils';

const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

type Model = Map<string, number>;

/** franc(value, { only, minLength }) for a fixed `only`: an ISO 639-3 code, or `und`. */
export class TrigramDetector {
  private readonly only: ReadonlySet<string>;
  /** Per script, the models of the languages allowed, in franc's order. */
  private readonly models = new Map<string, [string, Model][]>();

  constructor(
    only: readonly string[],
    private readonly minLength: number,
  ) {
    this.only = new Set(only);
  }

  detect(text: string): string {
    if (text.length < this.minLength) return 'und';
    const value = text.slice(0, MAX_LENGTH);
    const [script, share] = topScript(value);
    if (!script) return 'und';
    if (!(script in data)) return share > 0 && this.only.has(script) ? script : 'und';
    const trigrams = asTuples(value);
    let best = 'und';
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const [language, model] of this.modelsOf(script)) {
      const distance = distanceTo(trigrams, model);
      // Strictly less: on a tie the first in franc's order wins, as its stable sort has it.
      if (distance < bestDistance) {
        best = language;
        bestDistance = distance;
      }
    }
    return best;
  }

  private modelsOf(script: string): [string, Model][] {
    let models = this.models.get(script);
    if (!models) {
      const languages = data[script] ?? {};
      models = Object.keys(languages)
        .filter((language) => this.only.has(language))
        .map((language) => [language, modelOf(languages[language] as string)]);
      this.models.set(script, models);
    }
    return models;
  }
}

/** A language's trigrams, most frequent last, each with its rank as franc numbers them. */
function modelOf(trigrams: string): Model {
  const list = trigrams.split('|');
  const model: Model = new Map();
  for (let weight = list.length - 1; weight >= 0; weight--) {
    model.set(list[weight] as string, weight);
  }
  return model;
}

/** The script most of `value`'s characters are written in, and its share (franc's getTopScript). */
function topScript(value: string): [string | undefined, number] {
  let top: string | undefined;
  let topShare = -1;
  for (const [script, expression] of Object.entries(expressions)) {
    const share = (value.match(expression)?.length ?? 0) / value.length || 0;
    if (share > topShare) {
      top = script;
      topShare = share;
    }
  }
  return [top, topShare];
}

function distanceTo(trigrams: [string, number][], model: Model): number {
  let distance = 0;
  for (const [trigram, count] of trigrams) {
    const rank = model.get(trigram);
    distance += rank === undefined ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
  }
  return distance;
}
