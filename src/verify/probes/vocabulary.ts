// Values by name from the closure's own data modules: a Data field the code never compares
// with anything (`ability`, `heldItem`, stored and used later in a battle) whose name says
// what it holds gets the record ids of the module named for the same thing
// (`data.abilities.ability-database`: `ember-heart`, `tide-guard`, ...; a field that says it
// holds a kind of its parent, `weather.kind`, gets the keys the parent's module looks its
// records up by: `sun`, `rain`, `sand`, `hail` from `game-logic.environment.weather`). A made-up string
// there is dropped or refused; a real id reaches the code that uses the record later. A name
// with a qualifier (`heldItem`, `ballId`) also gets the ids of the records that hold the
// qualifier as a field (`kind = "held"`), compared literals or not: the code that compares it
// (`heldItem == "oran-berry"`) is rarely the code that uses the other kinds (a focus sash).
import { identName, walkLua, type LuaNode } from '../../parse/luaAst.ts';
import { recordIds, type DataShape } from './dataShape.ts';

/**
 * The keys of a module's maps of records (`chip = { sand = { ... }, hail = { ... } }`), at most
 * 6: the names the module looks its records up by, for a module whose records have no `id`.
 */
function recordKeys(scope: LuaNode): string[] {
  const keys: string[] = [];
  walkLua(scope, (n) => {
    if (keys.length >= 6) return false;
    if (n.type !== 'TableConstructorExpression') return;
    const fields = (n.fields as LuaNode[]) ?? [];
    const records = fields.filter((f) => f.type === 'TableKeyString' && (f.value as LuaNode).type === 'TableConstructorExpression');
    if (records.length < 2 || records.length !== fields.length) return;
    for (const f of records) {
      const k = identName(f.key as LuaNode);
      if (k && !keys.includes(k)) keys.push(k);
    }
    return false;
  });
  return keys;
}

/** Leaf names that say what kind of thing their parent is, not what it holds. */
const GENERIC = new Set(['kind', 'type']);

/** Ids a qualified name points to, at most (a further literal each: variants.ts caps them). */
const QUALIFIED = 2;

/**
 * Ids of a module's records (table constructors with a string `id`) that hold one of `words`
 * as a string field (`kind = "held"` for `heldItem`), at most QUALIFIED.
 */
function qualifiedIds(scope: LuaNode, words: string[]): string[] {
  const ids: string[] = [];
  walkLua(scope, (n) => {
    if (ids.length >= QUALIFIED) return false;
    if (n.type !== 'TableConstructorExpression') return;
    let id: string | undefined;
    let qualified = false;
    for (const f of (n.fields as LuaNode[]) ?? []) {
      const v = f.value as LuaNode | undefined;
      if (f.type !== 'TableKeyString' || v?.type !== 'StringLiteral') continue;
      if (identName(f.key as LuaNode) === 'id') id = v.value as string;
      else if (words.includes((v.value as string).toLowerCase())) qualified = true;
    }
    if (id !== undefined && qualified && !ids.includes(id)) ids.push(id);
  });
  return ids;
}

const words = (text: string): string[] =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.replace(/(ies)$/, 'y').replace(/s$/, ''));

/**
 * Fields with no literal and no type asked get the ids of the module their name points to; a
 * name with a qualifier (`heldItem`) also gets the ids of the records of its kind.
 */
export function nameVocabulary(shape: DataShape, modules: Map<string, LuaNode>): void {
  const ids = new Map<string, string[]>();
  const idsOf = (name: string) => {
    if (!ids.has(name)) ids.set(name, recordIds(modules.get(name)!));
    return ids.get(name)!;
  };
  const keysOf = (name: string) => recordKeys(modules.get(name)!);
  for (const [path, f] of shape) {
    if ([...shape.keys()].some((p) => p.startsWith(`${path}.`) || p.startsWith(`${path}[]`))) continue;
    // (a leaf that only says "kind of" names its parent's kinds: `weather.kind` holds a weather
    // the module `weather` keys its records by, never a record id)
    const segs = path.replace(/\[\]/g, '').split('.');
    const leaf = words(segs.at(-1)!).filter((w) => w !== 'id');
    const generic = leaf.length > 0 && leaf.every((w) => GENERIC.has(w)) && segs.length > 1;
    const field = generic ? words(segs.at(-2)!) : leaf;
    const valuesOf = (name: string) => (generic ? keysOf(name) : idsOf(name));
    const head = field.at(-1);
    if (!head) continue;
    // a name with a qualifier (`heldItem`: an item of kind `held`) also gets, after the first
    // two values (the literals the code compares it with, else the ids below), the ids of the
    // records that qualifier names: `heldItem == "oran-berry"` says nothing of the other kinds
    const qualifiers = field.slice(0, -1);
    const qualified = () => {
      for (const m of [...modules.keys()].sort()) {
        const found = words(m).includes(head) ? qualifiedIds(modules.get(m)!, qualifiers) : [];
        if (found.length) return found.filter((id) => !f.literals.includes(id));
      }
      return [];
    };
    if (f.literals.length || f.type) {
      if (qualifiers.length && (!f.type || f.type === 'string')) f.literals.splice(2, 0, ...qualified());
      continue;
    }
    // the module whose name holds the field's last word and most of its others, with records
    let best: { name: string; score: number } | undefined;
    for (const name of [...modules.keys()].sort()) {
      const mw = words(name);
      if (!mw.includes(head)) continue;
      const score = field.filter((w) => mw.includes(w)).length;
      if ((!best || score > best.score) && valuesOf(name).length) best = { name, score };
    }
    if (best) f.literals.push(...valuesOf(best.name));
    if (qualifiers.length) f.literals.splice(2, 0, ...qualified());
  }
}
