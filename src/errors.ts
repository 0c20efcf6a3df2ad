// The error model: every user-facing failure has a stable code from the catalogue
// (src/errorCatalogue.ts, documented in docs/errors.md), a message that names file:line:col
// where there is one, a hint saying what to do, and an exit code.
// Exit codes: 0 ok, 1 differences/findings/budget exceeded, 2 error.
import { ERROR_CATALOGUE, type ErrorCode } from './errorCatalogue.ts';

export type { ErrorCode } from './errorCatalogue.ts';

export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export interface MigrateErrorOptions {
  location?: SourceLocation;
  hint?: string;
  exitCode?: number;
  cause?: unknown;
}

export class MigrateError extends Error {
  readonly code: ErrorCode;
  readonly location?: SourceLocation;
  readonly hint?: string;
  readonly exitCode: number;

  /** The hint is the throw site's, else the catalogue's for the code. */
  constructor(code: ErrorCode, message: string, options: MigrateErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MigrateError';
    this.code = code;
    this.location = options.location;
    this.hint = options.hint ?? ERROR_CATALOGUE[code].hint;
    this.exitCode = options.exitCode ?? 2;
  }

  /** `CODE file:line:col: message` followed by the hint on its own line. */
  format(): string {
    const where = this.location ? `${formatLocation(this.location)}: ` : '';
    const hint = this.hint ? `\n  hint: ${this.hint}` : '';
    return `${this.code} ${where}${this.message}${hint}`;
  }
}

export function formatLocation(loc: SourceLocation): string {
  if (loc.line === undefined) return loc.file;
  return loc.column === undefined ? `${loc.file}:${loc.line}` : `${loc.file}:${loc.line}:${loc.column}`;
}

export function isMigrateError(e: unknown): e is MigrateError {
  return e instanceof MigrateError;
}
