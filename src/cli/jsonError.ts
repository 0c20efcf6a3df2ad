// The one shape of an error under --json (stdout, exit 2): schema `errorOutput` in
// ./jsonSchemas.ts, documented in docs/json.md. Kept apart from the schemas so the CLI entry
// does not load zod to report an error.
import type { MigrateError } from '../errors.ts';

export interface ErrorJson {
  error: {
    code: string;
    message: string;
    location: { file: string; line?: number; column?: number } | null;
    hint: string | null;
  };
}

export function errorJson(e: MigrateError): ErrorJson {
  return { error: { code: e.code, message: e.message, location: e.location ?? null, hint: e.hint ?? null } };
}
