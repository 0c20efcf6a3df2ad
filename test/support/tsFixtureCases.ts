// One small fixture project per real-code case the TS codemods must handle (the miniature
// client in tsFixtures.ts has them all at once). Each has two entries sharing lib/util.ts.
const TSCONFIG = '{ "compilerOptions": { "strict": true, "baseUrl": ".", "paths": { "@app/*": ["src/*"] } } }\n';
const UTIL = "/** Shared: upper-cases a tag value. */\nexport function util(v: string): string {\n  return v.toUpperCase();\n}\nexport type U = { v: string };\nexport default util;\n";
const entry = (imports: string, use = 'util') => `${imports}\n\nexport function run(): string {\n  return ${use}('x');\n}\n`;
const crlfBom = (s: string) => Buffer.from(`\uFEFF${s.replace(/\n/g, '\r\n').replace(/\r\n$/, '')}`, 'utf8');
const helper = (lit: string) => `function pad(v: string, width = 8): string {\n  return v.padStart(width, '${lit}').slice(0, width);\n}\n`;

export interface FixtureCase {
  name: string;
  files: Record<string, string | Buffer>;
  /** Lib modules shared by the entries (moved / re-exported / federated). */
  modules: string[];
  /** Identical helper copies to extract, if any. */
  helpers: { name: string; files: string[] }[];
}

const A = 'client/src/entries/a.ts';
const B = 'client/src/entries/b.ts';
const base = (a: string | Buffer, b: string | Buffer, extra: Record<string, string | Buffer> = {}): Record<string, string | Buffer> => ({
  'client/tsconfig.json': TSCONFIG,
  'client/src/lib/util.ts': UTIL,
  [A]: a,
  [B]: b,
  ...extra,
});
const UTIL_ONLY = ['client/src/lib/util.ts'];

export const fixtureCases: FixtureCase[] = [
  { name: 'paths-alias', files: base(entry("import { util } from '@app/lib/util.js';"), entry('import { util } from "@app/lib/util";')), modules: UTIL_ONLY, helpers: [] },
  {
    name: 'reexport-chain',
    files: base(entry("import { util } from '../lib/all.js';"), entry("import { util } from '../lib/mid.js';"), {
      'client/src/lib/all.ts': "export * from './mid.js';\n",
      'client/src/lib/mid.ts': "export { util, type U } from './util.js';\n",
    }),
    modules: ['client/src/lib/all.ts', 'client/src/lib/mid.ts', 'client/src/lib/util.ts'],
    helpers: [],
  },
  {
    name: 'type-only',
    files: base(entry("import type { U } from '../lib/util.js';\nimport { util } from '../lib/util.js';\nexport type V = U;"), entry("import { type U, util } from '../lib/util.js';\nexport type V = U;")),
    modules: UTIL_ONLY,
    helpers: [],
  },
  { name: 'default-namespace', files: base(entry("import util from '../lib/util.js';"), entry("import * as lib from '../lib/util.js';", 'lib.util')), modules: UTIL_ONLY, helpers: [] },
  { name: 'esm-js-specifiers', files: base(entry("import { util } from '../lib/util.js';"), entry("import { util } from '../lib/util.ts';")), modules: UTIL_ONLY, helpers: [] },
  {
    name: 'commonjs-require',
    files: base(entry("import { util } from '../lib/util.js';"), entry("import { util } from '../lib/util';"), {
      'client/src/legacy/tool.js': "'use strict';\nconst { util } = require('../lib/util.js');\nmodule.exports = { shout: (v) => util(v) };\n",
    }),
    modules: UTIL_ONLY,
    helpers: [],
  },
  { name: 'crlf-bom', files: base(crlfBom(entry("import { util } from '../lib/util.js';")), crlfBom(entry("import { util } from '../lib/util.js';"))), modules: UTIL_ONLY, helpers: [] },
  {
    name: 'near-duplicate',
    files: base(entry(`import { util } from '../lib/util.js';\n\n${helper(' ')}\n${helper('0').replace('pad(', 'padZero(')}`), entry(`import { util } from '../lib/util.js';\n\n${helper(' ')}\n${helper('-').replace('pad(', 'padZero(')}`)),
    modules: UTIL_ONLY,
    // pad is identical in both; padZero differs by one literal: reported, never merged.
    helpers: [{ name: 'pad', files: [A, B] }],
  },
];
