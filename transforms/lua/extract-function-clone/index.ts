// lua/extract-function-clone: a type-1 function clone (the same top-level function, same
// parameters and body, in several modules) becomes one runtime helper module; each copy
// becomes a binding that keeps its name and behaviour:
//   local function f(t) ... end  ->  local f = require("runtime.helpers.f").f
//   function M.f(t) ... end      ->  M.f = require("runtime.helpers.f").f
// Functions that close over file locals (upvalues) are refused: moved, they would see others.
// Near clones (similar, not identical) are merged only by a decision (acceptDifferences: the
// first site's text wins, a behaviour change the plan states); each differing site carries its
// own text (`tail`) in the params, so the inverse gives every site its own bytes back.
import { z } from 'zod';
import { MigrateError } from '../../../src/errors.ts';
import type { Transform } from '../../../src/transform/types.ts';
import { applyTextEdits, decodeLua, encodeLua, eolOf, parseLuaOrThrow } from '../../../src/parse/luaSource.ts';
import { asNode } from '../../../src/parse/luaAst.ts';
import { pathForModule, runtimePrefix } from '../lib/luaProject.ts';
import { resolveModule } from '../../../src/graph/resolveRequire.ts';
import { functionUnits, type FunctionUnit } from '../lib/functionClones.ts';

const paramsSchema = z.object({
  /** Helper module name inside the runtime namespace, e.g. `helpers.deep-copy`. */
  module: z.string().regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/),
  /** The exported name in the helper module. */
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
  /** Each copy: file and declared target (`f` for `local function f`, `M.f` for `function M.f`). */
  sites: z
    .array(
      z.object({
        file: z.string(),
        target: z.string(),
        /** The site's own text from its parameter list to `end`, when it differs from the first site's. */
        tail: z.string().optional(),
      }),
    )
    .min(2),
  /** Merge differing copies into the first site's text (only a decision sets it). */
  acceptDifferences: z.boolean().default(false),
});
type Params = z.output<typeof paramsSchema>;

const HEADER = '-- extracted by lua/extract-function-clone';

const bindingOf = (u: Pick<FunctionUnit, 'kind' | 'target'>, req: string, name: string): string =>
  `${u.kind === 'local' ? 'local ' : ''}${u.target} = require("${req}").${name}`;

const declarationOf = (u: Pick<FunctionUnit, 'kind' | 'target'>, tail: string): string => `${u.kind === 'local' ? 'local ' : ''}function ${u.target}${tail}`;

function moduleText(name: string, tail: string, eol: string): string {
  return `${HEADER}${eol}local H = {}${eol}local function ${name}${tail}${eol}H.${name} = ${name}${eol}return H${eol}`;
}

export const transform: Transform<Params> = {
  id: 'lua/extract-function-clone',
  language: 'lua',
  description: 'Moves identical copies of a function (or, by a decision, near copies) into one runtime helper module and binds each copy to it.',
  params: paramsSchema as unknown as z.ZodType<Params>,
  apply(tree, params, ctx) {
    const req = `${runtimePrefix(ctx.config)}${params.module}`;
    if (resolveModule(ctx.config, tree, req)) return; // applied already
    const found = params.sites.map((s) => {
      const bytes = tree.read(s.file);
      if (!bytes) throw new MigrateError('PLAN-220', `${s.file} does not exist`, { location: { file: s.file } });
      const { text, bom, ast: chunk } = parseLuaOrThrow(bytes, s.file);
      const ast = asNode(chunk);
      const unit = functionUnits(ast, text).find((u) => u.target === s.target);
      if (!unit) throw new MigrateError('PLAN-221', `no top-level function ${s.target} in ${s.file}`, { location: { file: s.file } });
      if (unit.freeLocals.length) {
        throw new MigrateError('PLAN-222', `${s.target} in ${s.file} uses file locals (${unit.freeLocals.join(', ')})`, {
          location: { file: s.file },
          hint: 'only functions that read no upvalues can move into a helper module',
        });
      }
      return { ...s, text, bom, unit };
    });
    const first = found[0]!;
    for (const f of found) {
      if (f.tail !== undefined && f.tail !== f.unit.tail) {
        throw new MigrateError('PLAN-228', `${f.target} in ${f.file} is not the text the plan recorded for it`, {
          location: { file: f.file },
          hint: "the file changed since the plan was made: run 'migrate plan' again",
        });
      }
      if (f === first || f.unit.tail === first.unit.tail) continue;
      if (!params.acceptDifferences) {
        throw new MigrateError('PLAN-223', `${f.target} in ${f.file} is not an identical copy of ${first.target} in ${first.file}`, {
          location: { file: f.file },
          hint: 'only type-1 clones (same parameters and body) are extracted automatically; a decision step (migrate decide) can accept the difference',
        });
      }
      if (f.tail === undefined) {
        throw new MigrateError('PLAN-227', `${f.target} in ${f.file} differs from ${first.target} in ${first.file} but the step does not hold its own text`, {
          location: { file: f.file },
          hint: "without it the inverse could not restore the site: run 'migrate plan' again",
        });
      }
    }
    if (first.unit.kind === 'local' && first.unit.tail.includes(first.unit.name) && first.unit.name !== params.name) {
      throw new MigrateError('PLAN-224', `${first.target} refers to itself: export it under its own name`, { hint: `set name to "${first.unit.name}"` });
    }
    tree.write(pathForModule(ctx.config, req), moduleText(params.name, first.unit.tail, eolOf(first.text)));
    for (const f of found) {
      const edit = { start: f.unit.range[0], end: f.unit.range[1], text: bindingOf(f.unit, req, params.name) };
      tree.write(f.file, encodeLua(applyTextEdits(f.text, [edit]), f.bom));
    }
    ctx.report(`${found.length} copies of ${params.name} now bound to ${req}`);
  },
  inverse(tree, params, ctx) {
    const req = `${runtimePrefix(ctx.config)}${params.module}`;
    const at = resolveModule(ctx.config, tree, req);
    if (!at) return;
    const mod = tree.read(at)!.toString('latin1');
    const open = `local function ${params.name}`;
    const start = mod.indexOf(open);
    const end = mod.lastIndexOf(`H.${params.name} = ${params.name}`);
    if (start < 0 || end < 0) throw new MigrateError('PLAN-225', `${at} is not a module written by lua/extract-function-clone`, { location: { file: at } });
    const tail = mod.slice(start + open.length, end).replace(/\r?\n$/, '');
    for (const s of params.sites) {
      const bytes = tree.read(s.file);
      if (!bytes) continue;
      const { text, bom } = decodeLua(bytes);
      const kind = s.target.includes('.') ? 'member' : 'local';
      const binding = bindingOf({ kind, target: s.target }, req, params.name);
      const i = text.indexOf(binding);
      if (i < 0) continue;
      tree.write(s.file, encodeLua(text.slice(0, i) + declarationOf({ kind, target: s.target }, s.tail ?? tail) + text.slice(i + binding.length), bom));
    }
    tree.delete(at);
  },
};
