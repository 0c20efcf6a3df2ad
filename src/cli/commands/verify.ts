// `migrate verify`: behaviour parity of the current builds against the baseline monolith on
// the real aos runtime, per process (configured traces) and end to end (the world).
import path from 'node:path';
import { progressOf, type CommandSpec } from '../command.ts';
import { loadProject } from '../../config/loadProject.ts';
import { MigrateError } from '../../errors.ts';
import { baselineDir, ensureBaseline } from '../../verify/baseline.ts';
import { renderOwnTests, verifyOwnTests } from '../../verify/ownTestsBaseline.ts';
import { verifyParity } from '../../verify/parity.ts';
import { renderParityReport } from '../../verify/render.ts';
import { BUILD_MODES, type BuildMode } from '../../verify/types.ts';
import { renderWorldReport, verifyWorld, worldTraceFiles } from '../../verify/worldParity.ts';
import { verifyWorldProbes } from '../../verify/probes/worldProbes.ts';

export function parseModes(value: unknown): BuildMode[] | undefined {
  if (typeof value !== 'string') return undefined;
  const modes = value
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  for (const m of modes) {
    if (!(BUILD_MODES as readonly string[]).includes(m)) {
      throw new MigrateError('CLI-010', `unknown mode '${m}'`, { hint: `--modes takes a comma list of ${BUILD_MODES.join(', ')}`, exitCode: 2 });
    }
  }
  return modes as BuildMode[];
}

export function parsePositiveInt(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new MigrateError('CLI-010', `--${name} must be a positive integer, got '${String(value)}'`, { exitCode: 2 });
  return n;
}

export const command: CommandSpec = {
  name: 'verify',
  summary: 'Replay traces on the real aos runtime and compare the current builds with the baseline monolith.',
  usage: [
    'Usage: migrate verify [--process <name>]... [--trace <file.jsonl>] [--modes monolith,hybrid,federated]',
    '                      [--world] [--skip-world] [--players N] [--discard-errored] [--strict-order] [--no-probes]',
    '                      [--skip-own-tests] [--json]',
    '       migrate verify --save-baseline   (store the current monolith as the baseline, if none)',
    '',
    'The baseline is the monolith as it was before the first step of the plan (.migrate/baseline/);',
    'without one, the current monolith is its own baseline. For every message of every trace the',
    'outbox (Target, Tags, JSON-normalised Data), printed output and errors are compared, then a',
    'state snapshot (handlers, globals). The world scenarios (traces/world/*.jsonl) run all processes',
    'together and compare every cross-process message and every reply to players.',
    '',
    'Probes: every process also replays traces/probes/<process>.jsonl (synthesised from its handlers,',
    'written when missing; `migrate trace probe` regenerates them); --no-probes replays the configured',
    'traces alone. The probes of all processes also run in one world (peers answer each other; not with',
    '--process, --trace or --skip-world). Handler coverage (reached / registered) is printed per process. Lines printed in',
    'another order within one message are listed apart and fail only with --strict-order. Nothing',
    'compared, or a process that cannot be booted (e.g. needs lsqlite3), is never a pass (exit 1).',
    '',
    '--discard-errored restores the state after a message that errors, as a real CU does (slower).',
    'Modes default to monolith alone before the sources use Federation.require, all three after.',
    "The project's own busted suites (.busted, spec/*_spec.lua) run with lua5.3 and are compared with",
    'the run stored before the first step; a changed count is a difference (--skip-own-tests: not run).',
    'Exit codes: 0 identical, 1 a difference was found, 2 error.',
  ].join('\n'),
  options: {
    process: { type: 'string', multiple: true },
    trace: { type: 'string' },
    modes: { type: 'string' },
    world: { type: 'boolean' },
    'skip-world': { type: 'boolean' },
    players: { type: 'string' },
    'discard-errored': { type: 'boolean' },
    'save-baseline': { type: 'boolean' },
    'strict-order': { type: 'boolean' },
    'no-probes': { type: 'boolean' },
    'skip-own-tests': { type: 'boolean' },
  },
  async run(args, io) {
    const v = args.values;
    const project = loadProject({ project: v.project as string | undefined, cwd: io.cwd, example: v.example === true });
    if (v['save-baseline']) {
      const { created, dir } = await ensureBaseline(project);
      io.out(created ? `baseline stored in ${dir}` : `a baseline already exists in ${dir}: left as it is`);
      return 0;
    }
    const modes = parseModes(v.modes);
    const players = parsePositiveInt('players', v.players, 1);
    const processes = v.process as string[] | undefined;
    const trace = typeof v.trace === 'string' ? path.resolve(io.cwd, v.trace) : undefined;
    const filtered = Boolean(processes?.length || trace);
    const parity =
      v.world && !filtered
        ? undefined
        : await verifyParity(project, {
            ...(processes ? { processes } : {}),
            ...(trace ? { trace } : {}),
            ...(modes ? { modes } : {}),
            discardErrored: Boolean(v['discard-errored']),
            strictOrder: Boolean(v['strict-order']),
            probes: !v['no-probes'],
            progress: progressOf(io),
          });
    const runWorld = !v['skip-world'] && (v.world || v.players !== undefined || (!filtered && worldTraceFiles(project).length > 0));
    const world = runWorld ? await verifyWorld(project, { ...(modes ? { modes } : {}), players, progress: progressOf(io) }) : undefined;
    // the probes of every process in one world: peers answer each other (not when filtered)
    const worldProbes =
      !filtered && !v['no-probes'] && !v['skip-world']
        ? await verifyWorldProbes(project, { ...(modes ? { modes } : {}), progress: progressOf(io) })
        : undefined;
    const ownTests = v['skip-own-tests'] ? undefined : verifyOwnTests(project.root, baselineDir(project));
    const ok = (parity?.ok ?? true) && (world?.ok ?? true) && (worldProbes?.ok ?? true) && ownTests?.ok !== false;
    if (v.json) {
      io.out(JSON.stringify({ ok, parity: parity ?? null, world: world ?? null, worldProbes: worldProbes ?? null, ownTests: ownTests ?? null }, null, 2));
    } else {
      if (parity) io.out(renderParityReport(parity, io.color));
      if (world) io.out(`\n${renderWorldReport(world)}`);
      if (worldProbes)
        io.out(
          `\nWorld probes (every process's probes in one world):\n${worldProbes.notRun ? `not run: ${worldProbes.notRun}` : renderWorldReport(worldProbes)}`,
        );
      if (ownTests) io.out(`\n${renderOwnTests(ownTests)}`);
    }
    return ok ? 0 : 1;
  },
};
