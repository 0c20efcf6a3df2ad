// lua/extract-inline-duplicate: identical inline blocks (whole top-level statements at given
// lines in several files, e.g. a JSON fallback in every entry) become one runtime module.
// The module is a function of the file locals the block uses ("binds") returning them, and
// each block becomes one line, so the block still reads and assigns the same variables:
//   json, ok = require("runtime.inline.json-fallback")(json, ok)
// Copies must be identical; a differing copy is merged only by a decision (acceptDifferences,
// the first block's text wins: a behaviour change the plan states).
import { z } from 'zod';
import { MigrateError } from '../../../src/errors.ts';
import type { Transform } from '../../../src/transform/types.ts';
import { applyTextEdits, decodeLua, encodeLua, eolOf, parseLuaOrThrow } from '../../../src/parse/luaSource.ts';
import { asNode } from '../../../src/parse/luaAst.ts';
import { pathForModule, runtimePrefix } from '../lib/luaProject.ts';
import { resolveModule } from '../../../src/graph/resolveRequire.ts';
import { bindsOf, locateBlock, statementsIn } from '../lib/inlineBlocks.ts';

const paramsSchema = z.object({
  /** Module name inside the runtime namespace, e.g. `inline.json-fallback`. */
  module: z.string().regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/),
  blocks: z
    .array(
      z.object({
        file: z.string(),
        startLine: z.number().int().min(1),
        endLine: z.number().int().min(1),
        /** sha256 of the block's text: when earlier steps shifted the lines, the block is found by it. */
        sha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .optional(),
      }),
    )
    .min(2),
  acceptDifferences: z.boolean().default(false),
});
type Params = z.output<typeof paramsSchema>;

const HEADER = "-- extracted by lua/extract-inline-duplicate; the block runs with the caller's locals passed in and returned";

function moduleText(block: string, binds: string[], eol: string): string {
  const list = binds.join(', ');
  const body = block.endsWith('\n') ? block : `${block}${eol}`;
  return `${HEADER}${eol}return function(${list})${eol}${body}return ${list}${eol}end${eol}`;
}

function callLine(params: Params, binds: string[], ns: string): string {
  const list = binds.join(', ');
  return `${list} = require("${ns}${params.module}")(${list})`;
}

export const transform: Transform<Params> = {
  id: 'lua/extract-inline-duplicate',
  language: 'lua',
  description: 'Extracts identical inline blocks of several files into one runtime module.',
  params: paramsSchema as unknown as z.ZodType<Params>,
  apply(tree, params, ctx) {
    const ns = runtimePrefix(ctx.config);
    const target = pathForModule(ctx.config, `${ns}${params.module}`);
    if (resolveModule(ctx.config, tree, `${ns}${params.module}`)) return; // applied already
    const blocks = params.blocks.map((b) => {
      const bytes = tree.read(b.file);
      if (!bytes) throw new MigrateError('PLAN-213', `${b.file} does not exist`, { location: { file: b.file } });
      const { text, bom, ast: chunk } = parseLuaOrThrow(bytes, b.file);
      const ast = asNode(chunk);
      const [start, end] = locateBlock(text, ast, b);
      const binds = bindsOf(statementsIn(ast, start, end, b.file), b.file);
      return { ...b, text, bom, start, end, block: text.slice(start, end), binds };
    });
    const first = blocks[0]!;
    for (const b of blocks.slice(1)) {
      const same = b.block === first.block && b.binds.join() === first.binds.join();
      if (!same && !params.acceptDifferences) {
        throw new MigrateError('PLAN-214', `the block at ${b.file}:${b.startLine} differs from ${first.file}:${first.startLine}`, {
          location: { file: b.file, line: b.startLine },
          hint: 'only identical blocks are extracted automatically; a decision step can accept the difference',
        });
      }
    }
    if (!first.binds.length) {
      throw new MigrateError('PLAN-215', `the block at ${first.file}:${first.startLine} uses no file local`, {
        hint: 'a block without effect on its file can simply be required',
      });
    }
    const eol = eolOf(first.block);
    tree.write(target, moduleText(first.block, first.binds, eol));
    for (const b of blocks) {
      const nl = b.block.endsWith('\r\n') ? '\r\n' : b.block.endsWith('\n') ? '\n' : '';
      const line = `${callLine(params, first.binds, ns)}${nl}`;
      tree.write(b.file, encodeLua(applyTextEdits(b.text, [{ start: b.start, end: b.end, text: line }]), b.bom));
    }
    ctx.report(`extracted ${blocks.length} identical block(s) into ${target}`);
  },
  inverse(tree, params, ctx) {
    const ns = runtimePrefix(ctx.config);
    const target = resolveModule(ctx.config, tree, `${ns}${params.module}`);
    if (!target) return;
    const mod = tree.read(target)!.toString('latin1');
    const m = /^[^\n]*\n(return function\(([^)]*)\)\r?\n)([\s\S]*)return [^\n]*\n?end\r?\n$/.exec(mod);
    if (!m) throw new MigrateError('PLAN-216', `${target} is not a module written by lua/extract-inline-duplicate`, { location: { file: target } });
    const binds = m[2]!.split(', ').filter(Boolean);
    const block = m[3]!;
    const call = callLine(params, binds, ns);
    for (const b of params.blocks) {
      const bytes = tree.read(b.file);
      if (!bytes) continue;
      const { text, bom } = decodeLua(bytes);
      const at = text.indexOf(call);
      if (at < 0) continue;
      let end = at + call.length;
      end += text.startsWith('\r\n', end) ? 2 : text.startsWith('\n', end) ? 1 : 0;
      const restored = end === at + call.length ? block.replace(/\r?\n$/, '') : block;
      tree.write(b.file, encodeLua(text.slice(0, at) + restored + text.slice(end), bom));
    }
    tree.delete(target);
  },
};
