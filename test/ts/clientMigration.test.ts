// The example client migrated step by step exactly as the plan says: after every step
// `tsc --noEmit` passes and the client's own tests record the same messages as before; every
// step is idempotent; the federated build really takes the shared modules when they are
// registered; and the inverses, run in reverse order, give back every byte.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { createTree } from '../../src/stage/stagedTree.ts';
import { listSources } from '../../src/ts/text.ts';
import { planTsStepsIn, type PlanStep } from '../../src/plan/tsPlanner.ts';
import type { Transform } from '../../src/transform/types.ts';
import { transform as move } from '../../transforms/ts/move-to-runtime/index.ts';
import { transform as rewrite } from '../../transforms/ts/rewrite-imports/index.ts';
import { transform as federate } from '../../transforms/ts/federate-imports/index.ts';
import { clientTests, copyClient, flush, removeCopy, typecheck } from './helpers/clientCopy.ts';

const layout = {
  root: 'client',
  tsconfig: 'client/tsconfig.json',
  entries: ['battle', 'pokemon', 'shop', 'admin'].map((e) => `client/src/scripts/${e}.ts`),
  runtimeDir: 'client/src/runtime',
};

const transforms: Record<string, Transform<any>> = { [move.id]: move, [rewrite.id]: rewrite, [federate.id]: federate };
const load = async (id: string): Promise<Transform<any>> => transforms[id]!;
const ctx = (dir: string, notes: string[] = []) => ({ config: {} as never, root: dir, report: (n: string) => notes.push(n) });

/** Registers every runtime module with the loader (through a proxy counting reads), then records. */
const FEDERATED_TEST = `import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { registerShared } from '../src/runtime/federation.js';

it('federated mode takes the registered shared modules', async () => {
  (globalThis as { FEDERATION_MODE?: string }).FEDERATION_MODE = 'federated';
  const reads: string[] = [];
  for (const f of readdirSync(new URL('../src/runtime/', import.meta.url))) {
    const key = f.replace(/\\.ts$/, '');
    const mod = await import(\`../src/runtime/\${f}\`);
    registerShared(key, new Proxy(mod, { get: (t, p) => (reads.push(\`\${key}.\${String(p)}\`), t[p]) }));
  }
  const { recordAll } = await import('./recordAll.js');
  const { readFileSync } = await import('node:fs');
  expect(await recordAll()).toEqual(JSON.parse(readFileSync(new URL('./expected-messages.json', import.meta.url), 'utf8')));
  expect(reads).toContain('index.buildTags');
  expect(reads).toContain('process-ids.default');
});
`;

describe('example client: TS migration step by step', () => {
  let dir: string;
  let original: Map<string, Buffer>;
  let baseline: string;
  let steps: PlanStep[];

  beforeAll(() => {
    dir = copyClient();
    const ws = new DiskWorkspace(dir);
    original = new Map(ws.list('client').map((p) => [p, ws.read(p)!]));
    typecheck(dir);
    baseline = clientTests(dir);
    steps = planTsStepsIn(ws, layout);
  });
  afterAll(() => removeCopy(dir));

  it('plans three steps with the shared modules, the identical helper and the near-duplicate note', () => {
    expect(steps.map((s) => s.transform)).toEqual(['ts/move-to-runtime', 'ts/rewrite-imports', 'ts/federate-imports']);
    const move = steps[0]!.params as { modules: { from: string }[]; helpers: { name: string; files: string[] }[] };
    expect(move.modules.map((m) => m.from)).toEqual([
      'client/src/lib/helpers.ts',
      'client/src/lib/process-ids.ts',
      'client/src/lib/reply.ts',
      'client/src/lib/tags.ts',
      'client/src/lib/types.ts',
      'client/src/transport/types.ts',
    ]);
    expect(move.helpers).toEqual([{ name: 'retryWithBackoff', to: 'client/src/runtime/retry-with-backoff.ts', files: layout.entries.slice(0, 3) }]);
    expect(steps[0]!.notes.join('\n')).toMatch(/near duplicate clientLabel .*shop\.ts:23.*admin\.ts:10/);
  });

  it('keeps tsc and the recorded messages identical after every step, and each step is idempotent', async () => {
    for (const s of steps) {
      const t = await load(s.transform);
      const params = t.params.parse(s.params);
      const tree = createTree(new DiskWorkspace(dir));
      t.apply(tree, params, ctx(dir));
      expect(tree.changes().length, s.id).toBeGreaterThan(0);
      flush(tree, dir);
      const again = createTree(new DiskWorkspace(dir));
      t.apply(again, params, ctx(dir));
      expect(again.changes(), `${s.id} twice`).toEqual([]);
      typecheck(dir);
      expect(clientTests(dir), s.id).toBe(baseline);
    }
    const battle = readFileSync(path.join(dir, 'client/src/scripts/battle.ts'), 'utf8');
    expect(battle).toContain("const { buildTags } = await loadShared('index', shared$index);");
    expect(battle).toContain("const { retryWithBackoff } = await loadShared('index', shared$index);");
    expect(readFileSync(path.join(dir, 'client/src/runtime/reply.ts')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('runs federated with the shared modules registered, same messages', () => {
    const file = path.join(dir, 'client/test/federated.test.ts');
    writeFileSync(file, FEDERATED_TEST);
    try {
      expect(clientTests(dir)).toBe(baseline);
    } finally {
      writeFileSync(file, ''); // emptied, then removed by the revert check below
    }
  });

  it('reverts every step with its inverse, byte for byte', async () => {
    rmSync(path.join(dir, 'client/test/federated.test.ts'));
    for (const s of [...steps].reverse()) {
      const t = await load(s.transform);
      const tree = createTree(new DiskWorkspace(dir));
      t.inverse(tree, t.params.parse(s.params), ctx(dir));
      flush(tree, dir);
    }
    const ws = new DiskWorkspace(dir);
    expect(ws.list('client')).toEqual([...original.keys()]);
    for (const [p, bytes] of original) expect(ws.read(p)!.equals(bytes), p).toBe(true);
    expect(listSources(ws, 'client/src/runtime')).toEqual([]);
    expect(clientTests(dir)).toBe(baseline);
  });
});
