// migrate.config.json: the one boundary every command reads. Validated with zod; each wrong
// field gets its own message (path, what was expected, what was found).
import { z } from 'zod';
import { isInsideProject } from '../stage/projectPath.ts';

export const CONFIG_FILE = 'migrate.config.json';

const relPath = z
  .string()
  .min(1)
  .superRefine((p, ctx) => {
    if (isInsideProject(p)) return;
    const absolute = p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);
    ctx.addIssue({ code: 'custom', message: absolute ? 'must be a path relative to the project' : 'must stay inside the project (no "..")' });
  });

export const processSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" or "-" only'),
  /** Entry file, relative to the project root. */
  entry: relPath,
  /** Optional trace files (JSONL), relative to the project root. */
  traces: z.array(relPath).default([]),
});

export const configSchema = z.object({
  $schema: z.string().optional(),
  /** Folder the dotted require names resolve from, relative to the project root. */
  sourceRoot: relPath,
  /** package.path-style patterns, `?` is the name with dots turned into `/`. */
  patterns: z.array(z.string().includes('?')).default(['?.lua', '?/init.lua']),
  processes: z.array(processSchema).min(1),
  /** Module names provided by aos itself; `*` is a wildcard. */
  builtins: z
    .array(z.string())
    .default(['json', 'ao', '.bint', '.crypto', '.crypto.*', '.handlers', '.utils', '.dump', '.pretty', '.base64', '.chance', '.default', '.eval', '.handlers-utils', '.process', '.stringify', '.assignment', 'bint', 'utils', 'handlers', 'crypto', 'crypto.*', 'base64']),
  /** Globs (relative to the project root) left out of the graph, e.g. tests. */
  exclude: z.array(z.string()).default(['**/tests/**', '**/node_modules/**', '**/build/**']),
  runtime: z
    .object({
      /** Where runtime modules live, relative to the project root (inside sourceRoot). */
      dir: relPath,
      /** Require-name prefix of runtime modules. */
      namespace: z.string().regex(/^[A-Za-z0-9_-]+$/),
      /** A module used by at least this many processes is shared. */
      shareThreshold: z.number().int().min(2),
      version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a semver version like 1.0.0'),
    })
    .default({ dir: 'ao-processes/runtime', namespace: 'runtime', shareThreshold: 2, version: '1.0.0' }),
  budgets: z
    .object({
      runtimeBytes: z.number().int().positive(),
      shellBytes: z.number().int().positive(),
    })
    .default({ runtimeBytes: 500_000, shellBytes: 150_000 }),
  /**
   * Which processes story 36.2 federates: `auto` (default) only those whose federated shell would
   * be smaller than their original monolith (the others stay monoliths, their plan steps marked
   * skip with the sizes that decided it); `always` every process.
   */
  federate: z.enum(['auto', 'always']).default('auto'),
  /** TypeScript sources (clients, tools) migrated in the same plan. */
  client: z
    .object({
      root: relPath,
      tsconfig: relPath,
      entries: z.array(relPath).min(1),
      runtimeDir: relPath,
      test: z.string().optional(),
    })
    .optional(),
  /** Output folder for builds, relative to the project root. */
  buildDir: relPath.default('build'),
});

export type ProjectConfig = z.infer<typeof configSchema>;
export type ProcessConfig = z.infer<typeof processSchema>;

export interface ConfigIssue {
  path: string;
  message: string;
}

/** Validates raw JSON; returns every problem, one per wrong field. */
export function validateConfig(raw: unknown): { config?: ProjectConfig; issues: ConfigIssue[] } {
  const result = configSchema.safeParse(raw);
  if (result.success) return { config: result.data, issues: [] };
  return {
    issues: result.error.issues.map((i) => ({
      path: i.path.length ? i.path.join('.') : '(root)',
      message: i.message,
    })),
  };
}
