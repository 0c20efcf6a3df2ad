// `migrate init [dir]`: detects the source root and the process entries of a folder of aos Lua
// sources and writes a validated migrate.config.json (never over an existing one without --force).
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CommandSpec } from '../command.ts';
import { MigrateError } from '../../errors.ts';
import { CONFIG_FILE, validateConfig } from '../../config/projectConfig.ts';
import { DiskWorkspace } from '../../stage/workspace.ts';
import { configFromDetection, detectProject, type ProjectDetection } from '../../graph/projectDetection.ts';

export const command: CommandSpec = {
  name: 'init',
  summary: 'Detect the source root and the process entries of a Lua project and write migrate.config.json.',
  usage: [
    'Usage: migrate init [dir] [--force] [--dry-run] [--json]',
    '',
    'Scans every .lua file of <dir> (default: --project, else the current folder), tries each folder as',
    'the source root and keeps the one that resolves the most require names (ties: the shallowest).',
    'Entries are files that register Handlers (Handlers.add/append/prepend/once) and that no other',
    'file requires; a process is named after its folder (<root>/battle/main.lua -> battle).',
    'traces/<process>.jsonl is listed when present. The config is validated before it is written.',
    '  --force     overwrite an existing migrate.config.json',
    '  --dry-run   print the config, write nothing',
    '  --json      print { config, detection } as JSON',
    'Exit codes: 0 written (or printed), 2 error (existing config without --force, no entry found).',
  ].join('\n'),
  options: {
    force: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
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
    const detection = detectProject(new DiskWorkspace(dir));
    if (detection.luaFiles === 0) {
      throw new MigrateError('CFG-012', `no .lua file found in ${dir}`, { location: { file: dir }, hint: 'run init in the folder of the AO project (tests, node_modules and build are skipped)' });
    }
    if (detection.entries.length === 0) {
      throw new MigrateError('CFG-013', `no entry found in ${dir}: no file registers Handlers without being required by another`, {
        location: { file: dir },
        hint: 'an entry calls Handlers.add(...); write migrate.config.json by hand if yours register handlers another way',
      });
    }
    const raw = configFromDetection(detection);
    const { config, issues } = validateConfig(raw);
    if (!config) {
      throw new MigrateError('CFG-014', `the detected config is not valid:\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`, {
        location: { file: target },
        hint: 'this is a bug in the detection; write migrate.config.json by hand meanwhile',
      });
    }
    const text = `${JSON.stringify(raw, null, 2)}\n`;
    if (!dryRun) writeFileSync(target, text);
    if (v.json) io.out(JSON.stringify({ written: dryRun ? null : target, config: raw, detection }, null, 2));
    else io.out(renderDetection(detection, dryRun ? null : target, dryRun ? text : undefined));
    return 0;
  },
};

function renderDetection(d: ProjectDetection, written: string | null, preview?: string): string {
  const pct = d.requireSites ? Math.round((100 * d.resolvedSites) / d.requireSites) : 0;
  const lines = [
    `source root: ${d.sourceRoot}  (resolves ${d.resolvedSites} of ${d.requireSites} require sites, ${pct} %; ${d.luaFiles} Lua files)`,
  ];
  const others = d.candidates.filter((c) => c.root !== d.sourceRoot && c.resolved > 0);
  if (others.length) lines.push(`  other candidates: ${others.map((c) => `${c.root} (${c.resolved})`).join(', ')}`);
  lines.push(`entries (${d.entries.length}):`);
  const width = Math.max(...d.entries.map((e) => e.name.length));
  for (const e of d.entries) lines.push(`  ${e.name.padEnd(width)}  ${e.entry}  (${e.handlers} handler${e.handlers === 1 ? '' : 's'}${e.traces.length ? `, trace ${e.traces[0]}` : ''})`);
  if (d.requiredHandlerFiles.length) lines.push(`not entries (they register handlers but are required): ${d.requiredHandlerFiles.join(', ')}`);
  if (d.unparsed.length) lines.push(`skipped (do not parse; see 'migrate audit'): ${d.unparsed.join(', ')}`);
  if (written) lines.push(`wrote ${written}`, "next: 'migrate audit' for the require graph, the duplicates and the bundle sizes");
  else if (preview) lines.push('would write (dry run):', preview.trimEnd());
  return lines.join('\n');
}
