// Inline blocks (whole lines of top-level statements) for lua/extract-inline-duplicate: their
// text, and the file locals they use ("binds"), which the extracted module receives as
// parameters and hands back, so the block keeps reading and assigning the same variables.
import { MigrateError } from '../../../src/errors.ts';
import { walkLua, type LuaNode } from '../../../src/parse/luaAst.ts';
import { sha256 } from '../../../src/hash.ts';

export interface BlockSpan {
  /** 1-based first and last line (whole lines, final newline of the last one included). */
  startLine: number;
  endLine: number;
}

export function lineOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

export function blockRange(text: string, span: BlockSpan): [number, number] {
  const starts = lineOffsets(text);
  if (span.startLine < 1 || span.endLine < span.startLine || span.endLine > starts.length) {
    throw new MigrateError('PLAN-210', `lines ${span.startLine}-${span.endLine} are outside the file`);
  }
  return [starts[span.startLine - 1]!, span.endLine < starts.length ? starts[span.endLine]! : text.length];
}

const hashOf = (s: string): string => sha256(Buffer.from(s, 'latin1'));

/**
 * The block's range: its lines, or, when a `sha256` is given and those lines no longer hold
 * it (an earlier step shifted them), the run of whole-line top-level statements that does.
 */
export function locateBlock(text: string, chunk: LuaNode, span: BlockSpan & { sha256?: string; file?: string }): [number, number] {
  const starts = lineOffsets(text);
  if (span.endLine <= starts.length && span.startLine >= 1 && span.endLine >= span.startLine) {
    const r = blockRange(text, span);
    if (!span.sha256 || hashOf(text.slice(r[0], r[1])) === span.sha256) return r;
  } else if (!span.sha256) {
    return blockRange(text, span);
  }
  const lineStart = (o: number) => text.lastIndexOf('\n', o - 1) + 1;
  const lineEnd = (o: number) => {
    const nl = text.indexOf('\n', o);
    return nl < 0 ? text.length : nl + 1;
  };
  const body = chunk.body as LuaNode[];
  for (let i = 0; i < body.length; i++) {
    for (let j = i; j < Math.min(body.length, i + 10); j++) {
      const r: [number, number] = [lineStart(body[i]!.range[0]), lineEnd(body[j]!.range[1] - 1)];
      if (hashOf(text.slice(r[0], r[1])) === span.sha256) return r;
    }
  }
  throw new MigrateError('PLAN-217', `the block planned at lines ${span.startLine}-${span.endLine} is no longer in the file`, {
    location: { file: span.file ?? '?', line: span.startLine },
    hint: 're-run `migrate plan`: the file changed since the plan was made',
  });
}

/** Top-level statements fully inside [start, end); throws if the range cuts a statement. */
export function statementsIn(chunk: LuaNode, start: number, end: number, file: string): LuaNode[] {
  const body = chunk.body as LuaNode[];
  const inside = body.filter((s) => s.range[0] >= start && s.range[1] <= end);
  const cut = body.find((s) => s.range[0] < end && s.range[1] > start && !inside.includes(s));
  if (cut || !inside.length) {
    throw new MigrateError('PLAN-211', `the block does not consist of whole top-level statements`, {
      location: { file, line: cut?.loc?.start.line },
      hint: 'choose line ranges that start and end on statement boundaries',
    });
  }
  return inside;
}

/** File locals the statements use but do not declare (sorted); refuses blocks that cannot move. */
export function bindsOf(statements: LuaNode[], file: string): string[] {
  const declared = new Set<string>();
  const used = new Set<string>();
  for (const st of statements) {
    walkLua(st, (n) => {
      const refuse = (what: string) => {
        throw new MigrateError('PLAN-212', `the block uses ${what}, which cannot move into a module`, { location: { file, line: n.loc?.start.line } });
      };
      if (n.type === 'VarargLiteral') refuse('`...`');
      if (n.type === 'GotoStatement' || n.type === 'LabelStatement') refuse('goto/labels');
      if (n.type === 'ReturnStatement' && statements.includes(n)) refuse('a top-level return');
      if (n.type === 'LocalStatement' || n.type === 'ForGenericStatement') for (const v of n.variables as LuaNode[]) declared.add(v.name as string);
      if (n.type === 'ForNumericStatement') declared.add((n.variable as LuaNode).name as string);
      if (n.type === 'FunctionDeclaration') {
        for (const p of n.parameters as LuaNode[]) if (p.type === 'Identifier') declared.add(p.name as string);
        if (n.isLocal && n.identifier) declared.add((n.identifier as LuaNode).name as string);
      }
      if (n.type === 'Identifier' && n.isLocal === true) used.add(n.name as string);
    });
  }
  const binds = [...used].filter((u) => !declared.has(u)).sort();
  return binds;
}
