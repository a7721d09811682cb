// The list of commands: one module per command under src/cli, each exporting `register<Name>Command`.
import type { Command } from 'commander';
import { registerExtractCommand } from './extract.ts';
import { registerRulesCheckCommand } from './rules-check.ts';

export function registerCommands(program: Command): void {
  void program;
  registerExtractCommand(program);
  registerRulesCheckCommand(program);
}
