// Errors of the dev PKI generator and loader, each with a stable code.

/** Every dev PKI error code with what it means. */
export const devPkiErrorCatalogue = {
  'PKI-UNKNOWN-MEMBER': 'a requested member is not in the federation description',
  'PKI-OUT-EXISTS': 'the output folder already holds a dev PKI (use force to overwrite)',
  'PKI-OPTION': 'an option is out of range',
  'PKI-LAYOUT': 'a dev PKI folder is missing a file or holds something unexpected',
} as const;

/** The union of dev PKI error codes. */
export type DevPkiErrorCode = keyof typeof devPkiErrorCatalogue;

/** Raised by `generateDevPki` and `loadDevPki`; `code` is stable, `message` names the culprit. */
export class DevPkiError extends Error {
  readonly code: DevPkiErrorCode;

  constructor(code: DevPkiErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DevPkiError';
    this.code = code;
  }
}
