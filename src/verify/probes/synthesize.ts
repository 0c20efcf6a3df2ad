// Probe messages for one process: for each live handler, the tags that select it plus the tags
// and JSON fields its code reads, with deterministic values plausible by name and use; sent
// by the owner, a stranger and every other process of the config; with all tags, with the
// selecting tags alone, and from a wrong sender; the whole list twice (state the first pass
// builds is read by the second). No randomness: the same closure gives the same file.
import type { LuaNode } from '../../parse/luaAst.ts';
import type { LiveHandler } from './discover.ts';
import { collectDataShape, type DataShape } from './dataShape.ts';
import { buildData, poolKey, type ValuePool } from './dataValues.ts';
import { valueVariants, type DataVariant } from './variants.ts';
import { isChecking, isEnding, isStarting } from './lifecycle.ts';
import { nameVocabulary } from './vocabulary.ts';
import { followUps, sessionMessages, SUBJECT_FIELD, swapData } from './sessions.ts';
import { collectReads, emptyReads, MESSAGE_FIELDS, type ClosureScan, type ReadSet } from './scan.ts';

export interface ProbeActors {
  owner: string;
  stranger: string;
  /** Ids of the other processes of the config, by name. */
  peers: { name: string; id: string }[];
}

export interface ProbeMessage {
  From: string;
  /** The signer, when not From (a relayed message). */
  Owner?: string;
  Tags: Record<string, string>;
  Data: string;
  Id: string;
  /** Why the message exists (handler and variant): written as the trace line's comment. */
  note: string;
}

export const PROBE_STRANGER = 'PROBE_STRANGER'.padEnd(43, '0');
/** Aos handlers every process has (eval, default, internal once-handlers): not probed. */
export const isAosHandler = (name: string): boolean => name.startsWith('_') || name === 'Federation-Status' || name === 'Federation-Module';

/** A plausible value for a tag or field, by its name and how the code uses it. */
export function plausibleValue(name: string, actors: ProbeActors, numeric = false): string {
  const n = name.toLowerCase();
  // positions (a move slot, a party index) count from 1 in Lua: 100 is rarely one
  if (/(index|slot|idx|position|pos)$/.test(n)) return '1';
  // what is left of a capacity (`currentHp`, `health`, `energy`) is sent above any maximum: the
  // code clamps it to the maximum (a creature at full health, which lives through a turn and
  // meets what happens at full health) or refuses it naming the limit, sent next (told.ts)
  if (/(hp|health|energy)$/.test(n)) return '999';
  if (numeric || /(quantity|amount|balance|price|count|qty|limit|size|total|supply|denomination|fee|stake|level|wave|page|number|score|cost)$/.test(n))
    return '100';
  if (/(timestamp|time|date|expir|deadline|until|since|height)/.test(n)) return '1700000000000';
  if (/^(is|has|allow|enable|active|flag)|enabled$|active$/.test(n)) return 'true';
  if (/(process|module)(-?id)?$/.test(n)) return actors.peers[0]?.id ?? actors.stranger;
  if (/(recipient|target|sender|owner|wallet|address|user|player|account|from|to|creator|controller|id)$/.test(n)) return actors.stranger;
  if (/(ticker|symbol)$/.test(n)) return 'PRB';
  if (/name$/.test(n)) return 'probe';
  return `probe-${n.replace(/[^a-z0-9]+/g, '-')}`;
}

function dataValue(name: string, seen: (string | number | boolean)[], actors: ProbeActors): string | number | boolean {
  const lit = seen.find((v) => v !== undefined);
  if (lit !== undefined) return lit;
  const v = plausibleValue(name, actors);
  if (/^\d+$/.test(v) && v.length < 15) return Number(v);
  if (v === 'true') return true;
  return v;
}

/** Tags the handler's code reads, with their values (literals compared with come first). */
function readTags(reads: ReadSet, actors: ProbeActors, skip: Set<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [tag, lits] of [...reads.tags].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (skip.has(tag) || MESSAGE_FIELDS.has(tag)) continue;
    out[tag] = lits[0] ?? plausibleValue(tag, actors, reads.numeric.has(tag));
  }
  return out;
}

function flatData(reads: ReadSet, actors: ProbeActors): string {
  if (reads.dataFields.size === 0) return '';
  const entries = [...reads.dataFields].sort((a, b) => a[0].localeCompare(b[0])).map(([k, seen]) => [k, dataValue(k, seen, actors)] as const);
  return JSON.stringify(Object.fromEntries(entries));
}

/** The selecting tags of a handler: its live selectors, then what a pattern function compares. */
function selectorVariants(h: LiveHandler, scan: ClosureScan, actors: ProbeActors): { tags: Record<string, string>; absent: Set<string> }[] {
  const stat = scan.handlers.get(h.name);
  const base: Record<string, string> = {};
  const absent = new Set<string>(stat?.pattern?.absent ?? []);
  for (const [tag, v] of stat?.pattern?.require ?? []) base[tag] = v ?? plausibleValue(tag, actors, scan.reads.numeric.has(tag));
  if (h.selectors.length === 0) return [{ tags: base, absent }];
  // one variant per alternative value of the first multi-valued selector (hasMatchingTagOf)
  const multi = h.selectors.find((s) => s.values.length > 1);
  const pick = (s: { name: string; values: string[] }, v: string | undefined) => (v === undefined || v === '_' ? plausibleValue(s.name, actors) : v);
  const one = (alt?: string) => {
    const tags = { ...base };
    for (const s of h.selectors) tags[s.name] = pick(s, s === multi && alt !== undefined ? alt : s.values[0]);
    return { tags, absent };
  };
  return multi ? multi.values.map((v) => one(v)) : [one()];
}

/**
 * What one handler reads: the tags and the Data shape of the functions registered under its
 * name (inline, named, or passed to a wrapper and found in another module), following decoded
 * values into the functions they are passed to. Falls back to the whole closure's tag reads
 * when no function is found for the name.
 */
export function handlerReads(name: string, scan: ClosureScan): { reads: ReadSet; shape: DataShape } {
  const fns = scan.index.registered.get(name) ?? [];
  const shape: DataShape = new Map();
  const reads = emptyReads();
  for (const { fn, scope } of fns) {
    collectReads(fn, reads);
    // a parameter a decoding wrapper fills with the decoded Data (`pcall(fn, msg, data)`)
    const env = new Map<string, string>();
    ((fn.parameters as LuaNode[]) ?? []).forEach((p, i) => {
      if (i > 0 && scan.decodedArgs.has(i) && p.type === 'Identifier') env.set(p.name as string, '');
    });
    collectDataShape(fn, scope, scan.index.resolve, shape, env, 0, undefined, scan.constants);
  }
  if (!fns.length) return { reads: scan.handlers.get(name)?.reads ?? scan.reads, shape };
  nameVocabulary(shape, scan.index.modules);
  return { reads, shape };
}

/** Tag values taken from the pool (ids answered earlier to the same sender), by tag name. */
function pooled(tags: Record<string, string>, pool: ValuePool | undefined, keep: Set<string>): Record<string, string> {
  if (!pool) return tags;
  const out = { ...tags };
  for (const k of Object.keys(out)) {
    const v = keep.has(k) ? undefined : pool.get(poolKey(k));
    if (v !== undefined) out[k] = String(v);
  }
  return out;
}

/**
 * The handlers in registration order, those whose name says they start, create or register
 * something first and those that end or remove something last: a pass then registers peers,
 * starts a session, uses it (a save, a battle) and only then ends it, where registration order
 * (BATTLE_COORDINATION, SESSION_START, SESSION_END, SAVE_GAME) would use the session before it
 * starts or after it ends.
 */
export function lifecycleOrder<T extends { name: string }>(handlers: T[]): T[] {
  const middle = handlers.filter((h) => !isStarting(h.name) && !isEnding(h.name));
  return [...handlers.filter((h) => isStarting(h.name)), ...middle, ...handlers.filter((h) => isEnding(h.name))];
}

/**
 * A variant's own copy of an id (same length), named by a hash of its handler and note: the
 * same variant makes the same record in both passes (its index may differ: the second pass's
 * values, taken from the first's answers, can make two variants alike), so the second pass's
 * sessions use the records the first made.
 */
function freshId(id: string, handler: string, note: string, kind: 'V' | 'S'): string {
  let h = 0x811c9dc5;
  for (const ch of `${handler}\n${note}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  const tag = `_${kind}${h.toString(36).padStart(7, '0').slice(-5)}`;
  return id.slice(0, id.length - tag.length) + tag;
}

/** The length of the longest list in a JSON Data (0 when none, or not JSON). */
function longestList(data: string): number {
  const walk = (v: unknown): number =>
    Array.isArray(v) ? Math.max(v.length, ...v.map(walk)) : v && typeof v === 'object' ? Math.max(0, ...Object.values(v).map(walk)) : 0;
  try {
    return walk(JSON.parse(data));
  } catch {
    return 0;
  }
}

/**
 * The Data of value variant k of a handler, and the record or subject it makes: a handler that
 * creates something gets a new id per variant (else all but the first are refused as existing;
 * the first keeps the id the other handlers use); a checking handler's variant is about a
 * subject of its own (a player), so what one variant holds against it (a failed check recorded
 * as a violation) never refuses the next.
 */
function variantData(handler: string, v: DataVariant, k: number, id: string): { data: string; created?: string; subject?: string } {
  if (isStarting(handler) && k > 0) {
    const fresh = freshId(id, handler, v.note, 'V');
    const swapped = swapData(v.data, id, fresh);
    return swapped === v.data ? { data: v.data } : { data: swapped, created: fresh };
  }
  if (isChecking(handler)) {
    const fresh = freshId(id, handler, v.note, 'S');
    const swapped = swapData(v.data, id, fresh, SUBJECT_FIELD);
    return swapped === v.data ? { data: v.data } : { data: swapped, subject: fresh };
  }
  return { data: v.data };
}

/**
 * Probe messages for one process (one pass; see probeList for the whole list). `pools` (per
 * sender: ids the process answered that sender earlier) make a second pass read back what the
 * first created: a query sent with the id a create answered.
 */
export function probePass(
  handlers: LiveHandler[],
  scan: ClosureScan,
  actors: ProbeActors,
  pools?: Map<string, ValuePool>,
  answered?: Set<string>,
): Omit<ProbeMessage, 'Id'>[] {
  const out: Omit<ProbeMessage, 'Id'>[] = [];
  // values that end something (`flee`) after every handler: the others use the live state first
  const last: Omit<ProbeMessage, 'Id'>[] = [];
  // the ids starting variants created (in order), each with the note of the message that created it (sessions.ts)
  const createdBy = new Map<string, string>();
  const createdSize = new Map<string, number>();
  // the records made with a list of several entries (a party of six): sessions switch through them
  const listed = new Set<string>();
  // the subjects the other handlers' variants were sent about, each with that message (sessions.ts, followUps)
  const subjects = new Map<string, Omit<ProbeMessage, 'Id'>>();
  const owned = new Map<string, Omit<ProbeMessage, 'Id'>[]>();
  // each position field's messages (`switchTo=2`, `switchTo=3`, ...), by handler and field: sessions play them
  const positions = new Map<string, Omit<ProbeMessage, 'Id'>[]>();
  const byOwner = (h: string, m: Omit<ProbeMessage, 'Id'>) => {
    if (m.From === actors.owner && !isStarting(h)) owned.set(h, [...(owned.get(h) ?? []), m]);
  };
  const senders = [{ who: 'owner', id: actors.owner }, { who: 'stranger', id: actors.stranger }, ...actors.peers.map((p) => ({ who: p.name, id: p.id }))];
  for (const h of lifecycleOrder(handlers)) {
    if (isAosHandler(h.name)) continue;
    const { reads, shape } = handlerReads(h.name, scan);
    const selectors = selectorVariants(h, scan, actors);
    for (const sel of selectors) {
      const skip = new Set([...Object.keys(sel.tags), ...sel.absent]);
      const full = { ...readTags(reads, actors, skip), ...sel.tags };
      const baseData = shape.size ? buildData(shape, actors, 0, pools?.get(actors.owner)) : flatData(reads, actors);
      // several values per field: the first literals and plausible values, then the others
      const alts = shape.size ? [0, 1] : [0];
      for (const alt of alts) {
        // the other values from the owner and a stranger only (every sender saw the first)
        for (const s of alt ? senders.slice(0, 2) : senders) {
          const pool = pools?.get(s.id);
          const data = shape.size ? buildData(shape, actors, alt, alt === 0 ? pool : undefined) : flatData(reads, actors);
          const m = {
            From: s.id,
            Tags: alt === 0 ? pooled(full, pool, new Set(Object.keys(sel.tags))) : full,
            Data: data,
            note: `${h.name}: all tags${alt ? ', other values' : ''}, from ${s.who}`,
          };
          out.push(m);
          if (alt === 0 && sel === selectors[0]) byOwner(h.name, m);
        }
      }
      // more values from the owner: peer registrations, further literals, boundaries
      if (shape.size) {
        const pool = pools?.get(actors.owner);
        valueVariants(shape, buildData(shape, actors, 0, pool), actors).forEach((v, k) => {
          const { data, created: made, subject } = variantData(h.name, v, k, actors.stranger);
          if (made && !createdBy.has(made)) {
            createdBy.set(made, `${h.name}: ${v.note}, from owner`);
            createdSize.set(made, data.length);
            if (longestList(data) > 1) listed.add(made);
          }
          const m = { From: actors.owner, Tags: pooled(full, pool, new Set(Object.keys(sel.tags))), Data: data, note: `${h.name}: ${v.note}, from owner` };
          (v.ends ? last : out).push(m);
          if (subject && !v.ends && !subjects.has(subject)) subjects.set(subject, m);
          if (!v.ends && sel === selectors[0]) byOwner(h.name, m);
          if (v.position && sel === selectors[0] && !isStarting(h.name)) {
            const key = `${h.name}\n${v.position}`;
            positions.set(key, [...(positions.get(key) ?? []), m]);
          }
        });
      }
      // boundaries of tags ordered against numbers (`tonumber(msg.Tags.Quantity) > 0`)
      for (const [tag, bounds] of [...(reads.bounds ?? [])].sort((a, b) => a[0].localeCompare(b[0])).slice(0, 4)) {
        if (skip.has(tag)) continue;
        for (const b of bounds.slice(0, 2))
          for (const v of [b - 1, b, b + 1])
            if (String(v) !== full[tag])
              out.push({
                From: actors.owner,
                Tags: { ...full, [tag]: String(v) },
                Data: baseData,
                note: `${h.name}: ${tag}=${v} (boundary of ${b}), from owner`,
              });
      }
      // selecting tags alone (required tags missing), then from the owner with no Data
      out.push({ From: actors.owner, Tags: sel.tags, Data: '', note: `${h.name}: selecting tags only, from owner` });
      out.push({ From: actors.stranger, Tags: sel.tags, Data: '', note: `${h.name}: selecting tags only, wrong sender` });
      // a matcher of its own (no tag the live list explains): also a relayed message, From
      // not its signer (`msg.From ~= msg.Owner`: a forwarded or spoofed sender, what trust
      // checks look for)
      if (!h.known) out.push({ From: actors.stranger, Owner: actors.owner, Tags: full, Data: baseData, note: `${h.name}: relayed (From is not Owner)` });
    }
  }
  // every other record created is used too (sessions.ts), then ended
  // each handler's main message: the first of the owner's the baseline answered without an
  // error in the first pass (`answered`), else the one with all tags
  const mainOf = (h: string) => {
    const list = owned.get(h) ?? [];
    return list.find((m) => answered?.has(m.note)) ?? list[0];
  };
  const uses = lifecycleOrder(handlers).filter((h) => !isAosHandler(h.name) && !isStarting(h.name));
  const pick = (ends: boolean) =>
    uses
      .filter((h) => isEnding(h.name) === ends)
      .map((h) => mainOf(h.name))
      .filter((m) => m !== undefined);
  const sessions = sessionMessages(
    [...createdBy.keys()],
    actors.stranger,
    { main: pick(false), ending: pick(true), turns: [...positions.values()], listed },
    answered && { answered, createdBy, sizes: createdSize },
  );
  return [...out, ...sessions, ...followUps(subjects, actors.stranger, pick(false)), ...last];
}

/**
 * The whole probe list: one pass, then the pass again (with `pools`: the ids the first pass
 * was answered, see harvestPools; `answered`: the notes of its messages answered without an
 * error); ids numbered in order.
 */
export function probeList(
  handlers: LiveHandler[],
  scan: ClosureScan,
  actors: ProbeActors,
  pools?: Map<string, ValuePool>,
  answered?: Set<string>,
): ProbeMessage[] {
  const pass = probePass(handlers, scan, actors);
  const second = pools ? probePass(handlers, scan, actors, pools, answered) : pass;
  return numbered([...pass, ...second].map((m, i) => ({ ...m, note: `${i < pass.length ? 'pass 1' : 'pass 2'}: ${m.note}` })));
}

/** Message ids in list order (`PROBE_000001...`): the same list always gets the same ids. */
export function numbered(list: Omit<ProbeMessage, 'Id'>[]): ProbeMessage[] {
  return list.map((m, i) => ({ ...m, Id: probeId(i) }));
}

/** The id of the message at `index` of a probe list. */
export const probeId = (index: number): string => `PROBE_${String(index + 1).padStart(6, '0')}`.padEnd(43, '0');
