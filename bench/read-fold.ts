// The floor of `vigie classify` through the command: a fresh process that reads each file given and
// finds and folds every word as the matcher's normaliser does, printing one short line per file.
// Bundled by bench/classify-command.ts as dist/ is, and run by node.
import { readFileSync } from 'node:fs';
import { formsOf, nextWord } from '../src/rules/normalise.ts';

const bounds = new Int32Array(3);
const out: string[] = [];
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  let words = 0;
  for (let i = nextWord(text, 0, bounds); i !== -1; i = nextWord(text, i, bounds)) {
    formsOf(text.slice(bounds[0] as number, bounds[1] as number));
    words++;
  }
  out.push(`{"file":${JSON.stringify(file)},"words":${words}}\n`);
}
process.stdout.write(out.join(''));
