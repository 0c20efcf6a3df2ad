// JSON Data for a probe, built from a handler's Data shape (dataShape.ts): nested objects for
// dotted paths, one-element arrays for `[]` paths, and for each leaf a value that passes the
// handler's own tests where the code says what they are: a literal it is compared with, the
// type it asks for, else a value plausible by name. `alt` picks other values (the next literal,
// another number, false) so a field is probed with more than one value. A pool (ids the process
// answered the same sender earlier) supplies ids by key name, so a query reads what a create made.
import type { Answer } from '../types.ts';
import type { DataShape, FieldFacts, Scalar } from './dataShape.ts';
import { plausibleValue, type ProbeActors } from './synthesize.ts';

/** Normalised key name -> value (e.g. `uid`, `battleid`). */
export type ValuePool = Map<string, Scalar>;

export const poolKey = (k: string): string => k.toLowerCase().replace(/[^a-z0-9]/g, '');
const ID_KEY = /(id|uid|key|ref|token|code|handle)$/;

interface Node {
  facts?: FieldFacts;
  children: Map<string, Node>;
}

function tree(shape: DataShape): Node {
  const root: Node = { children: new Map() };
  for (const [p, f] of [...shape].sort((a, b) => a[0].localeCompare(b[0]))) {
    let at = root;
    for (const seg of p.replace(/\[\]/g, '.[]').split('.').filter(Boolean)) {
      let next = at.children.get(seg);
      if (!next) at.children.set(seg, (next = { children: new Map() }));
      at = next;
    }
    at.facts = f;
  }
  return root;
}

function leaf(name: string, f: FieldFacts | undefined, actors: ProbeActors, alt: number, pool?: ValuePool): unknown {
  // "" compared with is the usual "missing" test (`if d.itemId == "" then`): a real value
  // first, the empty string as the other value
  const all = f?.literals ?? [];
  const lits = all.filter((v) => v !== '');
  if (all.includes('') && (lits.length === 0 ? alt === 1 : alt === lits.length)) return '';
  // numbers only ordered against (`hp <= 0`, `x < 1`) are limits, not values: the first value
  // lies just above the lowest (a living creature, a positive amount); the variants probe
  // each limit's sides (variants.ts)
  const bounds = f?.bounds ?? [];
  if (alt === 0 && lits.length && bounds.length && lits.every((v) => typeof v === 'number' && bounds.includes(v))) {
    // the value by name when it lies within the limits (100 for a level up to 100, for hp
    // above 0), else one above the lowest (a quantity limited to 99 per trade)
    const byName = Number(plausibleValue(name, actors));
    const [lo, hi] = [Math.min(...bounds), Math.max(...bounds)];
    return Number.isFinite(byName) && byName > lo && (hi === lo || byName <= hi) ? byName : lo + 1;
  }
  if (lits.length) return lits[alt % lits.length];
  const fromPool = pool?.get(poolKey(name));
  if (fromPool !== undefined) return fromPool;
  const plain = plausibleValue(name, actors, f?.type === 'number' || f?.type === 'integer');
  switch (f?.type) {
    case 'boolean':
      return alt === 0;
    case 'number':
    case 'integer':
      // ids and small counts: 1 (then 2); other quantities: the plausible value (then 1)
      // (positions too: their variants take each of 2..6, variants.ts)
      if (/id$/i.test(name)) return 1 + alt;
      return alt ? 1 : Number(plain) || 1;
    case 'table':
      return alt ? [] : {};
    case 'string':
      return plain;
    default:
      if (/^\d+$/.test(plain) && plain.length < 15) return alt ? 1 : Number(plain);
      if (plain === 'true') return alt === 0;
      return plain;
  }
}

function value(name: string, node: Node, actors: ProbeActors, alt: number, pool?: ValuePool, root = false): unknown {
  if (node.children.size === 0) return leaf(name, node.facts, actors, alt, pool);
  const elem = node.children.get('[]');
  if (root && !elem) pool = pool && new Map([...pool].filter(([k]) => k !== 'data{}'));
  // a list or record the process answered this sender under the same key (an exported party
  // imported back): realistic where synthesised values would fail the handler's validation
  const pooled = root ? undefined : pool?.get(`${poolKey(name)}${elem ? '[]' : '{}'}`);
  if (pooled !== undefined) return JSON.parse(String(pooled));
  if (elem) return [value(name.replace(/s$/, ''), elem, actors, alt, pool)];
  const obj: Record<string, unknown> = {};
  // `*`: fields read with a key computed at run time; named siblings say more, else one field
  // the other values leave out optional-looking fields (no type asked, no literal compared):
  // `if d.heldItem ~= nil and not known(d.heldItem)` then passes
  const optional = (c: Node) => alt > 0 && c.children.size === 0 && !c.facts?.type && !c.facts?.literals.length;
  // (a named field the code also reads with a computed key, `ivs.hp` and `ivs[stat]`, meets
  // that key's tests: IVs of 0..31)
  const star = node.children.get('*');
  const blank = (f?: FieldFacts) => !f || (!f.literals.length && !f.type && !f.bounds?.length);
  // (a computed key's value that is itself a record, or any field of a map walked whole, says
  // nothing of a named scalar)
  const scalarStar = star && star.children.size === 0 && !blank(star.facts) && star.facts!.type !== 'table' ? star : undefined;
  const own = (c: Node): Node => (scalarStar && c.children.size === 0 && blank(c.facts) ? { ...c, facts: scalarStar.facts } : c);
  for (const [k, child] of node.children) if (k !== '*' && !optional(own(child))) obj[k] = value(k, own(child), actors, alt, pool);
  // the names a walked list gives the computed key (`for _, stat in ipairs(Stats)`), each a field
  for (const k of star?.facts?.keys ?? []) if (!Object.hasOwn(obj, k)) obj[k] = value(k, star!, actors, alt, pool);
  if (star && Object.keys(obj).length === 0) obj.probe = value(name, star, actors, alt, pool);
  return obj;
}

/** JSON text of the Data for a shape ('' when the handler reads no Data). */
export function buildData(shape: DataShape, actors: ProbeActors, alt = 0, pool?: ValuePool): string {
  if (shape.size === 0) return '';
  const root = tree(shape);
  return JSON.stringify(root.children.size ? value('data', root, actors, alt, pool, true) : {});
}

function harvest(v: unknown, into: ValuePool, key?: string): void {
  // lists and records by key (as JSON text), ids as scalars
  if (key && v && typeof v === 'object') {
    const k = `${poolKey(key)}${Array.isArray(v) ? '[]' : '{}'}`;
    if (!into.has(k) && (!Array.isArray(v) || v.length > 0)) into.set(k, JSON.stringify(v));
  }
  // a list of records with ids under `items`: their ids are what an `itemId` names
  if (Array.isArray(v) && key) {
    const named = `${poolKey(key).replace(/s$/, '')}id`;
    const first = v.find((x) => x && typeof x === 'object' && !Array.isArray(x) && ['string', 'number'].includes(typeof (x as { id?: unknown }).id));
    if (first && !into.has(named)) into.set(named, (first as { id: Scalar }).id);
  }
  if (Array.isArray(v)) v.forEach((x) => harvest(x, into, key));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) harvest(x, into, k);
  // any scalar the process answered (a slot, a level, an id): values the process itself made
  // pass its own validation more often than synthesised ones
  else if (key && (typeof v === 'string' || typeof v === 'number') && !into.has(poolKey(key))) into.set(poolKey(key), v);
}

/** Per sender, the ids found in the JSON Data and tags of the replies sent to it. */
export function harvestPools(answers: Answer[]): Map<string, ValuePool> {
  const pools = new Map<string, ValuePool>();
  for (const a of answers) {
    for (const m of a.messages) {
      const pool = pools.get(m.Target) ?? new Map();
      pools.set(m.Target, pool);
      for (const [k, v] of m.Tags) if (ID_KEY.test(poolKey(k)) && !pool.has(poolKey(k))) pool.set(poolKey(k), v);
      try {
        harvest(JSON.parse(m.Data), pool);
      } catch {
        // not JSON: nothing to learn
      }
    }
  }
  return pools;
}
