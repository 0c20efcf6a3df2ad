// migrate.config.json: the one boundary every command reads. Validated with zod; each wrong
// field gets its own message (path, what was expected, what was found).
import { z } from 'zod';
import { isInsideProject } from '../files/projectPath.ts';
import { processNameSchema } from './names.ts';

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
  const parts = p
    .replace(/\\/g, '/')
    .split('/')
    .filter((seg) => seg !== '' && seg !== '.');
  return parts.length ? parts.join('/') : '.';
}

// Every object is strict: an unknown key (a typo such as "shareTreshold", a field that does not
// exist such as "budget") is refused with a "did you mean" hint instead of being ignored.
/**
 * Two processes may not share a name, not even by case alone (step ids, build files and report
 * keys are named after processes, and a case-insensitive file system would merge them).
 */
function refuseDuplicateNames(processes: { name: string }[], ctx: z.RefinementCtx): void {
  const first = new Map<string, number>();
  processes.forEach((p, i) => {
    if (!p.name) return; // a missing name is its own problem
    const key = p.name.toLowerCase();
    const j = first.get(key);
    if (j === undefined) first.set(key, i);
    else
      ctx.addIssue({
        code: 'custom',
        path: [i, 'name'],
        message: `duplicate process name '${p.name}' (processes.${j}.name is '${processes[j]!.name}'); each process needs its own name`,
      });
  });
}

export const processSchema = z.strictObject({
  name: processNameSchema,
  /** Entry file, relative to the project root. */
  entry: relPath,
  /** Optional trace files (JSONL), relative to the project root. */
  traces: z.array(relPath).default([]),
  /** Folder this process's require names resolve from (monorepos); default: the top-level sourceRoot. */
  sourceRoot: relPath.optional(),
  /** package.path-style patterns of this process; default: the top-level patterns. */
  patterns: z.array(z.string().includes('?')).min(1).optional(),
});

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Folder the dotted require names resolve from, relative to the project root. */
  sourceRoot: relPath,
  /** package.path-style patterns, `?` is the name with dots turned into `/`. */
  patterns: z.array(z.string().includes('?')).default(['?.lua', '?/init.lua']),
  processes: z.array(processSchema).min(1).superRefine(refuseDuplicateNames),
  /**
   * Module names aos provides beyond those the aos wasm itself answers (src/graph/aosBuiltins.ts,
   * always builtins); `*` is a wildcard. Never resolved, never rewritten.
   */
  builtins: z.array(z.string()).default([]),
  /**
   * Require names that no package.path pattern can spell, mapped to the project file that provides
   * them: APM packages the repository itself holds (`"@vendor/name": "pkg/src/main.lua"`). `init`
   * writes it for every `@vendor/name` a process requires that a project file declares
   * (src/graph/detect/apmPackages.ts). A mapped name resolves as a project module everywhere.
   */
  packages: z.record(z.string().min(1), relPath).default({}),
  /** Modules the project gets from elsewhere (luarocks, a C module like lsqlite3); `*` is a wildcard. Never resolved, kept out of bundles, reported. */
  externals: z.array(z.string()).default([]),
  /** Globs (relative to the project root) left out of the graph, e.g. tests. */
  exclude: z.array(z.string()).default(['**/tests/**', '**/node_modules/**', '**/build/**']),
  runtime: z
    .strictObject({
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
    .strictObject({
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
    .strictObject({
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

/** Validates raw JSON; returns every problem, one per wrong field (one per unknown key). */
export function validateConfig(raw: unknown): { config?: ProjectConfig; issues: ConfigIssue[] } {
  const result = configSchema.safeParse(raw);
  if (result.success) return { config: result.data, issues: [] };
  const issues: ConfigIssue[] = [];
  // zod runs the duplicate-name refinement only when every process is otherwise valid: check the
  // raw names too, so a duplicate is reported in the same run as the other problems.
  const procs = (raw as { processes?: unknown })?.processes;
  if (Array.isArray(procs) && !result.error.issues.some((i) => i.code === 'custom' && i.message.startsWith('duplicate process name'))) {
    const named = procs.map((p) => ({ name: typeof (p as { name?: unknown })?.name === 'string' ? (p as { name: string }).name : '' }));
    const dup = z
      .array(z.object({ name: z.string() }))
      .superRefine(refuseDuplicateNames)
      .safeParse(named);
    if (!dup.success) for (const i of dup.error.issues) issues.push({ path: ['processes', ...i.path].join('.'), message: i.message });
  }
  for (const i of result.error.issues) {
    if (i.code === 'unrecognized_keys') {
      const known = knownKeysAt(configSchema, i.path);
      for (const key of i.keys) {
        const near = nearest(key, known);
        issues.push({ path: [...i.path, key].join('.'), message: `unknown key${near ? `; did you mean "${near}"?` : ` (known here: ${known.join(', ')})`}` });
      }
    } else {
      issues.push({ path: i.path.length ? i.path.join('.') : '(root)', message: i.message });
    }
  }
  return { issues };
}

/** The keys the schema allows at a path of the raw JSON (through defaults, optionals and arrays). */
function knownKeysAt(schema: z.ZodType, at: PropertyKey[]): string[] {
  let s: z.ZodType = schema;
  const steps = [...at];
  for (;;) {
    const def = (s as unknown as { def: { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> } }).def;
    if (def.innerType) s = def.innerType;
    else if (def.type === 'array' && def.element && steps.length) {
      steps.shift();
      s = def.element;
    } else if (def.type === 'object' && def.shape && steps.length) s = def.shape[String(steps.shift())] ?? s;
    else return def.shape ? Object.keys(def.shape) : [];
  }
}

/** The known key a typo most likely meant: edit distance <= 2 (<= 1 for short keys), or same letters ignoring case. */
function nearest(key: string, known: string[]): string | undefined {
  let best: { k: string; d: number } | undefined;
  for (const k of known) {
    const d = k.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key.toLowerCase(), k.toLowerCase());
    if (d <= (key.length <= 4 ? 1 : 2) && (!best || d < best.d)) best = { k, d };
  }
  if (best) return best.k;
  // "budget" for "budgets": a known key that starts with the unknown one (or the reverse).
  return known.find((k) => k.length > 3 && key.length > 3 && (k.startsWith(key) || key.startsWith(k)));
}

/** Levenshtein distance (keys are short; no dependency for twenty lines). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
