// Values a refusal names. A process that refuses a message often says where its limit lies:
// "ivs.hp: must be 0..31", "at most 99 per trade", "only 37 potion left today", "needs 400".
// That limit is often not a literal of the code (a stock rolled per day, a balance, a table's
// field), so no boundary read from the syntax tree finds it. Each probe the baseline refused
// with such numbers is followed by the same message with a numeric field set to each number:
// the fields whose path the refusal names (one it names that the Data lacks is added), else
// each numeric field. Sent right after the refused message, in the state that refusal
// described (the stock left, the balance), so a comparison flipped at that limit (`left < qty`
// to `<=`) answers differently. A follow-up refused with another named field is followed in
// turn until one is accepted: an import refused IV by IV ("ivs.attack: must be 0..31") ends
// accepted, and the code behind the validation runs.
import { normaliseError } from '../normalise.ts';
import { isErrorAnswer } from '../replay.ts';
import type { Answer } from '../types.ts';
import type { ProbeMessage } from './synthesize.ts';

/** Follow-ups of one refused message, at most. */
const PER_MESSAGE = 4;
/** Follow-ups (and theirs) of one message of the list, at most. */
const PER_SOURCE = 6;
/** Follow-ups per handler and pass, at most (the same refusal repeats across variants). */
const PER_HANDLER = 40;
/** Follow-ups of follow-ups, this deep at most (a told value may meet the next limit). */
const DEPTH = 8;
/** Numeric fields a refusal that names none may set, at most (more: the numbers fit any). */
const UNNAMED = 2;
/** Numbers read from one refusal, at most. */
const NUMBERS = 4;

/** The texts of a refusal: aos's error, Error tags, and the strings of JSON Data of error replies. */
function refusalTexts(a: Answer): string[] {
  const out: string[] = [];
  // (chunk locations and tracebacks out: `[string "aos"]:8663:` names a line, not a limit)
  const push = (t: string) => out.push(normaliseError(t));
  if (a.error) push(a.error);
  const strings = (v: unknown): void => {
    if (typeof v === 'string') push(v);
    else if (Array.isArray(v)) v.forEach(strings);
    else if (v && typeof v === 'object') Object.values(v).forEach(strings);
  };
  for (const m of a.messages) {
    for (const [k, v] of m.Tags) if (k === 'Error') push(v);
    try {
      strings(JSON.parse(m.Data));
    } catch {
      push(m.Data);
    }
  }
  return out;
}

/** Words that put a number as a strict limit, just before it. */
const ABOVE = /\b(?:(?:greater|more|larger|higher|bigger)\s+than|above|over|exceeds?)\s*$/i;
const BELOW = /\b(?:(?:less|fewer|smaller|lower)\s+than|below|under)\s*$/i;

/**
 * The integers a refusal's texts name (not list positions like `pokemon[1]`, not digits inside
 * ids), in order, at most NUMBERS.
 */
export function toldNumbers(texts: string[]): number[] {
  const out: number[] = [];
  for (const t of texts) {
    const text = t.replace(/\[\d+\]/g, '');
    // (a sign only where no word precedes it: `rcpt-7a` holds no number; `1.5` neither)
    for (const m of text.matchAll(/(?<!\d\.)(?:(?<!\w)-|(?<![\w-]))\d{1,15}(?!\w|\.\d)/g)) {
      const n = Number(m[0]);
      // a strict limit names the first value past it too ("greater than 1000000": 1000001)
      const before = text.slice(0, m.index);
      const past = ABOVE.test(before) ? n + 1 : BELOW.test(before) ? n - 1 : undefined;
      for (const v of [n, past]) if (v !== undefined && Number.isSafeInteger(v) && !out.includes(v) && out.length < NUMBERS) out.push(v);
      if (out.length >= NUMBERS) return out;
    }
  }
  return out;
}

interface NumericField {
  /** Dotted path in the Data (`[]`: every element of a list), or `tag:Name`. */
  path: string;
  key: string;
  value: number;
}

function numericFields(data: unknown, prefix = ''): NumericField[] {
  if (Array.isArray(data)) {
    const seen = new Map<string, NumericField>();
    for (const el of data) for (const f of numericFields(el, `${prefix}[]`)) if (!seen.has(f.path)) seen.set(f.path, f);
    return [...seen.values()];
  }
  if (!data || typeof data !== 'object') return [];
  return Object.entries(data)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([k, v]) => {
      const path = prefix ? `${prefix}.${k}` : k;
      return typeof v === 'number' && Number.isInteger(v) ? [{ path, key: k, value: v }] : numericFields(v, path);
    });
}

/** A copy of `data` with every value at `path` (`[]`: each element) set to `value` (a missing last field added). */
function setAll(data: unknown, segs: string[], value: number): unknown {
  if (!segs.length) return value;
  const [seg, ...rest] = segs as [string, ...string[]];
  if (seg === '[]') return Array.isArray(data) ? data.map((el) => setAll(el, rest, value)) : data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  const rec = data as Record<string, unknown>;
  return Object.hasOwn(rec, seg) || !rest.length ? { ...rec, [seg]: setAll(rec[seg], rest, value) } : rec;
}

/** The records of `data` by path (`[]`: each element of a list). */
function recordPaths(data: unknown, prefix = ''): { path: string; rec: Record<string, unknown> }[] {
  if (Array.isArray(data)) return data.length ? recordPaths(data[0], `${prefix}[]`) : [];
  if (!data || typeof data !== 'object') return [];
  const rec = data as Record<string, unknown>;
  return [{ path: prefix, rec }, ...Object.entries(rec).flatMap(([k, v]) => recordPaths(v, prefix ? `${prefix}.${k}` : k))];
}

/**
 * Fields a refusal names by a dotted path that the Data lacks (`ivs.attack: must be 0..31`,
 * where the Data's `ivs` holds only `hp`): the code reads them in a way the syntax tree did
 * not show (a loop over a list of names), and wants them there.
 */
function missingFields(data: unknown, texts: string[]): NumericField[] {
  const out: NumericField[] = [];
  const names = new Set(texts.flatMap((t) => [...t.matchAll(/\b[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+\b/g)].map((m) => m[0])));
  for (const name of names) {
    const segs = name.split('.');
    const leaf = segs.pop()!;
    for (const { path, rec } of recordPaths(data)) {
      const plain = path.replace(/\[\]/g, '').split('.').filter(Boolean);
      const parentNamed = plain.length >= segs.length && plain.slice(plain.length - segs.length).join('.') === segs.join('.');
      if (parentNamed && !Object.hasOwn(rec, leaf)) out.push({ path: `${path}.${leaf}`, key: leaf, value: Number.NaN });
    }
  }
  return out;
}

/** Whether a text names a path (`ivs.hp`, `Lock-Length` as "lock length"), in any case. */
const mentions = (texts: string[], segs: string[]): boolean => {
  const phrase = (name: string) =>
    name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .join('[\\s_-]*');
  const phrases = segs.map(phrase);
  if (phrases.some((p) => !p)) return false;
  const word = new RegExp(`(^|[^A-Za-z0-9_])${phrases.join('\\.')}([^A-Za-z0-9_]|$)`, 'i');
  return texts.some((t) => word.test(t));
};

type Draft = Omit<ProbeMessage, 'Id'>;

/**
 * The follow-ups of one message the baseline refused with numbers (none for another answer);
 * `named`: the refusal names the fields they set.
 */
export function toldVariants(m: Draft, answer: Answer): { variants: Draft[]; named: boolean } {
  const none = { variants: [], named: false };
  if (!isErrorAnswer(answer)) return none;
  const texts = refusalTexts(answer);
  const numbers = toldNumbers(texts);
  if (!numbers.length) return none;
  let data: unknown;
  try {
    data = m.Data ? JSON.parse(m.Data) : {};
  } catch {
    data = {};
  }
  const tagFields: NumericField[] = Object.entries(m.Tags)
    .filter(([k, v]) => /^-?\d{1,15}$/.test(v) && !/id$/i.test(k))
    .map(([k, v]) => ({ path: `tag:${k}`, key: k, value: Number(v) }));
  const all = [...numericFields(data).filter((f) => !/id$/i.test(f.key)), ...tagFields, ...missingFields(data, texts)];
  // the fields the refusal names, by the longest end of their path it names (`ivs.hp` over
  // `evs.hp` when it says "ivs.hp: must be 0..31")
  const named = (f: NumericField): number => {
    const segs = f.path.replace(/^tag:/, '').replace(/\[\]/g, '').split('.').filter(Boolean);
    let n = 0;
    while (n < segs.length && mentions(texts, segs.slice(segs.length - n - 1))) n++;
    return n;
  };
  const best = Math.max(0, ...all.map(named));
  // (a refusal that names no field: only a message with one or two numbers to set, `quantity`)
  const fields = best ? all.filter((f) => named(f) === best) : all.length <= UNNAMED ? all : [];
  const out: Draft[] = [];
  for (const f of fields)
    for (const n of numbers) {
      if (n === f.value || out.length >= PER_MESSAGE) continue;
      const told = `told ${f.path.replace(/^tag:/, '')}=${n}`;
      if (f.path.startsWith('tag:')) out.push({ ...m, Tags: { ...m.Tags, [f.key]: String(n) }, note: `${m.note}; ${told}` });
      else out.push({ ...m, Data: JSON.stringify(setAll(data, f.path.replace(/\[\]/g, '.[]').split('.').filter(Boolean), n)), note: `${m.note}; ${told}` });
    }
  return { variants: out, named: best > 0 };
}

/**
 * `messages` sent one by one (`send`: to a live baseline, the i-th message sent gets id i),
 * each refusal that names numbers followed at once by its follow-ups, sent in the state it
 * described; a follow-up refused with other numbers is followed in turn, DEPTH deep. Returns
 * every message sent, in order.
 */
export async function withToldValues(messages: Draft[], send: (m: Draft, index: number) => Promise<Answer>): Promise<Draft[]> {
  const out: Draft[] = [];
  const perHandler = new Map<string, number>();
  // (follow-ups are sent once each; a message of the list may also be a follow-up: the list
  // sends it in another state)
  const sent = new Set<string>();
  // whether `m`, or a follow-up of it, was accepted
  const visit = async (m: Draft, depth: number, budget: { left: number }): Promise<boolean> => {
    const answer = await send(m, out.length);
    out.push(m);
    const { variants, named } = toldVariants(m, answer);
    // (past the first follow-up, only where the refusal names the field: one field fixed
    // per step, `ivs.hp` then `ivs.attack`, ...)
    if (depth >= DEPTH || (depth > 0 && !named)) return !isErrorAnswer(answer);
    // `pass N: HANDLER: ...`: one budget per handler and pass
    const handler = /^(pass \d+: )?[^:]*/.exec(m.note)![0];
    for (const v of variants) {
      const key = `${v.From}\n${JSON.stringify(v.Tags)}\n${v.Data}`;
      const used = perHandler.get(handler) ?? 0;
      if (sent.has(key) || used >= PER_HANDLER || budget.left <= 0) continue;
      sent.add(key);
      perHandler.set(handler, used + 1);
      budget.left--;
      // (each value the refusal names is tried; past the first follow-up, a chain of fixes
      // ends at the first the process accepts)
      if ((await visit(v, depth + 1, budget)) && depth > 0) return true;
    }
    return !isErrorAnswer(answer);
  };
  for (const m of messages) await visit(m, 0, { left: PER_SOURCE });
  return out;
}
