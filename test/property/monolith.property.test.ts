// The monolith bundle of a generated module graph behaves like plain `require` on the real aos
// runtime: same prints, same values seen by the requirers (tables vs `true` for modules that
// return nothing), same lazy cyclic requires, same errors. The reference registers each module
// as `package.preload[name] = load(<its text>, '@'..name)` and runs the entry text; the
// candidate is `bundleMonolith`. Both run in ONE aos process (booted once per 250 cases):
// every case uses its own module-name prefix, and the case's package.loaded entries are cleared
// between the reference and the bundle so neither sees the other's instances.
import { afterAll, describe, expect, it } from 'vitest';
import { bundleMonolith } from '../../src/bundle/index.ts';
import { luaQuote } from '../../src/bundle/luaFront.ts';
import { MemoryWorkspace } from '../../src/stage/workspace.ts';
import { AosProcess, outputText, type AoResult } from '../../src/verify/aosRuntime.ts';
import { SOURCE_ROOT, generatedProject, projectConfig, projectFiles, withPrefix, type GeneratedProject } from './generatedProject.ts';
import { modulePath } from './luaArbitraries.ts';
import { checkAndRecord, loadRegressions, runs } from './regressions.ts';

const AOS_RUNS = Number(process.env.FUZZ_AOS_RUNS ?? Math.min(runs(500), 3000));
const CASES_PER_BOOT = 250;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

let proc: AosProcess | undefined;
let used = 0;
let caseNo = 0;

async function aos(): Promise<AosProcess> {
  if (!proc || used >= CASES_PER_BOOT) {
    proc = (await AosProcess.boot({ name: 'property-monolith' })).process;
    used = 0;
  }
  used += 1;
  return proc;
}

const latin1 = (b: Buffer): string => (b.subarray(0, 3).equals(BOM) ? b.subarray(3) : b).toString('latin1');
const toWire = (latin1Text: string): string => Buffer.from(latin1Text, 'latin1').toString('utf8');

/** What a user sees: printed text and the error, if any (aos colour codes kept on both sides). */
function observed(r: AoResult): string {
  return `${outputText(r)}\n--error--\n${r.Error ? String(r.Error) : ''}`;
}

function referenceChunk(g: GeneratedProject, process: string): string {
  const files = projectFiles(g);
  let code = '';
  for (const m of g.modules) {
    const text = latin1(files[modulePath(SOURCE_ROOT, m.name)]!);
    code += `package.loaded[${luaQuote(m.name)}] = nil\npackage.preload[${luaQuote(m.name)}] = assert(load(${luaQuote(text)}, ${luaQuote(`@${m.name}`)}))\n`;
  }
  code += `assert(load(${luaQuote(latin1(files[`${SOURCE_ROOT}/${process}/main.lua`]!))}, "@main"))()\n`;
  return toWire(code);
}

function forget(g: GeneratedProject): string {
  return g.modules.map((m) => `package.loaded[${luaQuote(m.name)}] = nil; package.preload[${luaQuote(m.name)}] = nil`).join('\n');
}

async function sameAsRequire(base: GeneratedProject, errorsIn: string[] = []): Promise<void> {
  caseNo += 1;
  const g = withPrefix(base, `c${caseNo}`);
  const config = projectConfig(g.entries.map((e) => e.process));
  const ws = new MemoryWorkspace(projectFiles(g));
  const p = await aos();
  for (const e of g.entries) {
    const expectError = errorsIn.some((name) => e.process.endsWith(`_${name}`));
    const ref = observed(await p.eval(referenceChunk(g, e.process)));
    await p.eval(forget(g));
    const bundle = bundleMonolith(config, ws, e.process);
    const got = observed(await p.eval(bundle));
    await p.eval(forget(g));
    if (process.env.PROPERTY_DEBUG) console.log(ref, got);
    if (got !== ref) throw new Error(`process ${e.process}: monolith differs from require\n--- require ---\n${ref}\n--- monolith ---\n${got}`);
    if (expectError !== ref.includes('C stack overflow'))
      throw new Error(`process ${e.process}: expected ${expectError ? 'a stack overflow' : 'no error'}:\n${ref}`);
    if (!expectError && !ref.includes(`${e.process} m0: `)) throw new Error(`process ${e.process}: the reference did not run its entry:\n${ref}`);
  }
}

describe('monolith bundle == plain require on aos', () => {
  afterAll(() => {
    proc = undefined;
  });

  it.each(loadRegressions<GeneratedProject>('monolith-vs-require').map((r) => [r.file, r.fixture] as const))(
    'regression %s',
    async (_f, fixture) => {
      await sameAsRequire(fixture.counterexample);
    },
    60_000,
  );

  it('an eager require cycle behaves the same (aos Lua 5.3 require semantics)', async () => {
    const shape = { bom: false, ending: 'lf' as const, finalNewline: true };
    const cycle: GeneratedProject = {
      modules: [
        { name: 'cyc.a', requires: [{ name: 'cyc.b', style: 'paren-double' }], returns: true, shape, body: [] },
        { name: 'cyc.b', requires: [{ name: 'cyc.a', style: 'bare-single' }], returns: false, shape, body: [] },
      ],
      entries: [
        { process: 'p1', requires: [{ name: 'cyc.a', style: 'paren-double' }], shape },
        { process: 'p2', requires: [{ name: 'cyc.b', style: 'pcall' }], shape },
      ],
    };
    // p1 dies of the endless require recursion on both sides; p2's pcall(require) survives it.
    await sameAsRequire(cycle, ['p1']);
  }, 60_000);

  it(`same prints and values over generated graphs (${AOS_RUNS} cases)`, async () => {
    await checkAndRecord('monolith-vs-require', generatedProject({ min: 2, max: 7 }), sameAsRequire, AOS_RUNS);
    expect(caseNo).toBeGreaterThanOrEqual(AOS_RUNS);
  }, 600_000);
});
