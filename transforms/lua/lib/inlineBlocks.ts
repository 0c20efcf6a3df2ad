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
  for (const st of statements) {
    walkLua(st, (n) => {
      const refuse = (what: string) => {
        throw new MigrateError('PLAN-212', `the block uses ${what}, which cannot move into a module`, { location: { file, line: n.loc?.start.line } });
      };
      if (n.type === 'VarargLiteral') refuse('`...`');
      if (n.type === 'GotoStatement' || n.type === 'LabelStatement') refuse('goto/labels');
      if (n.type === 'ReturnStatement' && statements.includes(n)) refuse('a top-level return');
    });
  }
  return [...localsFromOutside(statements)].sort();
}

const isNode = (v: unknown): v is LuaNode => !!v && typeof v === 'object' && typeof (v as LuaNode).type === 'string';

/**
 * The locals `statements` read that are declared outside them, by Lua's scoping rules: a
 * `local x = x.y` reads the outer x (a local is in scope only after its statement), a local
 * ends with its block, `local function f` sees itself, a repeat's condition sees its body. A
 * name declared somewhere in the block can still be an outer local where it is read.
 */
function localsFromOutside(statements: LuaNode[]): Set<string> {
  const out = new Set<string>();
  const scopes: Set<string>[] = [];
  const inScope = (name: string) => scopes.some((s) => s.has(name));
  const declare = (name: string) => scopes[scopes.length - 1]!.add(name);
  const block = (body: LuaNode[], before: string[] = [], after?: LuaNode) => {
    scopes.push(new Set(before));
    for (const st of body) visit(st);
    if (after) visit(after);
    scopes.pop();
  };
  const visit = (n: LuaNode): void => {
    switch (n.type) {
      case 'Identifier':
        if (n.isLocal === true && !inScope(n.name as string)) out.add(n.name as string);
        return;
      case 'LocalStatement':
        for (const e of (n.init as LuaNode[]) ?? []) visit(e);
        for (const v of n.variables as LuaNode[]) declare(v.name as string);
        return;
      case 'FunctionDeclaration': {
        const id = n.identifier as LuaNode | null;
        if (id && n.isLocal) declare(id.name as string);
        else if (id) visit(id);
        const params = (n.parameters as LuaNode[]).filter((p) => p.type === 'Identifier').map((p) => p.name as string);
        return block(n.body as LuaNode[], params);
      }
      case 'ForNumericStatement':
        for (const e of [n.start, n.end, n.step]) if (isNode(e)) visit(e);
        return block(n.body as LuaNode[], [(n.variable as LuaNode).name as string]);
      case 'ForGenericStatement':
        for (const e of n.iterators as LuaNode[]) visit(e);
        return block(
          n.body as LuaNode[],
          (n.variables as LuaNode[]).map((v) => v.name as string),
        );
      case 'RepeatStatement':
        return block(n.body as LuaNode[], [], n.condition as LuaNode);
      case 'MemberExpression':
        return visit(n.base as LuaNode);
      case 'TableKeyString':
        return visit(n.value as LuaNode);
      default:
        for (const [key, v] of Object.entries(n)) {
          if (key === 'loc' || key === 'range') continue;
          if (key === 'body' && Array.isArray(v)) block(v as LuaNode[]);
          else if (Array.isArray(v)) {
            for (const x of v) if (isNode(x)) visit(x);
          } else if (isNode(v)) visit(v);
        }
    }
  };
  block(statements);
  return out;
}
