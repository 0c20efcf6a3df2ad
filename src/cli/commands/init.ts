// `migrate init [dir]`: detects the processes of a folder of aos Lua sources (the project's own
// build/deploy config first, then heuristics; every skipped candidate printed with its reason),
// their source roots and the unresolved requires, writes a validated migrate.config.json (never
// over an existing one without --force) and lists the toolkit's output folders in .gitignore.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CommandSpec } from '../command.ts';
import { MigrateError } from '../../errors.ts';
import { CONFIG_FILE, validateConfig } from '../../config/projectConfig.ts';
import { DiskWorkspace } from '../../stage/workspace.ts';
import { configFromDetection, detectProject, type ProjectDetection } from '../../graph/projectDetection.ts';
import { toolkitOutputDirs } from '../../config/outputs.ts';
import { planGitignore, writeGitignore, type GitignorePlan } from '../../config/gitignore.ts';

export const command: CommandSpec = {
  name: 'init',
  summary: 'Detect the source root and the process entries of a Lua project and write migrate.config.json.',
  usage: [
    'Usage: migrate init [dir] [--force] [--dry-run] [--include <glob>]... [--json]',
    '',
    "Reads the project's own build and deploy configuration first (aos --load / .load lines,",
    'amalg.lua -s/-o in shell scripts and package.json scripts, ao-deploy aod.config.*, aoform',
    'processes.yaml, .busted lpath, rockspecs), then takes files that register Handlers and that no',
    'other file requires. Build output (build/, dist/, process-dist/, amalg bundles), patches and Eval',
    'scripts, mocks, tests/specs, examples and experiments are skipped and printed with their reason.',
    'Each process gets the source root that resolves the most of its requires (one per process in a',
    'monorepo of packages); every unresolved require is named with its reason. A process is named',
    'after its file or folder (<root>/battle/main.lua -> battle). traces/<process>.jsonl is listed',
    "when present. The config is validated before it is written; the toolkit's output folders are",
    'added to .gitignore (created, or missing lines appended).',
    '  --force           overwrite an existing migrate.config.json',
    '  --dry-run         print the config, write nothing',
    '  --include <glob>  keep matching files as processes whatever the skip rules say (repeatable)',
    '  --json            print { config, detection, gitignore } as JSON',
    'Exit codes: 0 written (or printed), 2 error (existing config without --force, no entry found).',
  ].join('\n'),
  options: {
    force: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    include: { type: 'string', multiple: true },
  },
  async run(args, io) {
    const v = args.values;
    const dir = path.resolve(io.cwd, args.positionals[0] ?? (v.project as string | undefined) ?? '.');
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new MigrateError('CFG-010', `${dir} is not a folder`, { location: { file: dir }, hint: 'give the folder that holds the Lua sources' });
    }
    const target = path.join(dir, CONFIG_FILE);
    const dryRun = Boolean(v['dry-run']);
    if (existsSync(target) && !v.force && !dryRun) {
      throw new MigrateError('CFG-011', `${CONFIG_FILE} already exists in ${dir}`, {
        location: { file: target },
        hint: 'pass --force to overwrite it, or --dry-run to see what init would write',
      });
    }
    const detection = detectProject(new DiskWorkspace(dir), { include: (v.include as string[] | undefined) ?? [] });
    if (detection.luaFiles === 0) {
      throw new MigrateError('CFG-012', `no .lua file found in ${dir}`, {
        location: { file: dir },
        hint: 'run init in the folder of the AO project (tests, node_modules and build are skipped)',
      });
    }
    if (detection.entries.length === 0) {
      const skipped = detection.skipped
        .slice(0, 20)
        .map((s) => `\n  skipped ${s.file}: ${s.why}`)
        .join('');
      throw new MigrateError('CFG-013', `no entry found in ${dir}: no file registers Handlers without being required by another${skipped}`, {
        location: { file: dir },
        hint: detection.skipped.length
          ? `keep a skipped candidate with 'migrate init --include <file>' (e.g. 'migrate init --include ${detection.skipped[0]!.file}')`
          : 'an entry calls Handlers.add(...); write migrate.config.json by hand if yours register handlers another way',
      });
    }
    // A project with its own build/ folder (amalg output, often committed) keeps it to itself:
    // the toolkit's builds go elsewhere, so neither writes nor .gitignore touch the project's.
    const raw = configFromDetection(detection, existsSync(path.join(dir, 'build')) ? { buildDir: 'migrate-build' } : {});
    const { config, issues } = validateConfig(raw);
    if (!config) {
      throw new MigrateError('CFG-014', `the detected config is not valid:\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`, {
        location: { file: target },
        hint: 'this is a bug in the detection; write migrate.config.json by hand meanwhile',
      });
    }
    const text = `${JSON.stringify(raw, null, 2)}\n`;
    const gitignore = planGitignore(dir, toolkitOutputDirs(config));
    if (!dryRun) {
      writeFileSync(target, text);
      writeGitignore(gitignore);
    }
    const ignored = { file: gitignore.file, added: gitignore.added, created: gitignore.created, written: !dryRun && gitignore.added.length > 0 };
    if (v.json) io.out(JSON.stringify({ written: dryRun ? null : target, config: raw, detection, gitignore: ignored }, null, 2));
    else io.out(renderDetection(detection, dryRun ? null : target, dryRun ? text : undefined, gitignore));
    return 0;
  },
};

function renderDetection(d: ProjectDetection, written: string | null, preview: string | undefined, gitignore: GitignorePlan): string {
  const r = d.resolution;
  const pct = d.requireSites ? ((100 * d.resolvedSites) / d.requireSites).toFixed(1) : '100.0';
  const lines = [
    `source root: ${d.sourceRoot}  (${d.luaFiles} Lua files)`,
    `require sites in the processes: ${r.sites}; resolved ${r.resolved} of ${d.requireSites} project requires (${pct} %); not project files: ${r.builtin} aos builtin, ${r.standard} standard library, ${r.external} external, ${r.optional} optional (pcall)`,
  ];
  const others = d.candidates.filter((c) => c.root !== d.sourceRoot && c.resolved > 0);
  if (others.length) lines.push(`  other candidate roots: ${others.map((c) => `${c.root} (${c.resolved})`).join(', ')}`);
  lines.push(`processes (${d.entries.length}):`);
  const width = Math.max(...d.entries.map((e) => e.name.length));
  for (const e of d.entries) {
    const notes = [`${e.handlers} handler${e.handlers === 1 ? '' : 's'}`];
    if (e.root !== d.sourceRoot) notes.push(`source root ${e.root}`);
    if (e.evidence) notes.push(e.evidence);
    if (e.traces.length) notes.push(`trace ${e.traces[0]}`);
    lines.push(`  ${e.name.padEnd(width)}  ${e.entry}  (${notes.join(', ')})`);
  }
  if (d.skipped.length) {
    lines.push(`skipped candidates (${d.skipped.length}; keep one with the command shown):`);
    for (const s of d.skipped) lines.push(`  ${s.file}: ${s.why}  -> ${s.include}`);
  }
  if (d.packages.length) {
    lines.push(`packages this repository holds under a name no pattern spells (${d.packages.length}; written to "packages", resolved as project modules):`);
    for (const p of d.packages) lines.push(`  require "${p.name}" -> ${p.file}  (declared by ${p.evidence})`);
  }
  for (const a of d.ambiguousPackages)
    lines.push(`  require "${a.name}": declared by ${a.files.join(' and ')}; mapped to neither (add it to "packages" in ${CONFIG_FILE} by hand)`);
  if (r.unresolved.length) {
    lines.push(`unresolved require sites (${r.unresolved.length}):`);
    for (const u of r.unresolved) {
      const why =
        u.reason === 'external'
          ? `external: ${u.detail} (listed in "externals")`
          : u.reason === 'optional'
            ? `optional: ${u.detail}`
            : u.reason === 'other root'
              ? `resolves only from another folder (${u.detail})`
              : u.reason === 'missing file'
                ? `missing file (${u.detail})`
                : (u.reason ?? 'unresolved');
      lines.push(`  ${u.file}:${u.line} require "${u.name}": ${why}`);
    }
  }
  if (d.unparsed.length) lines.push(`not parsed (see 'migrate audit'): ${d.unparsed.join(', ')}`);
  if (gitignore.added.length)
    lines.push(`${written ? (gitignore.created ? 'created' : 'added to') : 'would add to'} ${gitignore.file}: ${gitignore.added.join(' ')}`);
  if (written) lines.push(`wrote ${written}`, "next: 'migrate audit' for the require graph, the duplicates and the bundle sizes");
  else if (preview) lines.push('would write (dry run):', preview.trimEnd());
  return lines.join('\n');
}
