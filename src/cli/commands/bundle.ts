// `migrate bundle`: builds the processes in one mode (monolith | federated | hybrid) and writes
// them under the build folder (default: config.buildDir, e.g. build/federated/runtime.lua).
import path from 'node:path';
import { progressOf, type CommandSpec } from '../command.ts';
import { loadProject } from '../../config/loadProject.ts';
import { MigrateError } from '../../errors.ts';
import { DiskWorkspace } from '../../stage/workspace.ts';
import { BUILD_MODES, buildProject, writeBuild, type BuildMode } from '../../bundle/index.ts';

export const command: CommandSpec = {
  name: 'bundle',
  summary: 'Build the processes: a monolith per process, or a shared runtime + shells (federated / hybrid).',
  usage: [
    'Usage: migrate bundle --mode monolith|federated|hybrid [--out <dir>] [--minify] [--json]',
    '',
    '  monolith   build/monolith/<process>.lua: every module as a preload function, entry last',
    '  federated  build/federated/runtime.lua (loader + runtime modules + manifest),',
    '             build/federated/<process>.lua shells, build/federated/registry.lua (registry process)',
    '  hybrid     build/hybrid/<process>.lua: the shell plus fallback copies of the runtime modules it uses',
    '',
    "--out defaults to the config's buildDir (relative to the project). --minify strips comments and",
    'whitespace only (identifiers and strings untouched). Same sources give the same bytes.',
    'Delivery: see docs/bundle.md (two Evals, On-Boot=Data then Eval, or the registry process).',
  ].join('\n'),
  options: {
    mode: { type: 'string' },
    out: { type: 'string' },
    minify: { type: 'boolean' },
  },
  async run(args, io) {
    const v = args.values;
    const mode = v.mode as string | undefined;
    if (!mode || !(BUILD_MODES as readonly string[]).includes(mode)) {
      throw new MigrateError('CLI-010', mode ? `unknown mode '${mode}'` : '--mode is required', {
        hint: `--mode takes one of ${BUILD_MODES.join(', ')}`,
      });
    }
    const project = loadProject({ project: v.project as string | undefined, cwd: io.cwd, example: v.example === true });
    // A process whose closure does not resolve is left out; the others are still built and written.
    const result = buildProject(project, new DiskWorkspace(project.root), mode as BuildMode, {
      minify: Boolean(v.minify),
      partial: true,
      progress: progressOf(io),
    });
    const outDir = typeof v.out === 'string' ? path.resolve(io.cwd, v.out) : path.resolve(project.root, project.config.buildDir);
    writeBuild(outDir, '.', result);
    const rows = result.files.map((f) => ({
      path: path.join(outDir, f.path),
      kind: f.kind,
      process: f.process ?? null,
      bytes: Buffer.byteLength(f.content, 'utf8'),
      modules: f.modules.length,
    }));
    if (v.json) {
      io.out(JSON.stringify({ mode, out: outDir, files: rows }, null, 2));
    } else {
      for (const r of rows)
        io.out(`${r.kind.padEnd(12)} ${String(r.bytes).padStart(9)} B  ${String(r.modules).padStart(4)} modules  ${path.relative(io.cwd, r.path) || r.path}`);
    }
    const blocked = result.blocked ?? [];
    if (blocked.length === 0) return 0;
    // Every blocked process named on stderr; the first one's error (code, file:line:col, hint) is the exit.
    for (const b of blocked.slice(1)) io.err(`process '${b.process}' not built: ${b.error.format()}`);
    const first = blocked[0]!;
    throw new MigrateError(first.error.code, `process '${first.process}' not built: ${first.error.message}`, {
      location: first.error.location,
      hint: first.error.hint,
    });
  },
};
