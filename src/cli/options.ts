// Defaults shared by commands: where the config lives, read from the environment once here.

/** `--config` default: `VIGIE_CONFIG`, else `config` (SPEC §4). */
export function configDirOption(): string {
  return process.env.VIGIE_CONFIG || 'config';
}
