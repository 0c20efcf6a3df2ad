// The --json output of every command, as zod schemas: the contract scripts rely on, documented
// field by field in docs/json.md and checked against real output by test/cli/jsonOutput.test.ts.
// Vocabulary (see ./jsonOutput.ts): `process` names a process, `budgetBreaches` lists budgets
// exceeded, `...ReductionPct` is the percentage saved, byte counts end in `Bytes`.
// Objects the command owns are strict (an unknown key fails the test); reports documented
// elsewhere (audit.json: docs/audit.md, verify: docs/verify.md) are checked for the shared
// vocabulary and left open below that.
import { z } from 'zod';

const process_ = z.string().min(1);
const bytes = z.number().int().nonnegative();
const pct = z.number();

export const budgetBreach = z.strictObject({ kind: z.enum(['runtime', 'shell']), process: process_.nullable(), bytes, budgetBytes: bytes });
const sizeImpact = z.strictObject({ process: process_, beforeBytes: bytes, afterBytes: bytes });

export const errorOutput = z.strictObject({
  error: z.strictObject({
    code: z.string().regex(/^[A-Z]+-\d{3}$|^INTERNAL$/),
    message: z.string(),
    location: z.strictObject({ file: z.string(), line: z.number().int().optional(), column: z.number().int().optional() }).nullable(),
    hint: z.string().nullable(),
  }),
});

export const initOutput = z.strictObject({
  written: z.string().nullable(),
  config: z.record(z.string(), z.unknown()),
  detection: z.looseObject({ sourceRoot: z.string(), entries: z.array(z.looseObject({ name: z.string(), entry: z.string() })) }),
  /** The project's .gitignore: the toolkit's output folders added (created, or missing lines appended). */
  gitignore: z.strictObject({ file: z.string(), added: z.array(z.string()), created: z.boolean(), written: z.boolean() }),
});

export const auditOutput = z.looseObject({
  schema: z.literal('ao-migrate/audit@2'),
  project: z.string(),
  summary: z.looseObject({ files: z.number(), luaBytes: bytes, processes: z.number(), runtimeBytes: bytes, reductionPct: pct }),
  processes: z.array(
    z
      .looseObject({ process: process_, entry: z.string(), bundleBytes: bytes, shellBytes: bytes, shellReductionPct: pct })
      .refine((p) => !('name' in p), 'a process is `process`, not `name`'),
  ),
  modules: z.array(z.looseObject({ name: z.string(), path: z.string(), processes: z.array(process_) })),
  duplicates: z.array(z.unknown()),
  problems: z.array(z.unknown()),
});

export const planOutput = z.strictObject({
  file: z.string(),
  stepsPerStory: z.record(z.string(), z.number().int()),
  decisions: z.number().int(),
  sizes: z.array(z.strictObject({ process: process_, beforeBytes: bytes, afterBytes: bytes, reductionPct: pct })),
  budgetBreaches: z.array(budgetBreach),
  /** Why modules the audit projected as shared stay bundled (excluded, no require name under the root). */
  notes: z.array(z.string()),
});

export const statusOutput = z.strictObject({
  plan: z.string(),
  file: z.string(),
  steps: z.array(
    z.strictObject({
      id: z.string(),
      story: z.string(),
      title: z.string(),
      transform: z.string(),
      state: z.enum(['pending', 'applied', 'skipped', 'drifted', 'interrupted']),
      drifted: z.array(z.string()),
      undecided: z.boolean(),
      sizeImpact: z.array(sizeImpact),
    }),
  ),
  interrupted: z.string().optional(),
});

const change = z.strictObject({ kind: z.enum(['create', 'update', 'delete', 'move']), path: z.string(), from: z.string().optional() });

export const dryRunOutput = z.strictObject({
  steps: z.array(
    z.strictObject({
      id: z.string(),
      story: z.string(),
      title: z.string(),
      state: z.enum(['changes', 'unchanged', 'skipped', 'undecided', 'blocked']),
      blockedBy: z.string().optional(),
      skipped: z.string().optional(),
      notes: z.array(z.string()),
      changes: z.array(change),
    }),
  ),
  sizeImpact: z.array(sizeImpact),
  undecided: z.array(z.string()),
  changes: z.number().int(),
  patch: z.string(),
});

export const applyOutput = z.strictObject({
  applied: z.array(
    z.strictObject({
      stepId: z.string(),
      changes: z.number().int(),
      notes: z.array(z.string()),
      commit: z.string().optional(),
      baseline: z.string().optional(),
    }),
  ),
  skipped: z.array(z.string()),
});

export const decideOutput = z.strictObject({ decided: z.array(z.string()), choice: z.string() });
export const revertOutput = z.strictObject({ reverted: z.array(z.string()) });
export const rollbackOutput = z.strictObject({
  identical: z.boolean(),
  mismatches: z.array(z.string()),
  reverted: z.array(z.string()),
  hasBaseline: z.boolean(),
  verify: z.unknown().optional(),
});
export const recoverOutput = z.strictObject({ action: z.enum(['none', 'rolled-back', 'rolled-forward', 'revert-completed']), stepId: z.string().optional() });

export const bundleOutput = z.strictObject({
  mode: z.enum(['monolith', 'federated', 'hybrid']),
  out: z.string(),
  files: z.array(z.strictObject({ path: z.string(), kind: z.string(), process: process_.nullable(), bytes, modules: z.number().int() })),
});

const ratio = z.number().nonnegative();

export const sizeOutput = z.strictObject({
  minified: z.boolean(),
  /** Where the original monoliths come from: the baseline before step 1, or the current sources. */
  original: z.enum(['baseline', 'current sources']),
  /** What every budget is checked on (raw bytes, in audit, plan and size alike). */
  budgetMeasure: z.string(),
  runtimeBytes: bytes,
  runtimeGzip: bytes,
  runtimeModules: z.number().int(),
  processes: z.array(
    z.strictObject({
      process: process_,
      monolithBytes: bytes,
      monolithGzip: bytes,
      originalBytes: bytes,
      shellBytes: bytes,
      shellGzip: bytes,
      hybridBytes: bytes,
      hybridGzip: bytes,
      shellReductionPct: pct,
      hybridReductionPct: pct,
      shellToOriginal: ratio,
      floorBytes: bytes,
      shellToFloor: ratio,
      federated: z.boolean(),
      moduleBytes: bytes,
      modules: z.number().int(),
    }),
  ),
  totals: z.strictObject({ shellBytes: bytes, floorBytes: bytes, originalBytes: bytes, shellToFloor: ratio, shellToOriginal: ratio }),
  budgets: z.strictObject({ runtimeBytes: bytes, shellBytes: bytes }),
  targets: z.record(z.string(), z.number()),
  budgetBreaches: z.array(budgetBreach),
});

export const verifyOutput = z.strictObject({
  ok: z.boolean(),
  parity: z.looseObject({ ok: z.boolean(), runs: z.array(z.looseObject({ process: process_, mode: z.string(), ok: z.boolean() })) }).nullable(),
  world: z.looseObject({ ok: z.boolean(), runs: z.array(z.looseObject({ mode: z.string(), ok: z.boolean() })) }).nullable(),
  /** Every process's probes replayed in one world (null when not run: filtered, --no-probes, --skip-world, one process). */
  worldProbes: z
    .looseObject({
      ok: z.boolean(),
      runs: z.array(z.looseObject({ mode: z.string(), ok: z.boolean() })),
      skipped: z.array(z.looseObject({ process: z.string(), reason: z.string() })),
    })
    .nullable(),
  /** The project's own busted suites against their run before the first step (null with --skip-own-tests). */
  ownTests: z.looseObject({ ok: z.boolean().nullable(), status: z.enum(['same', 'changed', 'none', 'not-run', 'no-baseline']) }).nullable(),
});

/** Every command's --json schema by command name (decide's listing form is the decision object). */
export const JSON_SCHEMAS = {
  init: initOutput,
  audit: auditOutput,
  plan: planOutput,
  status: statusOutput,
  'dry-run': dryRunOutput,
  apply: applyOutput,
  decide: decideOutput,
  revert: revertOutput,
  rollback: rollbackOutput,
  recover: recoverOutput,
  bundle: bundleOutput,
  size: sizeOutput,
  verify: verifyOutput,
} as const;
