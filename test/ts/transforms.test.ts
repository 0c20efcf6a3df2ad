// Case-by-case expectations of the TS transforms on the miniature client. The contract (apply ==
// expected to the byte, idempotent, exact inverse) is checked for every transform by
// test/transforms/registry.test.ts on transforms/ts/<id>/fixtures.
import { describe, expect, it } from 'vitest';
import { snapshotOf, treeOf } from '../support/treeSnapshots.ts';
import { isMigrateError } from '../../src/errors.ts';
import * as moveModule from '../../transforms/ts/move-to-runtime/index.ts';
import * as rewriteModule from '../../transforms/ts/rewrite-imports/index.ts';
import * as federateModule from '../../transforms/ts/federate-imports/index.ts';
import path from 'node:path';
import { listFixtureCases, readTreeDir } from '../support/fixtureDirs.ts';
import { step } from './helpers/runTransform.ts';

// the cases of transforms/ts/<id>/fixtures (input bytes and params), 'mini-client' first
const casesOf = (id: string) =>
  listFixtureCases(id)
    .filter((c) => !c.unchanged)
    .map((c) => ({ name: c.caseName, files: readTreeDir(path.join(c.dir, 'input')), params: c.params }))
    .sort((a, b) => Number(b.name === 'mini-client') - Number(a.name === 'mini-client'));
const move = { ...moveModule, fixtures: casesOf('ts/move-to-runtime') };
const rewrite = { ...rewriteModule, fixtures: casesOf('ts/rewrite-imports') };
const federate = { ...federateModule, fixtures: casesOf('ts/federate-imports') };

const text = (files: Map<string, Buffer>, p: string) => files.get(p)!.toString('utf8');

describe('ts/move-to-runtime cases', () => {
  const [full] = move.fixtures;
  const after = step(treeOf(full!.files), move.transform, full!.params);
  const files = snapshotOf(after.tree);

  it('keeps alias, extension and quote style of every specifier', () => {
    const a = text(files, 'client/src/entries/a.ts');
    expect(a).toContain("import { buildTags } from '@app/runtime/tags.js';");
    expect(a).toContain("import type { Tag } from '../runtime/tags.js';");
    expect(a).toContain("import ids from '../runtime/ids.js';");
    expect(a).toContain("import { onlyA } from '../lib/only-a.js';"); // specific: stays
    const b = text(files, 'client/src/entries/b.ts');
    expect(b).toContain('import * as tags from "../runtime/tags";');
    expect(b).toContain('import { idOf } from "@app/runtime/ids";');
    expect(text(files, 'client/src/runtime/chain.ts')).toContain("export * from './barrel.js';");
    expect(text(files, 'client/src/legacy/tool.js')).toContain("require('../runtime/tags.js')");
  });

  it('moves a file with BOM + CRLF byte for byte', () => {
    expect(files.get('client/src/runtime/reply.ts')!.equals(Buffer.from(full!.files['client/src/lib/reply.ts'] as Buffer))).toBe(true);
  });

  it('extracts identical copies in place and leaves the near-duplicate alone', () => {
    expect(text(files, 'client/src/runtime/retry.ts')).toMatch(/\/\*\* Retries with backoff \(copied\)\. \*\/\nexport async function retry</);
    expect(text(files, 'client/src/entries/b.ts')).toContain('import { retry } from "../runtime/retry.js";\r\n');
    for (const e of ['a', 'b']) expect(text(files, `client/src/entries/${e}.ts`)).toContain('function label(');
  });

  it('refuses to merge a near-duplicate (TS-011)', () => {
    const params = {
      clientRoot: 'client',
      tsconfig: 'client/tsconfig.json',
      helpers: [{ name: 'label', to: 'client/src/runtime/label.ts', files: ['client/src/entries/a.ts', 'client/src/entries/b.ts'] }],
    };
    let error: unknown;
    try {
      step(treeOf(full!.files), move.transform, params);
    } catch (e) {
      error = e;
    }
    expect(isMigrateError(error) && error.code).toBe('TS-011');
    expect(isMigrateError(error) && error.location).toMatchObject({ file: 'client/src/entries/b.ts', line: 20 });
  });
});

describe('ts/rewrite-imports cases', () => {
  const [fx] = rewrite.fixtures;
  const { tree, notes } = step(treeOf(fx!.files), rewrite.transform, fx!.params);
  const files = snapshotOf(tree);

  it('points named deep imports at the runtime entry, style kept', () => {
    expect(text(files, 'client/src/entries/a.ts')).toContain("import { buildTags } from '@app/lib/index.js';");
    expect(text(files, 'client/src/entries/a.ts')).toContain("import type { Tag } from '../lib/index.js';");
    expect(text(files, 'client/src/entries/b.ts')).toContain('import { idOf } from "@app/lib/index";');
    expect(text(files, 'client/src/lib/index.ts')).toContain("export * from './chain.js';");
  });

  it('keeps and reports what it cannot invert exactly', () => {
    expect(text(files, 'client/src/entries/b.ts')).toContain('import { parseReply } from "../lib/chain.js";');
    expect(text(files, 'client/src/entries/a.ts')).toContain("import ids from '../lib/ids.js';");
    expect(notes.join('\n')).toMatch(/kept '..\/lib\/chain.js'/);
    expect(notes.join('\n')).toMatch(/kept require '..\/lib\/tags.js'/);
  });
});

describe('ts/federate-imports cases', () => {
  const [fx] = federate.fixtures;
  const files = snapshotOf(step(treeOf(fx!.files), federate.transform, fx!.params).tree);

  it('routes value imports through loadShared with a static fallback', () => {
    const a = text(files, 'client/src/entries/a.ts');
    expect(a).toContain(
      "import { loadShared } from '../lib/federation.js';\nimport * as shared$tags from '@app/lib/tags.js';\nconst { buildTags } = await loadShared('tags', shared$tags);",
    );
    expect(a).toContain("const ids = (await loadShared('ids', shared$ids)).default;");
    expect(a).toContain("const { idOf: lookup } = await loadShared('ids', shared$ids);");
    expect(a).toContain("import type { Tag } from '../lib/tags.js';");
    const b = text(files, 'client/src/entries/b.ts');
    expect(b).toContain('import * as tags from "../lib/tags";'); // namespace: kept static
    expect(b).toContain("import { type Tag, buildTags as bt } from '../lib/tags.js';"); // mixed type: kept
    expect(b).toContain('const { parseReply } = await loadShared("chain", shared$chain);\r\n');
    expect(text(files, 'client/src/lib/federation.ts')).toContain("mode === 'federated'");
  });
});

describe('ts/move-to-runtime per real-code case', () => {
  const expected: Record<string, [string, string][]> = {
    'paths-alias': [
      ['client/src/entries/a.ts', "from '@app/runtime/util.js'"],
      ['client/src/entries/b.ts', 'from "@app/runtime/util"'],
    ],
    'reexport-chain': [
      ['client/src/runtime/mid.ts', "from './util.js'"],
      ['client/src/entries/b.ts', "from '../runtime/mid.js'"],
    ],
    'type-only': [
      ['client/src/entries/a.ts', "import type { U } from '../runtime/util.js'"],
      ['client/src/entries/b.ts', "import { type U, util } from '../runtime/util.js'"],
    ],
    'default-namespace': [
      ['client/src/entries/a.ts', "import util from '../runtime/util.js'"],
      ['client/src/entries/b.ts', "import * as lib from '../runtime/util.js'"],
    ],
    'esm-js-specifiers': [['client/src/entries/b.ts', "from '../runtime/util.ts'"]],
    'commonjs-require': [['client/src/legacy/tool.js', "require('../runtime/util.js')"]],
    'crlf-bom': [['client/src/entries/a.ts', "\uFEFFimport { util } from '../runtime/util.js';\r\n"]],
    'near-duplicate': [
      ['client/src/entries/a.ts', "import { pad } from '../runtime/pad.js';\n\nfunction padZero("],
      ['client/src/entries/b.ts', "'-').slice"],
      ['client/src/runtime/pad.ts', 'export function pad('],
    ],
  };
  it.each(Object.entries(expected))('%s', (name, checks) => {
    const fx = move.fixtures.find((f) => f.name === name)!;
    const files = snapshotOf(step(treeOf(fx.files), move.transform, fx.params).tree);
    for (const [file, needle] of checks) expect(text(files, file), file).toContain(needle);
  });
});
