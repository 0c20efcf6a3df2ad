// Faults on the real loader (src/bundle/lua/federation.lua) and the real aos. The process
// (fixtures/verify/mini-fed) requires runtime.fmt at load time and runtime.rng inside its Roll
// handler; the faults hit runtime.rng (or the whole runtime's arrival order).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject, type Project } from '../../src/config/loadProject.ts';
import { bootFromPlan, bootPlan, buildFor, buildForBoot } from '../../src/verify/bootBuilds.ts';
import { compareAnswers } from '../../src/verify/compare.ts';
import { bootWithFault, FAULT_REGISTRY_ID, type Fault } from '../../src/verify/faults.ts';
import { replayTrace, type Replay } from '../../src/verify/replay.ts';
import { takeSnapshot } from '../../src/verify/snapshot.ts';
import { loadTrace, type Trace } from '../../src/verify/trace.ts';
import type { AosProcess } from '../../src/verify/aosRuntime.ts';
import type { Answer, BuildOutput, StateSnapshot } from '../../src/verify/types.ts';
import { FIXTURES } from './helpers/fixtureProject.ts';

const MODULE = 'runtime.rng';
let project: Project;
let trace: Trace;
let noRoll: Trace;
const builds: Partial<Record<'hybrid' | 'federated', BuildOutput>> = {};
let full: { replay: Replay; snapshot: StateSnapshot };
let withoutRoll: { replay: Replay; snapshot: StateSnapshot };

/** The registry fetch advances aos's Reference counter: compare replies without it there. */
const withoutReference = (a: Answer): Answer => ({
  ...a,
  messages: a.messages.map((m) => ({ ...m, Tags: m.Tags.filter(([n]) => n !== 'Reference' && n !== 'X-Reference') })),
});
const same = (expected: Answer, actual: Answer) => compareAnswers(withoutReference(expected), withoutReference(actual));

const isRoll = (i: number) => (trace.messages[i]!.msg.Tags as Record<string, string>).Action === 'Roll';

async function replay(proc: AosProcess, t: Trace) {
  const r = await replayTrace(proc, t);
  return { replay: r, snapshot: await takeSnapshot(proc) };
}

beforeAll(async () => {
  project = loadProject({ project: path.join(FIXTURES, 'mini-fed'), cwd: FIXTURES });
  trace = loadTrace(path.join(project.root, 'traces/alpha.jsonl'));
  noRoll = { ...trace, messages: trace.messages.filter((_, i) => !isRoll(i)) };
  const monolith = await buildFor(project, 'monolith');
  full = await replay((await bootFromPlan(bootPlan(monolith, 'monolith', 'alpha'))).proc, trace);
  withoutRoll = await replay((await bootFromPlan(bootPlan(monolith, 'monolith', 'alpha'))).proc, noRoll);
  builds.hybrid = await buildForBoot(project, 'hybrid');
  builds.federated = await buildForBoot(project, 'federated');
});

/** Hybrid: every answer and the final state equal the unfaulted monolith's; a fallback was announced. */
async function expectHybridKeepsAnswering(fault: Fault, bootErrors: (string | RegExp)[] = []) {
  const { proc, steps } = await bootWithFault(builds.hybrid!, 'hybrid', 'alpha', fault, MODULE);
  expect(steps.filter((s) => s.answer.error !== null).map((s) => s.answer.error)).toEqual(bootErrors.map((e) => expect.stringMatching(e)));
  const got = await replay(proc, trace);
  got.replay.messages.forEach((m, i) => expect(same(full.replay.messages[i]!.answer, m.answer)).toBeNull());
  expect(got.snapshot.globals).toEqual(full.snapshot.globals);
  expect(got.snapshot.handlers).toEqual(full.snapshot.handlers);
  return { steps, warnings: [...steps.flatMap((s) => s.answer.warnings), ...got.replay.warnings] };
}

/** Federated: each Roll fails with `code` naming the module; everything else is as if Roll never came. */
async function expectFederatedFailsClearly(fault: Fault, code: string, bootErrors: (string | RegExp)[] = []) {
  const { proc, steps } = await bootWithFault(builds.federated!, 'federated', 'alpha', fault, MODULE);
  expect(steps.filter((s) => s.answer.error !== null).map((s) => s.answer.error)).toEqual(bootErrors.map((e) => expect.stringMatching(e)));
  const got = await replay(proc, trace);
  let j = 0;
  got.replay.messages.forEach((m, i) => {
    if (isRoll(i)) {
      expect(m.answer.error).toContain(`${code} module '${MODULE}'`);
      expect(m.answer.messages).toEqual([]);
    } else {
      expect(same(withoutRoll.replay.messages[j++]!.answer, m.answer)).toBeNull();
    }
  });
  expect(got.snapshot.globals).toEqual(withoutRoll.snapshot.globals);
  expect(got.snapshot.handlers).toEqual(withoutRoll.snapshot.handlers);
  return steps;
}

describe('faults: hybrid answers through fallbacks, federated fails clearly, nothing else changes', () => {
  it('runtime module missing', async () => {
    const { warnings } = await expectHybridKeepsAnswering('module-missing');
    expect(warnings).toEqual([`FED-WARN hybrid fallback: '${MODULE}' not in the runtime; using the bundled copy 1.0.0`]);
    await expectFederatedFailsClearly('module-missing', 'FED-001');
  });

  it('wrong version in the runtime', async () => {
    const { warnings } = await expectHybridKeepsAnswering('wrong-version');
    expect(warnings).toEqual([`FED-WARN hybrid fallback: '${MODULE}' runtime has 2.0.0, wanted ^1.0.0; using the bundled copy 1.0.0`]);
    await expectFederatedFailsClearly('wrong-version', 'FED-002');
  });

  it('corrupted text delivered by the registry (hash mismatch) is refused', async () => {
    const refused = new RegExp(`FED-005 hash mismatch for '${MODULE.replace('.', '\\.')}'`);
    const { warnings } = await expectHybridKeepsAnswering('corrupted-text', [refused]);
    expect(warnings).toHaveLength(1);
    await expectFederatedFailsClearly('corrupted-text', 'FED-001', [refused]);
  });

  it('registry not answering', async () => {
    const { steps } = await expectHybridKeepsAnswering('registry-silent');
    const fetch = steps.at(-1)!.answer.messages;
    expect(fetch.map((m) => [m.Target, Object.fromEntries(m.Tags).Action, Object.fromEntries(m.Tags).Modules])).toEqual([
      [FAULT_REGISTRY_ID, 'Federation-Get', MODULE],
    ]);
    await expectFederatedFailsClearly('registry-silent', 'FED-001');
  });

  it('runtime evaluated twice (at boot and again mid-trace) changes nothing', async () => {
    for (const mode of ['hybrid', 'federated'] as const) {
      const { proc, steps } = await bootWithFault(builds[mode]!, mode, 'alpha', 'runtime-twice', MODULE);
      expect(steps.map((s) => s.answer.error)).toEqual([null, null, null]);
      const half = Math.ceil(trace.messages.length / 2);
      const first = await replayTrace(proc, { ...trace, messages: trace.messages.slice(0, half) });
      const again = await proc.eval(bootPlan(builds[mode]!, mode, 'alpha').chunks[0]!.code);
      expect(again.Error).toBeUndefined();
      const second = await replayTrace(proc, { ...trace, messages: trace.messages.slice(half) });
      const answers = [...first.messages, ...second.messages].map((m) => m.answer);
      answers.forEach((a, i) => expect(compareAnswers(full.replay.messages[i]!.answer, a)).toBeNull());
      expect([...first.warnings, ...second.warnings]).toEqual([]);
      expect((await takeSnapshot(proc)).globals).toEqual(full.snapshot.globals);
    }
  });

  it('shell loaded before the runtime', async () => {
    const { warnings } = await expectHybridKeepsAnswering('shell-before-runtime');
    expect(warnings).toEqual(["FED-WARN hybrid fallback: 'runtime.fmt' not in the runtime; using the bundled copy 1.0.0"]);
    // Federated: the shell refuses to start without its runtime, clearly, and leaves nothing behind;
    // evaluating the shell again once the runtime is there recovers completely.
    const { proc, steps } = await bootWithFault(builds.federated!, 'federated', 'alpha', 'shell-before-runtime', MODULE);
    // (the shell carries no loader: its bootstrap finds neither a runtime nor a registry)
    expect(steps.map((s) => s.answer.error)).toEqual([expect.stringContaining('FED-001 no runtime: load runtime.lua first or set Federation-Registry'), null]);
    const empty = await takeSnapshot(proc);
    expect([empty.globals, empty.handlers]).toEqual([{}, ['_eval', '_default']]);
    expect((await proc.eval(bootPlan(builds.federated!, 'federated', 'alpha').chunks[1]!.code)).Error).toBeUndefined();
    const got = await replay(proc, trace);
    got.replay.messages.forEach((m, i) => expect(compareAnswers(full.replay.messages[i]!.answer, m.answer)).toBeNull());
    expect(got.snapshot.globals).toEqual(full.snapshot.globals);
  });
});
