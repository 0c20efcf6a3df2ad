// More Data values per handler than the first and other values (dataValues.ts), each sent
// from the owner with the rest of the Data as the first values have it:
// - peer registrations: a map the code walks with pairs under a process/peer-like name gets
//   every other process of the config, name -> world id; a name-like field next to an id-like
//   field gets each peer's name and world id in turn. AO processes learn their peers from such
//   messages, so in the world (worldProbes.ts) the peers' requests and replies then flow;
// - further literals a field is compared with or dispatched on (`ops[data.op]`: the table's
//   keys), beyond the two the first and other values take;
// - boundaries: a field ordered against a number N (`x > N`) gets N - 1, N and N + 1, so a
//   comparison flipped at its boundary (`>` to `>=`) answers differently.
// - the made-up `probe-*` strings left out (fields the code says nothing about: often optional).
// Bounded per handler (MAX_VARIANTS), in that order; deterministic.
import type { DataShape } from './dataShape.ts';
import { isEnding } from './lifecycle.ts';
import type { ProbeActors } from './synthesize.ts';

export const MAX_VARIANTS = 12;

export interface DataVariant {
  data: string;
  /** e.g. `level=99 (boundary of 100)`: the trace line's comment. */
  note: string;
  /** The value names an end (`flee`, `cancel`): sent at the end of the pass (synthesize.ts). */
  ends?: boolean;
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
  const push = (path: string, value: unknown, note: string, ends = false) => {
    const d = withPath(base, path, value);
    if (d === undefined) return;
    const data = JSON.stringify(d);
    if (data !== baseData && !out.some((v) => v.data === data)) out.push({ data, note, ...(ends ? { ends } : {}) });
  };
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
  for (const idPath of paths.filter((p) => ID_KEY.test(leafOf(p)))) {
    const namePath = paths.find((p) => p !== idPath && parentOf(p) === parentOf(idPath) && NAME_KEY.test(leafOf(p)));
    if (!namePath) continue;
    for (const peer of actors.peers) {
      const d = withPath(base, namePath, peer.name);
      if (d === undefined) continue;
      const both = withPath(d, idPath, peer.id);
      const data = JSON.stringify(both);
      if (both !== undefined && !out.some((v) => v.data === data)) out.push({ data, note: `${namePath}/${idPath}: peer ${peer.name}` });
    }
  }
  // further literals (the first two are the first and other values)
  // (those that end something, `flee`, `forfeit`, after the others: the state lives longer)
  const further = paths.flatMap((p) =>
    shape
      .get(p)!
      .literals.slice(2)
      .map((lit) => [p, lit] as const),
  );
  const ends = (lit: unknown) => typeof lit === 'string' && isEnding(lit);
  for (const [p, lit] of [...further.filter(([, l]) => !ends(l)), ...further.filter(([, l]) => ends(l))])
    push(p, lit, `${p}=${JSON.stringify(lit)}`, ends(lit));
  // boundaries of ordered comparisons
  for (const p of paths) {
    for (const b of shape.get(p)!.bounds ?? []) for (const v of [b - 1, b, b + 1]) push(p, v, `${p}=${v} (boundary of ${b})`);
  }
  return out.slice(0, MAX_VARIANTS);
}
