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
  })
  .transform(normaliseRelPath);

/**
 * One spelling per path ('./runtime/' -> 'runtime', './' -> '.'), so every consumer can compare
 * and prefix-match config paths with the paths workspaces list (which never start with './').
 */
export function normaliseRelPath(p: string): string {
  const parts = p.replace(/\\/g, '/').split('/').filter((seg) => seg !== '' && seg !== '.');
  return parts.length ? parts.join('/') : '.';
}

export const processSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" or "-" only'),
  /** Entry file, relative to the project root. */
  entry: relPath,
  /** Optional trace files (JSONL), relative to the project root. */
  traces: z.array(relPath).default([]),
  /** Folder this process's require names resolve from (monorepos); default: the top-level sourceRoot. */
  sourceRoot: relPath.optional(),
  /** package.path-style patterns of this process; default: the top-level patterns. */
  patterns: z.array(z.string().includes('?')).min(1).optional(),
});

export const configSchema = z.object({
  $schema: z.string().optional(),
  /** Folder the dotted require names resolve from, relative to the project root. */
  sourceRoot: relPath,
  /** package.path-style patterns, `?` is the name with dots turned into `/`. */
  patterns: z.array(z.string().includes('?')).default(['?.lua', '?/init.lua']),
  processes: z.array(processSchema).min(1),
  /**
   * Module names aos provides beyond those the aos wasm itself answers (src/graph/aosBuiltins.ts,
   * always builtins); `*` is a wildcard. Never resolved, never rewritten.
   */
  builtins: z.array(z.string()).default([]),
  /** Modules the project gets from elsewhere (luarocks, a C module like lsqlite3); `*` is a wildcard. Never resolved, kept out of bundles, reported. */
  externals: z.array(z.string()).default([]),
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
