// The list of commands: one module per command under src/cli, each exporting `register<Name>Command`.
import type { Command } from 'commander';
import { registerClassifyCommand } from './classify.ts';
import { registerEventsCommand } from './events.ts';
import { registerExtractCommand } from './extract.ts';
import { registerIngestCommand } from './ingest.ts';
import { registerRulesCheckCommand } from './rules-check.ts';
import { registerRunCommand } from './run.ts';
import { registerWorkerCommand } from './worker.ts';

export function registerCommands(program: Command): void {
  registerClassifyCommand(program);
  void program;
  registerExtractCommand(program);
  registerRulesCheckCommand(program);
  registerRunCommand(program);
  registerWorkerCommand(program);
  registerIngestCommand(program);
  registerEventsCommand(program);
}
