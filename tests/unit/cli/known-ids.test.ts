// --rule and --region ids checked against the config: the close one suggested, else the nearest three.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerCommands } from '../../../src/cli/commands.ts';
import { assertKnownIds } from '../../../src/cli/known-ids.ts';
import type { RegionSpec, RuleSpec } from '../../../src/config/schema.ts';
import { UserError } from '../../../src/lib/errors.ts';

const rule = (id: string) => ({ id, severity: 'medium', match: { any: ['x'] } }) as RuleSpec;
const config = {
  rules: ['ei-attentats', 'attaques-suicides', 'frappes-drones', 'otages-enlevements'].map(rule),
  regions: [
    { id: 'iraq', names: ['Irak'], children: [{ id: 'mosul', names: ['Mossoul'] }] },
    { id: 'syria', names: ['Syrie'] },
  ] as RegionSpec[],
};

describe('assertKnownIds', () => {
  it('accepts known rules and regions at any depth', () => {
    expect(() =>
      assertKnownIds('events', config, { rule: 'frappes-drones', region: 'mosul' }),
    ).not.toThrow();
  });

  it('suggests the id a typo meant', () => {
    expect(() => assertKnownIds('events', config, { rule: 'ei-atentats' })).toThrow(
      'events: --rule ei-atentats: no rule "ei-atentats" in rules.yaml (did you mean "ei-attentats"?)',
    );
    expect(() => assertKnownIds('backtest', config, { region: 'mossul' })).toThrow(
      'backtest: --region mossul: no region "mossul" in regions.yaml (did you mean "mosul"?)',
    );
  });

  it('lists the nearest ids when nothing is close', () => {
    expect(() => assertKnownIds('digest', config, { rule: 'nope' })).toThrow(
      'digest: --rule nope: no rule "nope" in rules.yaml (nearest: ei-attentats, frappes-drones, attaques-suicides)',
    );
  });
});

/** Runs a command in this process (no child: a spawn costs seconds) and returns what it threw. */
async function runCommand(argv: string[]): Promise<unknown> {
  const program = new Command('vigie').exitOverride();
  await registerCommands(program, argv);
  return program.parseAsync(argv, { from: 'user' }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

// The ids are checked before a database is opened: these need neither PostgreSQL nor PGlite.
describe('the commands that filter by id', () => {
  const config = 'tests/fixtures/config/valid';

  it.each([
    [
      ['events', '--config', config, '--rule', 'nope'],
      'events: --rule nope: no rule "nope" in rules.yaml (nearest: mossoul, ei-attentats)',
    ],
    [
      ['backtest', '--config', config, '--region', 'irak'],
      'backtest: --region irak: no region "irak" in regions.yaml (did you mean "iraq"?)',
    ],
    [
      ['digest', 'preview', 'daily-fr', '--config', config, '--rule', 'mossoul'],
      'digest: --rule mossoul: not a rule of this digest (its rules: ei-attentats)',
    ],
  ])('vigie %j is a user error naming the ids', async (argv, message) => {
    const error = await runCommand(argv);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(message);
  });
});
