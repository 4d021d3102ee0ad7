// A controlled end of a CLI command with a given exit code and a message for stderr.

/** Thrown by a command to end with `exitCode`, printing `message` (if any) on stderr. */
export class CliExit extends Error {
  readonly exitCode: number;
  constructor(exitCode: number, message = '') {
    super(message);
    this.name = 'CliExit';
    this.exitCode = exitCode;
  }
}
