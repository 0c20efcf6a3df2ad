// More Data values per handler than the first and other values (dataValues.ts), each sent
// from the owner with the rest of the Data as the first values have it:
// - peer registrations: a map the code walks with pairs under a process/peer-like name gets
//   every other process of the config, name -> world id; a name-like field next to an id-like
//   field gets each peer's name and world id in turn. AO processes learn their peers from such
//   messages, so in the world (worldProbes.ts) the peers' requests and replies then flow;
// - further literals a field is compared with or dispatched on (`ops[data.op]`: the table's
//   keys), beyond the two the first and other values take;
// - boundaries: a field ordered against a number N (`x > N`) gets N - 1, N and N + 1, so a
//   comparison flipped at its boundary (`>` to `>=`) answers differently; and a value between
//   a field's lowest and highest limit;
// - the made-up `probe-*` strings left out (fields the code says nothing about: often optional);
// - optional fields left out: each, all, and all but each one of a record;
// - a record given as its kind (`weather: "sand"` for `weather.kind`);
// - positions (`party[to]`): each, with the command the position is for (`command = "switch"`).
// Bounded per handler (MAX_VARIANTS, the peer pairs apart and last), in that order; deterministic.
import type { DataShape, Scalar } from './dataShape.ts';
import { ruleChanges } from './records.ts';
import { isEnding } from './lifecycle.ts';
import type { ProbeActors } from './synthesize.ts';

export const MAX_VARIANTS = 56;
/** Left-out fields, further literals and boundaries each, at most (so one kind never crowds out the others). */
const MAX_PER_KIND = 9;

export interface DataVariant {
  data: string;
  /** e.g. `level=99 (boundary of 100)`: the trace line's comment. */
  note: string;
  /** The value names an end (`flee`, `cancel`): sent at the end of the pass (synthesize.ts). */
  ends?: boolean;
  /** The position field it sets (`switchTo=3`): also played in sessions, one per round (sessions.ts). */
  position?: string;
}

const PEER_MAP = /(process|peer|service|registr|member|director|address)/i;
const ID_KEY = /^(id|pid|address|process|process-?id|processid|target)$/i;
const NAME_KEY = /^(name|role|service|kind|process-?name|processname)$/i;

const segments = (p: string): string[] => p.replace(/\[\]/g, '.[]').split('.').filter(Boolean);

/** A copy of `root` with `path` set to `value` (false when the path cannot be written). */
function withPath(root: unknown, path: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(root ?? {})) as unknown;
  const segs = segments(path);
  if (!segs.length || segs.includes('*') || typeof copy !== 'object' || copy === null || Array.isArray(copy)) return undefined;
  let at = copy as Record<string, unknown> | unknown[];
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const last = i === segs.length - 1;
    const key = seg === '[]' ? 0 : seg;
    if (seg === '[]' && !Array.isArray(at)) return undefined;
    if (seg !== '[]' && Array.isArray(at)) return undefined;
    const rec = at as Record<string | number, unknown>;
    if (last) rec[key] = value;
    else {
      const nextIsList = segs[i + 1] === '[]';
      const cur = rec[key];
      if (typeof cur !== 'object' || cur === null || Array.isArray(cur) !== nextIsList) rec[key] = nextIsList ? [{}] : {};
      at = rec[key] as Record<string, unknown> | unknown[];
    }
  }
  return copy;
}

/** One segment down a Data value: `[]` the first element of a list, a name a record's field. */
function step(at: unknown, seg: string): unknown {
  if (seg === '[]') return Array.isArray(at) ? at[0] : undefined;
  return at && typeof at === 'object' && !Array.isArray(at) ? (at as Record<string, unknown>)[seg] : undefined;
}

/** A copy of `root` without `path` (undefined when the path is not there). */
function withoutPath(root: unknown, path: string): unknown {
  const copy = JSON.parse(JSON.stringify(root ?? {})) as unknown;
  const segs = segments(path);
  let at: unknown = copy;
  for (const seg of segs.slice(0, -1)) {
    at = step(at, seg);
    if (!at || typeof at !== 'object') return undefined;
  }
  const last = segs.at(-1);
  if (!last || last === '[]' || last === '*' || Array.isArray(at) || !Object.hasOwn(at as object, last)) return undefined;
  delete (at as Record<string, unknown>)[last];
  return copy;
}

/** Records in a longer list (variants: `commands`, `party`). */
const LIST_LENGTH = 6;

/** The first element of the list at `path` in `root` (`[]` segments: the first element). */
function elementAt(root: unknown, path: string): unknown {
  let at: unknown = root;
  for (const seg of segments(path)) {
    at = step(at, seg);
    if (at === undefined) return undefined;
  }
  return Array.isArray(at) ? at[0] : undefined;
}

const PLACEHOLDER = /^probe-/;

function withoutPlaceholders(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutPlaceholders);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (!(typeof x === 'string' && PLACEHOLDER.test(x))) out[k] = withoutPlaceholders(x);
    return out;
  }
  return v;
}

const parentOf = (p: string): string => (p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '');
const leafOf = (p: string): string => p.slice(p.lastIndexOf('.') + 1);

/** The extra Data variants of one handler, given the Data its first values make. */
export function valueVariants(shape: DataShape, baseData: string, actors: ProbeActors): DataVariant[] {
  let base: unknown;
  try {
    base = JSON.parse(baseData || '{}');
  } catch {
    return [];
  }
  const out: DataVariant[] = [];
  // a whole Data value, once (not the first values' Data, not one already listed)
  const pushData = (d: unknown, note: string, ends = false, position?: string): boolean => {
    if (d === undefined) return false;
    const data = JSON.stringify(d);
    if (data === baseData || out.some((v) => v.data === data)) return false;
    out.push({ data, note, ...(ends ? { ends } : {}), ...(position ? { position } : {}) });
    return true;
  };
  const push = (path: string, value: unknown, note: string, ends = false): boolean => pushData(withPath(base, path, value), note, ends);
  // made-up strings left out: a field nothing in the code describes is often optional, and
  // a placeholder there fails a lookup (`natures.get(p.nature) == nil`) before the real work
  // the other variants change one field of that Data, where a made-up string would fail first
  const stripped = withoutPlaceholders(base);
  if (JSON.stringify(stripped) !== baseData) {
    out.push({ data: JSON.stringify(stripped), note: 'made-up strings left out' });
    base = stripped;
  }
  const paths = [...shape.keys()].sort();
  // peer registrations: a map walked with pairs, then name/id pairs
  for (const p of paths) {
    if (!p.endsWith('.*')) continue;
    const map = p.slice(0, -2);
    if (!PEER_MAP.test(leafOf(map)) || !actors.peers.length) continue;
    push(map, Object.fromEntries(actors.peers.map((x) => [x.name, x.id])), `${map}: every peer process`);
  }
  // (name/id pairs go last, after the cap: a further literal of the name field, sent with the
  // first id, would register a peer under another's id after its own registration)
  const pairs: DataVariant[] = [];
  for (const idPath of paths.filter((p) => ID_KEY.test(leafOf(p)))) {
    const namePath = paths.find((p) => p !== idPath && parentOf(p) === parentOf(idPath) && NAME_KEY.test(leafOf(p)));
    if (!namePath) continue;
    for (const peer of actors.peers) {
      const d = withPath(base, namePath, peer.name);
      if (d === undefined) continue;
      const both = withPath(d, idPath, peer.id);
      const data = JSON.stringify(both);
      if (both !== undefined && !pairs.some((v) => v.data === data)) pairs.push({ data, note: `${namePath}/${idPath}: peer ${peer.name}` });
    }
  }
  // optional fields (the code tests whether they are there) left out: the branch that fills
  // them in (`d.weather or rollWeather()`, `if d.start == nil then <use the stored one>`);
  // shallow ones first, then all of them at once (one default may need another's)
  const optional = paths
    .filter((p) => shape.get(p)!.optional && !p.endsWith('.*'))
    .sort((a, b) => segments(a).length - segments(b).length || a.localeCompare(b));
  let allOut: unknown = base;
  let leftOut = 0;
  for (const p of optional) {
    const d = withoutPath(base, p);
    if (d === undefined) continue;
    allOut = withoutPath(allOut, p) ?? allOut;
    if (leftOut < MAX_PER_KIND && pushData(d, `${p} left out`)) leftOut++;
  }
  const all = JSON.stringify(allOut);
  if (allOut !== base) pushData(allOut, 'every optional field left out');
  // every optional field of a record left out but one, for each (the Data itself, then each
  // record in it, outside lists): the branch that one field takes when the others are absent
  // (`if d.trainer ~= nil and d.opponentParty == nil` first, then `if d.biome ~= nil and
  // d.opponentParty == nil`: an encounter rolled only with biome alone; a saved state with
  // its money alone, accepted without a wave)
  let allBut = 0;
  const owners = [...new Set(optional.filter((p) => !p.includes('[]')).map(parentOf))].sort(
    (a, b) => (a ? segments(a).length : 0) - (b ? segments(b).length : 0) || a.localeCompare(b),
  );
  for (const record of owners) {
    const fields = optional.filter((p) => parentOf(p) === record && !p.includes('[]') && withoutPath(base, p) !== undefined);
    if (fields.length < 3) continue;
    for (const keep of fields) {
      let d: unknown = base;
      for (const p of fields) if (p !== keep) d = withoutPath(d, p) ?? d;
      if (
        allBut < MAX_PER_KIND &&
        JSON.stringify(d) !== all &&
        pushData(d, `every optional field${record ? ` of ${record}` : ''} left out but ${leafOf(keep)}`)
      )
        allBut++;
    }
  }
  // further literals (the first two are the first and other values)
  // (those that end something, `flee`, `forfeit`, after the others: the state lives longer)
  // (each field's third literal, then each one's fourth, ...: a cap keeps some of every field)
  const beyond = paths.map((p) => shape.get(p)!.literals.slice(2));
  const further = Array.from({ length: Math.max(0, ...beyond.map((l) => l.length)) }, (_, i) =>
    paths.flatMap((p, k) => (i < beyond[k]!.length ? [[p, beyond[k]![i]!] as const] : [])),
  ).flat();
  const ends = (lit: unknown) => typeof lit === 'string' && isEnding(lit);
  let literals = 0;
  for (const [p, lit] of further.filter(([, l]) => !ends(l))) if (literals < MAX_PER_KIND && push(p, lit, `${p}=${JSON.stringify(lit)}`)) literals++;
  for (const [p, lit] of further.filter(([, l]) => ends(l))) push(p, lit, `${p}=${JSON.stringify(lit)}`, true);
  // positions (`party[to]`, `moves[index]`): each, 2 to LIST_LENGTH, with the value of a sibling
  // field the position's name is for (`switchTo` with `command = "switch"`, `moveIndex` with
  // "move"): a switch to each party member, each move slot; one position after the other
  // (switchTo=2, moveIndex=2, switchTo=3, ...), so a cap keeps some of each. Sessions play
  // them, one per round (sessions.ts): the members of a six-record party come in in turn.
  const positions = paths.filter((p) => !p.includes('[]') && shape.get(p)!.position && /^(number|integer)$/.test(shape.get(p)!.type ?? ''));
  const purposeOf = (p: string): [string, Scalar] | undefined => {
    const name = leafOf(p).toLowerCase();
    for (const q of paths.filter((x) => x !== p && parentOf(x) === parentOf(p)))
      for (const lit of shape.get(q)!.literals)
        if (typeof lit === 'string' && lit.length >= 3 && name.startsWith(lit.toLowerCase()) && !ends(lit)) return [q, lit];
    return undefined;
  };
  // (two fields at most, those named for a purpose first)
  const placed = positions
    .map((p) => ({ p, purpose: purposeOf(p) }))
    .sort((a, b) => Number(!a.purpose) - Number(!b.purpose))
    .slice(0, 2);
  for (let k = 2; k <= LIST_LENGTH; k++)
    for (const { p, purpose } of placed) {
      const d = withPath(purpose ? withPath(base, purpose[0], purpose[1]) : base, p, k);
      const note = `${purpose ? `${purpose[0]}=${JSON.stringify(purpose[1])}, ` : ''}${p}=${k} (position)`;
      pushData(d, note, false, p);
    }
  // longer lists: a list of records (commands to replay, a party) with LIST_LENGTH copies of
  // its first record, then with each further literal of a field in every copy (six `move`
  // commands replay six turns; six party members with another nature can be switched to)
  let lists = 0;
  const listPaths = [...new Set(paths.flatMap((p) => segments(p).flatMap((seg, i, all) => (seg === '[]' ? [all.slice(0, i).join('.')] : []))))]
    .map((p) => p.replace(/\.(?=\[\])/g, ''))
    .sort((a, b) => segments(a).length - segments(b).length || a.localeCompare(b));
  const copies = (e: unknown) => Array.from({ length: LIST_LENGTH }, () => e);
  const records = listPaths.flatMap((list) => {
    const first = elementAt(base, list);
    return first && typeof first === 'object' && !Array.isArray(first) ? [[list, first as Record<string, unknown>] as const] : [];
  });
  // (every list's copies first, then each list's literals in turn)
  for (const [list, first] of records) if (lists < MAX_PER_KIND && push(list, copies(first), `${list}: ${LIST_LENGTH} records`)) lists++;
  // a list of differing records: record k takes each field's k-th literal, or, for a number the
  // code only orders against limits, its k-th limit (a party whose six members hold six
  // abilities, items and natures, at levels 100, 23, 6, ...: each comes into play as the one
  // before it faints, in one battle, and a low one meets a hit it cannot take at full health)
  let differing = 0;
  let everyList: unknown = base;
  for (const [list, first] of records) {
    const literalsOf = (field: string) => {
      const f = shape.get(`${list}[].${field}`);
      const lits = (f?.literals ?? []).filter((l) => !ends(l));
      return lits.length > 1 || (f?.bounds?.length ?? 0) < 2 ? lits : f!.bounds!;
    };
    const record = (k: number) =>
      Object.fromEntries(
        Object.entries(first).map(([field, v]) => [field, k && literalsOf(field).length > 1 ? literalsOf(field)[k % literalsOf(field).length] : v]),
      );
    const list6 = Array.from({ length: LIST_LENGTH }, (_, k) => record(k));
    if (differing < MAX_PER_KIND && push(list, list6, `${list}: ${LIST_LENGTH} differing records`)) differing++;
    everyList = everyList === undefined ? undefined : withPath(everyList, list, list6);
  }
  // then every list so at once (both parties of six: a battle long enough for all of them)
  if (records.length > 1 && differing < MAX_PER_KIND && pushData(everyList, `every list as ${LIST_LENGTH} differing records`)) differing++;
  const fieldLiterals = records.map(([list, first]) =>
    Object.keys(first)
      .sort()
      .flatMap((field) =>
        (shape.get(`${list}[].${field}`)?.literals ?? []).filter((lit) => !ends(lit) && lit !== first[field]).map((lit) => [field, lit] as const),
      ),
  );
  for (let i = 0; i < Math.max(0, ...fieldLiterals.map((f) => f.length)); i++)
    records.forEach(([list, first], k) => {
      const [field, lit] = fieldLiterals[k]![i] ?? [];
      if (
        field !== undefined &&
        lists < MAX_PER_KIND &&
        push(list, copies({ ...first, [field]: lit }), `${list}: ${LIST_LENGTH} records, ${field}=${JSON.stringify(lit)}`)
      )
        lists++;
    });
  // a record given as its kind (`weather = "sand"` where the code also reads `weather.kind`:
  // `type(w) == "table" and w.kind or w` takes both, and what stores it may take only one)
  let kinds = 0;
  for (const p of paths.filter((q) => /\.(kind|type)$/.test(q) && !q.includes('[]')))
    for (const lit of shape.get(p)!.literals.filter((l) => typeof l === 'string' && !ends(l)))
      if (kinds < MAX_PER_KIND && push(parentOf(p), lit, `${parentOf(p)}=${JSON.stringify(lit)} (its ${leafOf(p)})`)) kinds++;
  // rule tables (records.ts): each record's key with its limits and one past them
  let rules = 0;
  for (const c of ruleChanges(shape)) {
    if (rules >= MAX_PER_KIND) break;
    let d: unknown = base;
    for (const [p, v] of c.set) d = d === undefined ? d : withPath(d, p, v);
    if (pushData(d, c.note)) rules++;
  }
  // pairs: a top-level optional field left out with a further literal of another top-level
  // field (the default the code fills in for the one may depend on the other: an encounter
  // rolled in each biome when no opponent is given)
  // (ids left out are only generated: not paired; each optional field's first literal, then the second ones)
  let pairsOut = 0;
  const pairable = optional.filter((p) => segments(p).length === 1 && !/id$/i.test(p) && withoutPath(base, p) !== undefined);
  const others = (o: string) => further.filter(([q, l]) => q !== o && segments(q).length === 1 && !ends(l));
  for (let i = 0; i < Math.max(0, ...pairable.map((o) => others(o).length)); i++)
    for (const o of pairable) {
      const [p, lit] = others(o)[i] ?? [];
      const d = p === undefined ? undefined : withPath(withoutPath(base, o), p, lit);
      if (pairsOut < MAX_PER_KIND && pushData(d, `${o} left out, ${p}=${JSON.stringify(lit)}`)) pairsOut++;
    }
  // a further literal with a boundary of another field (a sitrus berry at 1 HP: the record the
  // literal picks behaves differently only at the other field's limit)
  let crossed = 0;
  const boundaries = paths.flatMap((p) => (shape.get(p)!.bounds ?? []).flatMap((b) => [b, b + 1].map((v) => [p, v] as const)));
  // (the literals after the first: the other values' one, then the further ones)
  const alternatives = paths
    .flatMap((p) =>
      shape
        .get(p)!
        .literals.slice(1, 3)
        .map((l) => [p, l] as const),
    )
    .filter(([, l]) => !ends(l));
  for (const [a, lit] of alternatives.slice(0, 3))
    for (const [b, v] of boundaries) {
      if (b === a || crossed >= MAX_PER_KIND) continue;
      if (pushData(withPath(withPath(base, a, lit), b, v), `${a}=${JSON.stringify(lit)}, ${b}=${v}`)) crossed++;
    }
  // boundaries of ordered comparisons: each field's first boundary, then the second ones, ...
  let bounds = 0;
  const most = Math.max(0, ...paths.map((p) => shape.get(p)!.bounds?.length ?? 0));
  for (let i = 0; i < most; i++)
    for (const p of paths) {
      const b = shape.get(p)!.bounds?.[i];
      if (b !== undefined) for (const v of [b - 1, b, b + 1]) if (bounds < MAX_PER_KIND && push(p, v, `${p}=${v} (boundary of ${b})`)) bounds++;
    }
  // a value between a field's lowest and highest limit (`qty < 1` and `qty > 99`: 50): a limit
  // the code does not name (a stock, a balance) lies inside that range; the refusal it gets
  // may name it (told.ts)
  let middles = 0;
  for (const p of paths) {
    const bs = shape.get(p)!.bounds ?? [];
    const [lo, hi] = [Math.min(...bs), Math.max(...bs)];
    if (bs.length < 2 || hi - lo < 4 || middles >= MAX_PER_KIND) continue;
    const mid = Math.floor((lo + hi) / 2);
    if (push(p, mid, `${p}=${mid} (between ${lo} and ${hi})`)) middles++;
  }
  const rest = out.filter((v) => !pairs.some((p) => p.data === v.data)).slice(0, MAX_VARIANTS);
  return [...rest, ...pairs];
}
