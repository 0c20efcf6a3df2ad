// `migrate dry-run --save`: remembers, per step, the fingerprint of the changeset that was shown
// and the hashes of the files it read, so `apply` applies exactly that or refuses.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MIGRATE_DIR } from './journalRecords.ts';
import { removeFile } from './durableFiles.ts';
import { writeDurably } from './durableFiles.ts';

const recordSchema = z.object({
  steps: z.record(
    z.string(),
    z.object({ changesetHash: z.string(), reads: z.array(z.object({ path: z.string(), sha256: z.string() })), savedAt: z.string(), chained: z.boolean() }),
  ),
});
export type DryRunRecord = z.infer<typeof recordSchema>;
export type SavedStep = DryRunRecord['steps'][string];

const file = (root: string): string => path.join(root, MIGRATE_DIR, 'dry-run.json');

export function readDryRunRecord(root: string): DryRunRecord {
  if (!existsSync(file(root))) return { steps: {} };
  const parsed = recordSchema.safeParse(
    (() => {
      try {
        return JSON.parse(readFileSync(file(root), 'utf8'));
      } catch {
        return undefined;
      }
    })(),
  );
  // A damaged record only loses the "apply what was shown" guarantee; it is not kept.
  return parsed.success ? parsed.data : { steps: {} };
}

export function saveDryRunSteps(root: string, steps: DryRunRecord['steps']): void {
  const rec = readDryRunRecord(root);
  Object.assign(rec.steps, steps);
  writeDurably(file(root), `${JSON.stringify(rec, null, 2)}\n`);
}

export function forgetDryRunStep(root: string, stepId: string): void {
  const rec = readDryRunRecord(root);
  if (!(stepId in rec.steps)) return;
  delete rec.steps[stepId];
  if (Object.keys(rec.steps).length) writeDurably(file(root), `${JSON.stringify(rec, null, 2)}\n`);
  else removeFile(file(root));
}
