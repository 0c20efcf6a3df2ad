// The shape of the JSON Data a handler reads, as paths (`playerId`, `ivs.hp`, `pokemon[].level`)
// with what the code tests on each: literals compared with, a type asked for (`type(x) ==
// "number"`, `math.type(x) == "integer"`, tonumber), a length taken. Found by following the
// decoded value through the handler's body: `local d = json.decode(msg.Data)` or any
// `*decode*(msg)` helper; copies (`local r = merge(defaults, deepCopy(d))`), field reads kept in
// locals (`local ivs = d.ivs`), arrays walked with ipairs/pairs (`for _, p in ipairs(d.list)`),
// and calls that pass a decoded value on to a function the resolver finds (its parameter is
// bound to the path; a few levels deep). Scope-insensitive on purpose: a name bound to decoded
// data anywhere in a function is decoded data in that function; handlers are short.
import type { LuaNode } from '../../parse/luaAst.ts';
import { identName as ident, walkLua } from '../../parse/luaAst.ts';
import { constantName, type NamedConstants } from './constants.ts';
import { fieldKey, namesTable, ruleRecords, type RuleRecord } from './records.ts';

export type Scalar = string | number | boolean;

export interface FieldFacts {
  literals: Scalar[];
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'table';
  /** (a `.*` path) The keys the map is read with: a list of names walked (`ivs[stat]` for each stat). */
  keys?: string[];
  /** `#x` taken: a non-empty list or string is wanted. */
  length?: boolean;
  /** Numbers the value is ordered against (`x < 5`, `x >= 100`): boundary values are probed. */
  bounds?: number[];
  /** The code tests whether the value is there (`x == nil`, `x or default`, `if x then`): probed left out too. */
  optional?: boolean;
  /**
   * The value picks an element of a table the process holds that has no keys the code names
   * (`party[to]`, `active.moves[index]`): a position, probed at each (variants.ts).
   */
  position?: boolean;
  /** The value (or, `mapKey`, each key of this map) looks up a record of a rule table (records.ts). */
  rules?: { records: RuleRecord[]; mapKey: boolean };
}

/** Path -> facts. A path ending in `[]` is an array element. */
export type DataShape = Map<string, FieldFacts>;

/** Finds the function (and its scope) a call's callee names, when the closure defines it. */
export type Resolve = (callee: LuaNode, from: LuaNode) => { fn: LuaNode; scope: LuaNode } | undefined;

/** Calls followed into, from the handler (a handler's helpers' helpers). */
const MAX_DEPTH = 7;
const ORDER = new Set(['<', '<=', '>', '>=']);
const COMPARE = new Set(['==', '~=', '<', '<=', '>', '>=']);
const join = (base: string, key: string): string => (base ? `${base}.${key}` : key);

function scalar(n: LuaNode | undefined): Scalar | undefined {
  if (n?.type === 'StringLiteral' || n?.type === 'NumericLiteral' || n?.type === 'BooleanLiteral') return n.value as Scalar;
  if (n?.type === 'UnaryExpression' && n.operator === '-' && (n.argument as LuaNode).type === 'NumericLiteral')
    return -((n.argument as LuaNode).value as number);
  return undefined;
}

const calleeName = (call: LuaNode): string | undefined => {
  const b = call.base as LuaNode;
  return b.type === 'MemberExpression' ? ident(b.identifier as LuaNode) : ident(b);
};

const GENERIC_WALKER = /(encode|serial|stringify|dump|hash|checksum|digest)/i;
const CONVERSION = /^(tonumber|tostring|math\.tointeger|math\.floor|math\.ceil)$/;
const COPYING = /(copy|clone|merge|combine|extend|assign)/i;
const BUILTIN = /^(type|tostring|tonumber|select|next|ipairs|pairs|rawget|rawlen|assert|error|pcall|math\..*|string\..*|table\..*|utf8\..*)$/;
const calleeText = (call: LuaNode): string => {
  const b = call.base as LuaNode;
  return b.type === 'MemberExpression' ? `${ident(b.base as LuaNode) ?? '?'}.${ident(b.identifier as LuaNode)}` : (ident(b) ?? '?');
};

const isMessageArg = (n: LuaNode): boolean =>
  (n.type === 'MemberExpression' && ident(n.identifier as LuaNode) === 'Data') || /^(msg|m|message|Msg)$/.test(ident(n) ?? '');

/** `json.decode(msg.Data)`, `codec.decodeData(msg)`, `pcall(json.decode, msg.Data)`: index of the value among the results. */
export function decodeResult(n: LuaNode): number | undefined {
  if (n.type !== 'CallExpression') return undefined;
  const args = (n.arguments as LuaNode[]) ?? [];
  const name = calleeName(n);
  if (name && /decode/i.test(name) && args.some(isMessageArg)) return 0;
  if (
    name === 'pcall' &&
    args[0]?.type === 'MemberExpression' &&
    /decode/i.test(ident(args[0].identifier as LuaNode) ?? '') &&
    args.slice(1).some(isMessageArg)
  )
    return 1;
  return undefined;
}

/** String keys of the table a name holds in `scope`: `local t = { K = ... }`, `M.t = { K = ... }`, `t.K = ...`, `function t.K`. */
export function tableKeys(scope: LuaNode, name: string): string[] {
  const keys: string[] = [];
  const add = (k: string | undefined) => {
    if (k !== undefined && !keys.includes(k)) keys.push(k);
  };
  const isT = (v: LuaNode | undefined) => v?.type === 'MemberExpression' && ident(v.base as LuaNode) === name;
  walkLua(scope, (n) => {
    if (n.type === 'FunctionDeclaration' && isT(n.identifier as LuaNode)) add(ident((n.identifier as LuaNode).identifier as LuaNode));
    if (n.type !== 'LocalStatement' && n.type !== 'AssignmentStatement') return;
    const vars = (n.variables as LuaNode[]) ?? [];
    ((n.init as LuaNode[]) ?? []).forEach((e, i) => {
      const v = vars[i];
      if (isT(v)) add(ident(v!.identifier as LuaNode));
      // `local t = {...}`, or a module's field `M.t = {...}` read as `M.t[k]`; `K =` and `["a-b"] =` keys
      if (namesTable(v, name) && e.type === 'TableConstructorExpression') for (const f of (e.fields as LuaNode[]) ?? []) add(fieldKey(f));
    });
  });
  return keys;
}

/** The functions a table holds in `scope`: `function t.K(...)`, `t.K = function`, `local t = { K = function }`. */
export function tableFunctions(scope: LuaNode, name: string): LuaNode[] {
  const out: LuaNode[] = [];
  const isT = (v: LuaNode | undefined) => v?.type === 'MemberExpression' && ident(v.base as LuaNode) === name;
  walkLua(scope, (n) => {
    if (n.type === 'FunctionDeclaration' && isT(n.identifier as LuaNode)) out.push(n);
    if (n.type !== 'LocalStatement' && n.type !== 'AssignmentStatement') return;
    const vars = (n.variables as LuaNode[]) ?? [];
    ((n.init as LuaNode[]) ?? []).forEach((e, i) => {
      if (isT(vars[i]) && e.type === 'FunctionDeclaration') out.push(e);
      if (ident(vars[i]) === name && e.type === 'TableConstructorExpression')
        for (const f of (e.fields as LuaNode[]) ?? []) if ((f.value as LuaNode | undefined)?.type === 'FunctionDeclaration') out.push(f.value as LuaNode);
    });
  });
  return out;
}

/** The `id = "..."` strings of the records a module's tables hold (at most 6, in source order). */
export function recordIds(scope: LuaNode): string[] {
  const ids: string[] = [];
  walkLua(scope, (n) => {
    if (ids.length >= 6) return false;
    if (n.type === 'TableKeyString' && ident(n.key as LuaNode) === 'id' && (n.value as LuaNode).type === 'StringLiteral') {
      const v = (n.value as LuaNode).value as string;
      if (!ids.includes(v)) ids.push(v);
    }
  });
  return ids;
}

/** The path a `pairs` key variable of the map at `path` is bound to (never a field itself). */
const KEY_OF = '.#key';

export function facts(shape: DataShape, path: string): FieldFacts {
  if (path.includes('#')) return { literals: [] };
  let f = shape.get(path);
  if (!f) shape.set(path, (f = { literals: [] }));
  return f;
}

/** Collects the Data shape `fn` reads; `env` binds names already known to hold decoded data. */
export function collectDataShape(
  fn: LuaNode,
  scope: LuaNode,
  resolve: Resolve,
  shape: DataShape = new Map(),
  env: Map<string, string> = new Map(),
  depth = 0,
  seen = new Map<LuaNode, Set<string>>(),
  /**
   * What the closure names (constants.ts): comparisons with a named number are boundaries too;
   * a record read with each name of a named list (`ivs[stat]` in `for _, stat in ipairs(Stats)`)
   * has those fields.
   */
  constants: NamedConstants = { numbers: new Map(), lists: new Map() },
): DataShape {
  // a function is followed once per binding of its parameters (`build(d.playerParty)` and
  // `build(d.opponentParty)` read two paths)
  const binding = JSON.stringify([...env]);
  const visits = seen.get(fn) ?? new Set<string>();
  if (visits.has(binding)) return shape;
  seen.set(fn, visits.add(binding));
  /** The data path an expression denotes, when it denotes one. */
  const pathOf = (n: LuaNode | undefined, copies = 2): string | undefined => {
    if (!n) return undefined;
    const name = ident(n);
    if (name !== undefined) return env.get(name);
    if (n.type === 'MemberExpression' && n.indexer === '.') {
      // a field of a table built around decoded values (`create(id, { item = d.heldItem })`)
      const field = env.get(`${ident(n.base as LuaNode) ?? ''}.${ident(n.identifier as LuaNode)}`);
      if (field !== undefined) return field;
      const p = pathOf(n.base as LuaNode, 0);
      return p === undefined ? undefined : join(p, ident(n.identifier as LuaNode)!);
    }
    if (n.type === 'IndexExpression') {
      const p = pathOf(n.base as LuaNode, 0);
      const idx = n.index as LuaNode;
      if (p === undefined) return undefined;
      if (idx.type === 'StringLiteral') return join(p, idx.value as string);
      // x[1], x[i]: a list element; x[key] with a string key of unknown value: any field
      return idx.type === 'NumericLiteral' || /^(i|j|k|n|idx|index|pos)$/.test(ident(idx) ?? '') ? `${p}[]` : `${p}.*`;
    }
    if (n.type === 'LogicalExpression' && n.operator === 'or') return pathOf(n.left as LuaNode, copies);
    // `type(x) == "table" and x`: the value is the right operand's
    if (n.type === 'LogicalExpression' && n.operator === 'and') return pathOf(n.right as LuaNode, copies);
    if (n.type === 'ParenthesisExpression') return pathOf(n.expression as LuaNode, copies);
    // the same value converted (`local limit = math.tointeger(tonumber(d.limit or 10))`): its
    // comparisons and literals are the field's
    if (n.type === 'CallExpression' && CONVERSION.test(calleeText(n))) return pathOf(((n.arguments as LuaNode[]) ?? [])[0], copies);
    // a copy or merge of the whole decoded value (`merge(defaults, deepCopy(d))`) is decoded
    // data; builtins (type, tostring, math.*, ...) return something else
    if (copies > 0 && n.type === 'CallExpression' && decodeResult(n) === undefined && !BUILTIN.test(calleeText(n))) {
      // (a copy of a part, `combine({ id = "x" }, cloneDeep(d.start))`, when the callee says it copies)
      const copying = COPYING.test(calleeName(n) ?? '');
      for (const a of (n.arguments as LuaNode[]) ?? []) {
        const p = pathOf(a, copies - 1);
        if (p === '' || (copying && p !== undefined)) return p;
      }
    }
    return undefined;
  };
  const bind = (v: LuaNode | undefined, p: string | undefined) => {
    const name = ident(v);
    if (name && p !== undefined) env.set(name, p);
  };
  // locals holding a function picked from a dispatch table by a Data field (`local fn = ops[d.op]`)
  const dispatched = new Map<string, string>();
  // loop variables that are each name of a named list (`stat` in `for _, stat in ipairs(Stats)`)
  const keyLists = new Map<string, string[]>();
  walkLua(fn, (n) => {
    if (n !== fn && n.type === 'FunctionDeclaration' && !n.identifier) return; // inline callbacks: their own params
    if (n.type === 'LocalStatement' || n.type === 'AssignmentStatement') {
      const vars = (n.variables as LuaNode[]) ?? [];
      ((n.init as LuaNode[]) ?? []).forEach((e, i) => {
        const at = decodeResult(e);
        if (at !== undefined) bind(vars[i + at], '');
        else bind(vars[i], pathOf(e));
        // (`type(op) == "string" and ops[op] or nil`: the lookup inside)
        let pick = e;
        while (pick.type === 'LogicalExpression' || pick.type === 'ParenthesisExpression')
          pick = (pick.type === 'ParenthesisExpression' ? pick.expression : pick.operator === 'or' ? pick.left : pick.right) as LuaNode;
        const table = pick.type === 'IndexExpression' && pathOf(pick.index as LuaNode) !== undefined ? ident(pick.base as LuaNode) : undefined;
        if (table && ident(vars[i])) dispatched.set(ident(vars[i])!, table);
        // a record of a rule table looked up with a Data value (records.ts)
        const key = e.type === 'IndexExpression' ? pathOf(e.index as LuaNode) : undefined;
        const rules =
          key !== undefined && pathOf(e.base as LuaNode, 0) === undefined ? (ident(e.base as LuaNode) ?? constantName(e.base as LuaNode)) : undefined;
        const records = rules ? ruleRecords(scope, rules) : [];
        if (records.length) {
          const mapKey = key!.endsWith(KEY_OF);
          facts(shape, mapKey ? key!.slice(0, -KEY_OF.length) : key!).rules = { records, mapKey };
        }
      });
    }
    if (n.type === 'ForGenericStatement') {
      const it = ((n.iterators as LuaNode[]) ?? [])[0];
      const walker = it?.type === 'CallExpression' ? ident(it.base as LuaNode) : undefined;
      const walked = walker === 'ipairs' || walker === 'pairs' ? ((it!.arguments as LuaNode[]) ?? [])[0] : undefined;
      const [key, value] = [0, 1].map((i) => (n.variables as LuaNode[])[i]);
      const p = pathOf(walked);
      if (p !== undefined) {
        facts(shape, p).type = 'table';
        const each = walker === 'ipairs' ? `${p}[]` : `${p}.*`;
        // walked: a map of something (`for name, id in pairs(d.processes)`), even when the
        // values are only stored
        if (each.endsWith('.*')) facts(shape, each);
        bind(value, each);
        if (each.endsWith('.*')) bind(key, `${p}${KEY_OF}`);
      } else if (walker === 'ipairs' && walked) {
        // a list of names walked (`for _, stat in ipairs(enums.Stats)`): the loop variable is each name
        const names = constants.lists.get(constantName(walked) ?? '');
        const each = ident(value);
        if (names && each) keyLists.set(each, names);
      }
    }
    if (n.type === 'MemberExpression' || n.type === 'IndexExpression') {
      const p = pathOf(n, 0);
      if (p) facts(shape, p);
      const keys = n.type === 'IndexExpression' ? keyLists.get(ident(n.index as LuaNode) ?? '') : undefined;
      if (p?.endsWith('.*') && keys) facts(shape, p).keys = keys;
    }
    // a dispatch table indexed with a field (`operations[data.op]`): its keys are the values
    // (or a lookup table filled at run time, `M.byId[id]`: the ids of the module's records)
    const table = n.type === 'IndexExpression' ? (ident(n.base as LuaNode) ?? constantName(n.base as LuaNode)) : undefined;
    if (table && pathOf(n.base as LuaNode, 0) === undefined) {
      const p = pathOf(n.index as LuaNode);
      if (p) {
        const f = facts(shape, p);
        const keys = tableKeys(scope, table);
        const values = keys.length ? keys : recordIds(scope);
        for (const k of values) if (!f.literals.includes(k)) f.literals.push(k);
        if (!values.length) f.position = true;
      }
    }
    // tested for presence: `x == nil`, `x ~= nil`, `not x`, `x or default`, `if x then`
    const tested =
      n.type === 'BinaryExpression' && (n.operator === '==' || n.operator === '~=')
        ? ([n.left as LuaNode, n.right as LuaNode].find((a, i, both) => both[1 - i]!.type === 'NilLiteral') ?? n)
        : n.type === 'UnaryExpression' && n.operator === 'not'
          ? (n.argument as LuaNode)
          : n.type === 'LogicalExpression' && n.operator === 'or'
            ? (n.left as LuaNode)
            : n.type === 'IfClause' || n.type === 'ElseifClause' || n.type === 'WhileStatement'
              ? (n.condition as LuaNode)
              : undefined;
    // (`type(x) == "table"`, `math.type(x) == "integer"`, `tonumber(x) or 5`: asked of a
    // value that may be missing)
    const inner =
      tested?.type === 'CallExpression' && /^(type|math\.type|tonumber|math\.tointeger)$/.test(calleeText(tested))
        ? ((tested.arguments as LuaNode[]) ?? [])[0]
        : tested?.type === 'BinaryExpression' && (tested.operator === '==' || tested.operator === '~=')
          ? [tested.left as LuaNode, tested.right as LuaNode].find((a) => a.type === 'CallExpression' && /^(type|math\.type)$/.test(calleeText(a)))
          : undefined;
    const probed = inner?.type === 'CallExpression' ? ((inner.arguments as LuaNode[]) ?? [])[0] : (inner ?? tested);
    if (probed && (probed.type === 'MemberExpression' || probed.type === 'IndexExpression')) {
      const p = pathOf(probed, 0);
      if (p) facts(shape, p).optional = true;
    }
    if (n.type === 'UnaryExpression' && n.operator === '#') {
      const p = pathOf(n.argument as LuaNode);
      if (p) facts(shape, p).length = true;
    }
    if (n.type === 'BinaryExpression' && COMPARE.has(n.operator as string)) {
      const [l, r] = [n.left as LuaNode, n.right as LuaNode];
      for (const [a, b] of [
        [l, r],
        [r, l],
      ] as const) {
        // type(x) == "number", math.type(x) == "integer"
        if (a.type === 'CallExpression' && calleeName(a) === 'type' && typeof scalar(b) === 'string') {
          const p = pathOf(((a.arguments as LuaNode[]) ?? [])[0]);
          const t = scalar(b) as string;
          if (p && /^(string|number|integer|boolean|table)$/.test(t)) facts(shape, p).type = t as FieldFacts['type'];
          continue;
        }
        const p = pathOf(a);
        const v = scalar(b);
        if (p && v !== undefined) {
          const f = facts(shape, p);
          if (!f.literals.includes(v)) f.literals.push(v);
          if (typeof v === 'number' && !f.type) f.type = 'number';
          if (typeof v === 'number' && n.operator !== '~=' && !(f.bounds ??= []).includes(v)) f.bounds.push(v);
        }
        // `x > lim.maxLevel`, `x <= MAX`: the numbers that name is given are boundaries
        const named = v === undefined && p && ORDER.has(n.operator as string) ? constantName(b) : undefined;
        for (const c of (named && pathOf(b) === undefined ? constants.numbers.get(named) : undefined) ?? []) {
          const f = facts(shape, p!);
          if (!(f.bounds ??= []).includes(c)) f.bounds.push(c);
          if (!f.type) f.type = 'number';
        }
      }
    }
    if (n.type === 'CallExpression') {
      const name = calleeName(n);
      const args = (n.arguments as LuaNode[]) ?? [];
      if (name && /^(tonumber|tointeger)$/.test(name)) {
        const p = pathOf(args[0]);
        if (p && !facts(shape, p).type) facts(shape, p).type = 'number';
      }
      // decoded values passed on: follow into the callee with its parameters bound
      // decoded values in a table built for the call (`{ heldItem = spec.heldItem }`)
      const fieldsOf = (a: LuaNode | undefined): [string, string][] =>
        a?.type === 'TableConstructorExpression'
          ? ((a.fields as LuaNode[]) ?? []).flatMap((f) => {
              const p = f.type === 'TableKeyString' ? pathOf(f.value as LuaNode, 0) : undefined;
              return p === undefined ? [] : [[ident(f.key as LuaNode)!, p] as [string, string]];
            })
          : [];
      // (not into generic walkers of any value, `json.encode(state)`, `hash(state)`: they read
      // every value as a list or a map, which says nothing of the Data the handler wants)
      const generic = GENERIC_WALKER.test(name ?? '');
      if (!generic && depth < MAX_DEPTH && args.some((a) => pathOf(a, 0) !== undefined || fieldsOf(a).length)) {
        // a call through a dispatch table reaches each function the table holds
        const table = dispatched.get(ident(n.base as LuaNode) ?? '');
        const targets = table ? tableFunctions(scope, table).map((f) => ({ fn: f, scope })) : [resolve(n.base as LuaNode, scope)];
        for (const target of targets) {
          if (!target) continue;
          const inner = new Map<string, string>();
          ((target.fn.parameters as LuaNode[]) ?? []).forEach((param, i) => {
            const p = args[i] ? pathOf(args[i], 0) : undefined;
            if (p !== undefined && ident(param)) inner.set(ident(param)!, p);
            if (ident(param)) for (const [k, fp] of fieldsOf(args[i])) inner.set(`${ident(param)}.${k}`, fp);
          });
          if (inner.size) collectDataShape(target.fn, target.scope, resolve, shape, inner, depth + 1, seen, constants);
        }
      } else if (depth < MAX_DEPTH && args.some((a) => /^(msg|m|message|Msg)$/.test(ident(a) ?? ''))) {
        // the message passed on to a helper that decodes it (`ownedRecord(msg)`)
        const target = resolve(n.base as LuaNode, scope);
        if (target) collectDataShape(target.fn, target.scope, resolve, shape, new Map(), depth + 1, seen, constants);
      }
    }
  });
  return shape;
}

/**
 * Argument positions at which a wrapper passes decoded Data on to a function it was given:
 * `function wrap(name, fn) return function(msg) local d = decode(msg); pcall(fn, msg, d) end end`
 * (or `fn(msg, d)`). A handler registered through such a wrapper receives the decoded Data as
 * that parameter, so its own code reads fields of the parameter, not of `msg.Data`.
 */
export function decodedArgPositions(root: LuaNode): Set<number> {
  const out = new Set<number>();
  walkLua(root, (fn) => {
    if (fn.type !== 'FunctionDeclaration') return;
    const params = new Set(((fn.parameters as LuaNode[]) ?? []).map(ident).filter((x): x is string => x !== undefined));
    if (!params.size) return;
    const decoded = new Set<string>();
    walkLua(fn, (n) => {
      if (n.type !== 'LocalStatement' && n.type !== 'AssignmentStatement') return;
      const vars = (n.variables as LuaNode[]) ?? [];
      ((n.init as LuaNode[]) ?? []).forEach((e, i) => {
        const at = decodeResult(e);
        const v = at === undefined ? undefined : ident(vars[i + at]);
        if (v) decoded.add(v);
      });
    });
    if (!decoded.size) return;
    walkLua(fn, (n) => {
      if (n.type !== 'CallExpression') return;
      const all = (n.arguments as LuaNode[]) ?? [];
      const direct = ident(n.base as LuaNode);
      // pcall(fn, msg, d) / xpcall(fn, handler, msg, d): the callee is the first argument
      const callee = direct === 'pcall' || direct === 'xpcall' ? ident(all[0]) : direct;
      const args = direct === 'pcall' ? all.slice(1) : direct === 'xpcall' ? all.slice(2) : all;
      if (!callee || !params.has(callee)) return;
      args.forEach((a, i) => {
        if (decoded.has(ident(a) ?? '\u0000')) out.add(i);
      });
    });
  });
  return out;
}
