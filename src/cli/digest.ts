// `vigie digest preview DIGEST_ID`: renders a digest from stored events without sending it or moving its watermark.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { VigieConfig } from '../config/load.ts';
import type { RuleSpec } from '../config/schema.ts';
import { systemClock } from '../lib/clock.ts';
import { parseDuration } from '../lib/duration.ts';
import { UserError } from '../lib/errors.ts';
import type { DigestInput } from '../notify/render-digest.ts';
import { assertKnownIds } from './known-ids.ts';

interface PreviewOptions {
  since: string;
  rule?: string;
  html?: string;
  config?: string;
}

export function registerDigestCommand(program: Command): void {
  const digest = program.command('digest').description('digests: preview what one would contain');
  digest
    .command('preview')
    .description('render a digest (text on stdout, HTML to a file) without sending it')
    .argument('<digestId>', 'a digest id from notify.yaml')
    .option('--since <duration>', 'the period to cover, up to now, e.g. 24h or 7d', '24h')
    .option('--html <file>', 'also write the HTML part to this file')
    .option('--rule <id>', "only this rule (one of the digest's)")
    .option('--config <dir>', 'config directory (default: VIGIE_CONFIG or config)')
    .action(previewDigest);
}

async function previewDigest(digestId: string, options: PreviewOptions): Promise<void> {
  const sinceMs = parseDuration(options.since);
  if (sinceMs === undefined) {
    throw new UserError(`digest: --since ${options.since}: expected e.g. 24h or 7d`);
  }
  // Loaded on use, the store (and PGlite) only once the digest id is known to be good.
  const [{ loadEnv }, { loadConfig }, { digestRules }] = await Promise.all([
    import('../config/env.ts'),
    import('../config/load.ts'),
    import('../notify/digest-rules.ts'),
  ]);
  const env = loadEnv();
  const config = await loadConfig(options.config ?? env.configDir);
  const spec = config.notify.digests[digestId];
  if (!spec) {
    const known = Object.keys(config.notify.digests).join(', ') || 'none';
    throw new UserError(`digest: unknown digest "${digestId}" (notify.yaml has: ${known})`);
  }
  const rules = narrowRules(digestRules(config.rules, digestId, spec.rules), config, options.rule);
  const [{ openStore }, { digestNames, loadDigestContent }] = await Promise.all([
    import('../open-store.ts'),
    import('../notify/digest-content.ts'),
  ]);
  const end = systemClock.now();
  const store = await openStore(env);
  try {
    const content = await loadDigestContent(store.db, {
      digestId,
      rules,
      start: new Date(end.getTime() - sinceMs),
      end,
      timeZone: spec.timezone,
      names: digestNames(config.regions, config.feeds),
    });
    await printDigest(content, options.html);
  } finally {
    await store.close();
  }
}

/** The digest's rules, or `--rule` alone: an id that is no rule, or not one of the digest's, is an error. */
function narrowRules(rules: RuleSpec[], config: VigieConfig, rule: string | undefined): RuleSpec[] {
  if (rule === undefined) return rules;
  assertKnownIds('digest', config, { rule });
  const kept = rules.filter((candidate) => candidate.id === rule);
  if (kept.length === 0) {
    const listed = rules.map((candidate) => candidate.id).join(', ') || 'none';
    throw new UserError(`digest: --rule ${rule}: not a rule of this digest (its rules: ${listed})`);
  }
  return kept;
}

async function printDigest(content: DigestInput, htmlFile: string | undefined): Promise<void> {
  const { renderDigest } = await import('../notify/render-digest.ts');
  const digest = renderDigest(content);
  if (htmlFile !== undefined) {
    await writeFile(htmlFile, digest.html).catch((error: NodeJS.ErrnoException) => {
      throw new UserError(`digest: cannot write ${htmlFile} (${error.code ?? error.message})`);
    });
  }
  process.stdout.write(`${digest.subject}\n\n${digest.text.replace(/\n*$/, '\n')}`);
}
