// Why a process cannot be verified when its baseline monolith does not boot: a missing
// external module (lsqlite3 on the wasm32 aos verify boots, a require aos does not provide) is
// named, so the report says "not verified: needs X" rather than a bare boot error.
import type { MigrateError } from '../../errors.ts';

export function skipReason(e: MigrateError): string {
  const missing = /module '([^']+)' not found/.exec(e.message);
  return missing
    ? `not verified: needs ${missing[1]} (the aos module verify boots does not provide it)`
    : `not verified: the baseline monolith does not boot: ${e.message}`;
}
