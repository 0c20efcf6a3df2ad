// Rule tables: a literal table of records the code looks up with a Data value and checks the
// Data against (`local rule = M.SCHEMA[key]; if value > rule.max`, `local rule = RULES[d.action];
// for _, f in ipairs(rule.fields) do ... v < rule[f][1]`). The limits live in the record, not
// in the comparison, so boundaries of the comparison alone never find them: each record's
// numbers (and the names its lists hold) are taken as the values to send with its key
// (variants.ts: `config = {maxSessions = 5000}`, `action = "SWITCH", details = {slot = 6}`).
import type { LuaNode } from '../../parse/luaAst.ts';
import type { DataShape } from './dataShape.ts';
import { identName as ident, walkLua } from '../../parse/luaAst.ts';

export interface RuleRecord {
  key: string;
  /** Numbers anywhere in the record (limits), in source order, at most MAX_NUMBERS. */
  numbers: number[];
  /** Strings in the record's lists (`fields = { "battleId", "slot" }`): names of Data fields. */
  names: string[];
}

const MAX_NUMBERS = 4;
const MAX_RECORDS = 12;

/** Whether an assignment target names the table `name`: `local name = ...`, or a module's field `M.name = ...`. */
export const namesTable = (v: LuaNode | undefined, name: string): boolean =>
  ident(v) === name || (v?.type === 'MemberExpression' && ident(v.identifier as LuaNode) === name);

/** The string key of a table constructor field: `K = ...` or `["a-b"] = ...`. */
export const fieldKey = (f: LuaNode): string | undefined => {
  if (f.type === 'TableKeyString') return ident(f.key as LuaNode);
  const k = f.key as LuaNode | undefined;
  if (f.type === 'TableKey' && k?.type === 'StringLiteral') return String(k.value ?? (k.raw as string).slice(1, -1));
  return undefined;
};

/** The table constructor a name (`RULES`, `M.SCHEMA` read as `SCHEMA`) is given in `scope`. */
function constructorOf(scope: LuaNode, name: string): LuaNode | undefined {
  let found: LuaNode | undefined;
  walkLua(scope, (n) => {
    if (found) return false;
    if (n.type !== 'LocalStatement' && n.type !== 'AssignmentStatement') return;
    const vars = (n.variables as LuaNode[]) ?? [];
    ((n.init as LuaNode[]) ?? []).forEach((e, i) => {
      if (namesTable(vars[i], name) && e.type === 'TableConstructorExpression' && !found) found = e;
    });
  });
  return found;
}

function numbersIn(n: LuaNode, out: number[]): void {
  walkLua(n, (x) => {
    if (out.length >= MAX_NUMBERS) return false;
    if (x.type === 'NumericLiteral' && !out.includes(x.value as number)) out.push(x.value as number);
  });
}

/** The records of the rule table `tableName` (its keys with their numbers and listed names). */
export function ruleRecords(scope: LuaNode, tableName: string): RuleRecord[] {
  const table = constructorOf(scope, tableName);
  if (!table) return [];
  const out: RuleRecord[] = [];
  for (const f of (table.fields as LuaNode[]) ?? []) {
    const key = fieldKey(f);
    const value = f.value as LuaNode | undefined;
    if (key === undefined || value?.type !== 'TableConstructorExpression' || out.length >= MAX_RECORDS) continue;
    const numbers: number[] = [];
    numbersIn(value, numbers);
    const names: string[] = [];
    for (const g of (value.fields as LuaNode[]) ?? []) {
      const list = g.value as LuaNode | undefined;
      if (list?.type !== 'TableConstructorExpression') continue;
      for (const item of (list.fields as LuaNode[]) ?? [])
        if (item.type === 'TableValue' && (item.value as LuaNode).type === 'StringLiteral') names.push(String((item.value as LuaNode).value));
    }
    if (numbers.length || names.length) out.push({ key, numbers, names });
  }
  return out;
}

/** One Data change a rule record asks for: paths set to values, and the trace comment. */
export interface RuleChange {
  set: [string, unknown][];
  note: string;
}

/**
 * The Data changes the rule tables of a shape ask for: every record's limits first, then one
 * past each (N + 1, N - 1), then (a map checked key by key) the names a record lists as values,
 * so a cap keeps some of every record. A map checked key by key gets `{ key = value }`; a value
 * that picks a record is set to the key, with the maps the handler walks (`details`) holding
 * each name the record lists at that value.
 */
export function ruleChanges(shape: DataShape): RuleChange[] {
  const paths = [...shape.keys()].sort();
  // (the maps a record's names fill: those walked by key, not those checked by their own rules)
  const maps = paths
    .filter((p) => p.endsWith('.*'))
    .map((p) => p.slice(0, -2))
    .filter((m) => !shape.get(m)?.rules);
  const out: RuleChange[][] = [[], [], []];
  for (const p of paths) {
    const r = shape.get(p)!.rules;
    for (const rec of r?.records ?? []) {
      const tiers: unknown[][] = [rec.numbers, rec.numbers.flatMap((n) => [n + 1, n - 1]), r!.mapKey ? rec.names : []];
      tiers.forEach((values, tier) => {
        for (const v of values) {
          if (r!.mapKey) out[tier]!.push({ set: [[p, { [rec.key]: v }]], note: `${p}: ${rec.key}=${JSON.stringify(v)} (rule ${rec.key})` });
          else if (rec.names.length && maps.length)
            out[tier]!.push({
              set: [[p, rec.key], ...maps.map((m) => [m, Object.fromEntries(rec.names.map((name) => [name, v]))] as [string, unknown])],
              note: `${p}=${JSON.stringify(rec.key)}, ${rec.names.join('/')}=${JSON.stringify(v)} (rule ${rec.key})`,
            });
        }
      });
    }
  }
  return out.flat();
}
