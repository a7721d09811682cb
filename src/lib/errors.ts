// Error classes shared by every module: what a user did wrong vs what broke inside.

/** A mistake in the user's input or config: printed as one line, exit code 1. */
export class UserError extends Error {
  override name = 'UserError';
}

/** A config file with one or more problems, each already formatted `file:line:col: path: message`. */
export class ConfigError extends UserError {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** A network or server failure worth retrying later (timeout, 5xx, 429, connection reset). */
export class TransientError extends Error {
  override name = 'TransientError';
}

/** A failure that will not go away by retrying (404, 410, not a feed, too large, forbidden host). */
export class PermanentError extends Error {
  override name = 'PermanentError';
}
