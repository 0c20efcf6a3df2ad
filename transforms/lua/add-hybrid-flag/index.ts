// lua/add-hybrid-flag: puts the mode-flag line (docs/architecture.md) at the top of a process
// entry, after a shebang and the leading comment block, in the file's own line ending. The
// global FEDERATION_MODE can be set by an Eval, the On-Boot data or the spawn tag
// Federation-Mode, so falling back to the bundled copies needs no redeploy. When the entry
// requires the loader module first (federate-requires puts that line after the header), the
// flag goes after it: the flag reads `Federation`, which that require defines.
import { z } from 'zod';
import type { Transform } from '../../../src/transform/types.ts';
import { MigrateError } from '../../../src/errors.ts';
import { decodeLua, encodeLua, eolOf } from '../../../src/parse/luaSource.ts';
import { processHome } from '../lib/luaProject.ts';
import { loaderRequireLine } from '../../../src/bundle/loaderModule.ts';

export const FLAG_MARKER =
  '-- ao-federate: mode flag (monolith | hybrid | federated); set FEDERATION_MODE by Eval, On-Boot data or the spawn tag Federation-Mode';
export const FLAG_LINE = 'FEDERATION_MODE = FEDERATION_MODE or Federation.spawnMode() or Federation.buildMode or "hybrid"';

const paramsSchema = z.object({ process: z.string().min(1) });
type Params = z.infer<typeof paramsSchema>;

/** Offset after the shebang and the leading run of comment lines (`--` or `--[[ ... ]]`). */
export function headerEnd(text: string): number {
  let pos = 0;
  if (text.startsWith('#')) pos = lineEnd(text, 0);
  for (;;) {
    const rest = text.slice(pos);
    const long = /^--\[(=*)\[/.exec(rest);
    if (long) {
      const close = rest.indexOf(`]${long[1]}]`);
      if (close < 0) return pos;
      pos = lineEnd(text, pos + close);
    } else if (rest.startsWith('--')) {
      pos = lineEnd(text, pos);
    } else {
      return pos;
    }
  }
}

/** Offset just after the newline ending the line that contains `from` (or the text end). */
function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl + 1;
}

function entryOf(params: Params, config: Parameters<typeof processHome>[0]): string {
  try {
    return processHome(config, params.process).entry;
  } catch {
    throw new MigrateError('PLAN-204', `unknown process ${params.process}`, { hint: `one of: ${config.processes.map((p) => p.name).join(', ')}` });
  }
}

export const transform: Transform<Params> = {
  id: 'lua/add-hybrid-flag',
  language: 'lua',
  description: 'Adds the federation mode flag (monolith | hybrid | federated) at the top of a process entry.',
  params: paramsSchema,
  apply(tree, params, ctx) {
    const entry = entryOf(params, ctx.config);
    const bytes = tree.read(entry);
    if (!bytes) throw new MigrateError('PLAN-205', `entry ${entry} is missing`, { location: { file: entry } });
    const { text, bom } = decodeLua(bytes);
    if (text.includes(FLAG_MARKER)) return;
    const eol = eolOf(text);
    let at = headerEnd(text);
    const loaderLine = `${loaderRequireLine(ctx.config)}${eol}`;
    if (text.startsWith(loaderLine, at)) at += loaderLine.length;
    // A file that is only comments with no final newline: put the flag before its last
    // line rather than invent a newline (which the inverse could not tell from a real one).
    if (at === text.length && at > 0 && !text.endsWith('\n')) at = text.lastIndexOf('\n') + 1;
    const block = `${FLAG_MARKER}${eol}${FLAG_LINE}${eol}`;
    tree.write(entry, encodeLua(text.slice(0, at) + block + text.slice(at), bom));
    ctx.report(`${params.process}: mode flag added to ${entry}`);
  },
  inverse(tree, params, ctx) {
    const entry = entryOf(params, ctx.config);
    const bytes = tree.read(entry);
    if (!bytes) return;
    const { text, bom } = decodeLua(bytes);
    const start = text.indexOf(FLAG_MARKER);
    if (start < 0) return;
    const eol = eolOf(text);
    const block = `${FLAG_MARKER}${eol}${FLAG_LINE}${eol}`;
    if (!text.startsWith(block, start)) return;
    tree.write(entry, encodeLua(text.slice(0, start) + text.slice(start + block.length), bom));
  },
};
