// The command registry: `vigie --help` lists every command without loading one; a named command is loaded in full.
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS, registerCommands } from '../../../src/cli/commands.ts';

afterEach(() => vi.restoreAllMocks());

function spyOnLoads() {
  return Object.values(COMMANDS).map((entry) => vi.spyOn(entry, 'load'));
}

describe('registerCommands', () => {
  it('lists every command for --help without loading any', async () => {
    const loads = spyOnLoads();
    const program = new Command('vigie');
    await registerCommands(program, ['--help']);
    expect(program.commands.map((command) => command.name())).toEqual(Object.keys(COMMANDS));
    for (const load of loads) expect(load).not.toHaveBeenCalled();
  });

  it.each([
    [['classify', 'a.txt'], 'classify'],
    [['help', 'events'], 'events'],
    [['--json', 'ingest', 'feed.xml'], 'ingest'],
  ])('%j loads only %s', async (argv, name) => {
    const loads = spyOnLoads();
    await registerCommands(new Command('vigie'), argv);
    const called = Object.keys(COMMANDS).filter((_, index) => loads[index]?.mock.calls.length);
    expect(called).toEqual([name]);
  });

  it.each(Object.entries(COMMANDS))(
    '%s: its summary is the description it registers',
    async (name, entry) => {
      const program = new Command('vigie');
      (await entry.load())(program);
      expect(program.commands.find((command) => command.name() === name)?.description()).toBe(
        entry.summary,
      );
    },
  );
});
