/** A mistake in how a command was called (unknown flag, bad value): exit code 2, message to stderr. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A command that cannot do what was asked (unknown worker, no free id): exit code 1. */
export class CommandError extends Error {
  override name = 'CommandError';
}
