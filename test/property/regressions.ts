// Shrunk counterexamples become regression fixtures: fc.check runs the property; on failure the
// shrunk case is written to test/property/regressions/<property>-<hash>.json (with the seed and
// path that reproduce it) and the test fails with its message. Every saved fixture is replayed
// on every run, so a fixed bug stays fixed.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

export const REGRESSION_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'regressions');

/** FUZZ_RUNS overrides the default number of cases. */
export const runs = (defaultRuns: number): number => Number(process.env.FUZZ_RUNS ?? defaultRuns);

export interface RegressionFixture<T> {
  property: string;
  seed: number;
  path?: string;
  error: string;
  counterexample: T;
}

export function saveRegression<T>(property: string, details: { seed: number; path?: string; error: string; counterexample: T }): string {
  mkdirSync(REGRESSION_DIR, { recursive: true });
  const body = JSON.stringify({ property, ...details }, null, 2);
  const file = path.join(REGRESSION_DIR, `${property}-${createHash('sha256').update(JSON.stringify(details.counterexample)).digest('hex').slice(0, 12)}.json`);
  writeFileSync(file, `${body}\n`);
  return file;
}

export function loadRegressions<T>(property: string): { file: string; fixture: RegressionFixture<T> }[] {
  let names: string[] = [];
  try {
    names = readdirSync(REGRESSION_DIR);
  } catch {
    return [];
  }
  return names
    .filter((f) => f.startsWith(`${property}-`) && f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: f, fixture: JSON.parse(readFileSync(path.join(REGRESSION_DIR, f), 'utf8')) as RegressionFixture<T> }));
}

/** Runs `predicate` (throws on failure) over `arb`; saves and reports the shrunk failure. */
export async function checkAndRecord<T>(property: string, arb: fc.Arbitrary<T>, predicate: (v: T) => void | Promise<void>, numRuns: number): Promise<void> {
  const result = await fc.check(
    fc.asyncProperty(arb, async (v) => {
      await predicate(v);
    }),
    { numRuns, endOnFailure: false },
  );
  if (!result.failed) return;
  const counterexample = result.counterexample![0] as T;
  const error = String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance);
  const known = loadRegressions<T>(property).find((r) => r.fixture.error === error);
  const file = known
    ? `${REGRESSION_DIR}/${known.file} (same failure already saved)`
    : saveRegression(property, {
        seed: result.seed,
        path: result.counterexample ? (result.counterexamplePath ?? undefined) : undefined,
        error,
        counterexample,
      });
  throw new Error(`property '${property}' failed after ${result.numRuns} run(s) (seed ${result.seed}); shrunk case saved to ${file}:\n${error}`);
}
