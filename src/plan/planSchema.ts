// The plan file schema (migration-plans/<name>.plan.json or .plan.yaml in the project): ordered
// steps grouped by story, each naming a registered transform (or 'decision') and its params,
// the files it reads with their hashes when planned, and its size impact per process.
// Unknown extra fields (the planner's notes, baseline sizes, budgets) are kept as they are.
import { z } from 'zod';
import { isInsideProject } from '../files/projectPath.ts';
import { stepIdSchema } from '../config/names.ts';

export const STORIES = ['36.1', '36.2', '36.3', '36.4', '36.5', '36.6'] as const;
export const DECISION = 'decision';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hex digest (64 lowercase hex digits)');

export const decisionOptionSchema = z.looseObject({
  id: z.string().min(1),
  label: z.string().min(1),
  params: z.record(z.string(), z.unknown()).optional(),
});

export const planStepSchema = z.looseObject({
  /** One rule with process names (src/config/names.ts): ids embed them. */
  id: stepIdSchema,
  story: z.enum(STORIES),
  title: z.string().min(1),
  description: z.string().optional(),
  /** A registry id (`lua/<name>`, `ts/<name>`) or 'decision'. */
  transform: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
  dependsOn: z.array(z.string()).default([]),
  reads: z
    .array(z.object({ path: z.string().min(1).refine(isInsideProject, 'is outside the project (must be project-relative, without "..")'), sha256: sha256Hex }))
    .default([]),
  sizeImpact: z
    .array(z.object({ process: z.string().min(1), beforeBytes: z.number().int().nonnegative(), afterBytes: z.number().int().nonnegative() }))
    .default([]),
  skip: z.boolean().optional(),
  behaviourChange: z.string().optional(),
  decision: z
    .looseObject({
      question: z.string().min(1),
      options: z.array(decisionOptionSchema).min(1),
      diff: z.string().optional(),
      choice: z.string().optional(),
      /** The transform a chosen option's params run with. */
      transform: z.string().optional(),
    })
    .optional(),
  verify: z.object({ processes: z.array(z.string()) }).optional(),
});

export const planSchema = z.looseObject({
  version: z.literal(1),
  name: z.string().regex(/^[A-Za-z0-9._-]+$/, 'a file name: letters, digits, ".", "_" or "-"'),
  createdAt: z.string().min(1),
  project: z.object({ sourceRoot: z.string() }).optional(),
  /** `epic`: made by `migrate plan`, which `decide` runs again after a variant is chosen. */
  planner: z.literal('epic').optional(),
  steps: z.array(planStepSchema),
  /** What the planner left out and why (e.g. a shared module it cannot move), one sentence each. */
  notes: z.array(z.string()).optional(),
});

export type Plan = z.output<typeof planSchema>;
export type PlanStep = z.output<typeof planStepSchema>;
export type PlanInput = z.input<typeof planSchema>;

/** The JSON Schema written to migration-plans/schema.json (editors validate plan files with it). */
export function planJsonSchema(): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(planSchema, { io: 'input' }) as Record<string, unknown>),
    title: 'ao-federate migration plan',
  };
}
