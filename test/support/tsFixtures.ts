// Fixtures of the TS transforms (`export const fixtures` of each transforms/ts/*.ts): a
// miniature client holding every real-code case the codemods must handle: tsconfig `paths`
// aliases, `export *` and re-export chains, type-only imports (statement and inline), default
// and namespace imports, ESM `.js` and extensionless specifiers, CommonJS `require` in a .js
// file, a CRLF + BOM file without a final newline, an identical helper copy pair and a
// one-literal near-duplicate (reported, never merged).
const RETRY = [
  '/** Retries with backoff (copied). */',
  'async function retry<T>(op: () => Promise<T>, tries = 2): Promise<T> {',
  '  let last: unknown;',
  '  for (let i = 0; i <= tries; i++) {',
  '    try {',
  '      return await op();',
  '    } catch (e) {',
  '      last = e;',
  '    }',
  '  }',
  '  throw last;',
  '}',
];

const crlfBom = (lines: string[], finalNewline: boolean): Buffer =>
  Buffer.from('\uFEFF' + lines.join('\r\n') + (finalNewline ? '\r\n' : ''), 'utf8');

/** The miniature client's files (project-relative, under `client/`). */
export function miniClientFiles(): Record<string, string | Buffer> {
  return {
    'client/tsconfig.json': '{\n  // comments are allowed here\n  "compilerOptions": { "strict": true, "baseUrl": ".", "paths": { "@app/*": ["src/*"] } }\n}\n',
    'client/src/lib/tags.ts': [
      "// Tag building.",
      "export type Tag = { name: string; value: string };",
      "export function buildTags(action: string): Tag[] {",
      "  return [{ name: 'Action', value: action }];",
      "}",
      '',
    ].join('\n'),
    'client/src/lib/reply.ts': crlfBom(['// Reply parsing (CRLF + BOM).', 'export function parseReply(data: string): unknown {', '  return JSON.parse(data);', '}'], true),
    'client/src/lib/barrel.ts': "export * from './tags.js';\nexport { parseReply } from \"./reply.js\";\n",
    'client/src/lib/chain.ts': "// a re-export chain: chain -> barrel -> tags\nexport * from './barrel.js';\n",
    'client/src/lib/ids.ts': "const ids = { battle: 'BATTLE-ID', admin: 'ADMIN-ID' };\nexport function idOf(name: 'battle' | 'admin'): string {\n  return ids[name];\n}\nexport default ids;\n",
    'client/src/lib/only-a.ts': "export const onlyA = (): string => 'a';\n",
    'client/src/entries/a.ts': [
      "import { buildTags } from '@app/lib/tags.js';",
      "import type { Tag } from '../lib/tags.js';",
      "import ids from '../lib/ids.js';",
      "import { onlyA } from '../lib/only-a.js';",
      "import { idOf as lookup } from '../lib/ids.js';",
      '',
      ...RETRY,
      '',
      '// near-duplicate of b.ts label(): one literal differs',
      "function label(player = 'ash'): string {",
      "  return `client-a/${player}`.toUpperCase();",
      '}',
      '',
      'export async function run(): Promise<Tag[]> {',
      "  return retry(async () => [...buildTags(ids.battle), { name: label(), value: onlyA() + lookup('admin') }]);",
      '}',
      '',
    ].join('\n'),
    'client/src/entries/b.ts': crlfBom(
      [
        'import * as tags from "../lib/tags";',
        'import { parseReply } from "../lib/chain.js";',
        "import { type Tag, buildTags as bt } from '../lib/tags.js';",
        'import { idOf } from "@app/lib/ids";',
        '',
        ...RETRY,
        '',
        '// near-duplicate of a.ts label(): one literal differs',
        "function label(player = 'ash'): string {",
        "  return `client-b/${player}`.toUpperCase();",
        '}',
        '',
        'export async function run(): Promise<Tag[]> {',
        "  const tagsOut = await retry(async () => [...tags.buildTags(idOf('admin')), ...bt(label())]);",
        "  return parseReply('[]') ? tagsOut : [];",
        '}',
      ],
      false,
    ),
    'client/src/legacy/tool.js': "'use strict';\nconst { buildTags } = require('../lib/tags.js');\nmodule.exports = () => buildTags('HEALTH_CHECK');\n",
  };
}

import { fixtureCases } from './tsFixtureCases.ts';

const SHARED_MODULES = ['tags', 'reply', 'barrel', 'chain', 'ids'];
const base = { clientRoot: 'client', tsconfig: 'client/tsconfig.json' };

export interface TsFixture {
  name: string;
  files: Record<string, string | Buffer>;
  params: Record<string, unknown>;
}

/** Fixtures for one transform (`move-to-runtime`, `rewrite-imports` or `federate-imports`). */
export function tsFixtures(transform: 'move-to-runtime' | 'rewrite-imports' | 'federate-imports'): TsFixture[] {
  const entries = ['client/src/entries/a.ts', 'client/src/entries/b.ts'];
  const cases = [{ name: 'mini-client', files: miniClientFiles(), modules: SHARED_MODULES.map((m) => `client/src/lib/${m}.ts`), helpers: [{ name: 'retry', files: entries }] }, ...fixtureCases];
  if (transform === 'move-to-runtime') {
    return cases.map((c) => ({
      name: c.name,
      files: c.files,
      params: {
        ...base,
        modules: c.modules.map((from) => ({ from, to: from.replace('/lib/', '/runtime/') })),
        helpers: c.helpers.map((h) => ({ ...h, to: `client/src/runtime/${h.name}.ts` })),
      },
    }));
  }
  // The other two run with the lib folder as the runtime folder: the same code paths as after
  // a move, without making one fixture depend on another transform's output.
  if (transform === 'rewrite-imports') return cases.map((c) => ({ name: c.name, files: c.files, params: { ...base, runtimeDir: 'client/src/lib', modules: c.modules } }));
  return cases.map((c) => ({ name: c.name, files: c.files, params: { tsconfig: base.tsconfig, runtimeDir: 'client/src/lib', entries } }));
}
