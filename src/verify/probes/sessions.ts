// Sessions: each record a starting handler's variants created (a battle per biome, a session
// per mode, made with its own id, see variantData in synthesize.ts) is used the way the first one
// is. Without them every use (a command, a preview, a state query) reaches only the first
// record, which one variant of its data may end in two moves; the others, created with other
// data (a rolled encounter, a weather, a boundary value), are never played. A session is
// ROUNDS rounds of every middle handler's main message (owner, all tags) with the record's
// id in place of the first one: a turn-based record advances a turn per round, and the
// queries between the turns read it while it lives.
import type { ProbeMessage } from './synthesize.ts';

export const ROUNDS = 3;
/** Further rounds in the second pass for a record still answering in its last round. */
export const MORE_ROUNDS = 6;
/** Records used per pass, at most (evenly spread over those created, in the variants' order). */
export const MAX_SESSIONS = 10;
/** Records the second pass adds that get MORE_ROUNDS too: the richest (sessionMessages). */
const RICHEST = 3;

type Draft = Omit<ProbeMessage, 'Id'>;

/** How notes name a record or subject: the end of its id (`_Vx4k2p`, synthesize.ts). */
export const recordLabel = (id: string): string => id.slice(-8);

const ID_FIELD = /id$/i;
/** Fields that name who a message is about (a player), not a record. */
export const SUBJECT_FIELD = /(player|user|account|wallet|address|subject|member|customer)(-?id)?$/i;

/** `data` (JSON) with top-level `fields` holding `id` set to `fresh`; other Data unchanged. */
export function swapData(data: string, id: string, fresh: string, fields: RegExp = ID_FIELD): string {
  try {
    const o = JSON.parse(data) as unknown;
    if (!o || typeof o !== 'object' || Array.isArray(o)) return data;
    let changed = false;
    for (const [k, v] of Object.entries(o)) {
      if (v === id && fields.test(k)) {
        (o as Record<string, unknown>)[k] = fresh;
        changed = true;
      }
    }
    return changed ? JSON.stringify(o) : data;
  } catch {
    return data;
  }
}

/** At most `n` of `list`, evenly spread over it (the variants that made them differ along it). */
function spread<T>(list: T[], n: number): T[] {
  if (list.length <= n) return list;
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]!);
}

/** A message of the first record made about another record (undefined when it names none). */
export function aboutRecord(m: Draft, id: string, fresh: string, fields = ID_FIELD): Draft | undefined {
  const Data = swapData(m.Data, id, fresh, fields);
  const Tags = Object.fromEntries(Object.entries(m.Tags).map(([k, v]) => [k, v === id && fields.test(k) ? fresh : v]));
  if (Data === m.Data && Object.keys(Tags).every((k) => Tags[k] === m.Tags[k])) return undefined;
  return { ...m, Data, Tags };
}

/** What a session sends about its record. */
export interface SessionPlays {
  /** The middle handlers' main messages, each round. */
  main: Draft[];
  /** The ending handlers' messages, once at the end (second pass). */
  ending: Draft[];
  /**
   * Per position field, its positions (`switchTo=2`, `switchTo=3`, ..., variants.ts): round r
   * also sends the r-th of each (the next member of the record's party switched in each round,
   * the next move slot).
   */
  turns?: Draft[][];
  /**
   * The records made with a list of several entries (a party of six): only those are played
   * the turns (a record of one member has no other position to switch to).
   */
  listed?: Set<string>;
}

/** What the first pass left (the second pass's sessions). */
export interface FirstPass {
  /** The notes the baseline answered without an error in the first pass. */
  answered: Set<string>;
  /** The note of the message that created each record (the records the first pass left out). */
  createdBy?: Map<string, string>;
  /** The size of the Data that created each record (the richest played first). */
  sizes?: Map<string, number>;
}

/**
 * The session messages: for each created id (at most MAX_SESSIONS), ROUNDS rounds of the
 * middle handlers' main messages about it, in handler order, each round with its position of
 * each handler's turns. In the second pass (`first`), a record still answering in its last
 * round gets MORE_ROUNDS more (a battle that lasts is played on), a record no round reached is
 * left alone, and every record is then ended (the ending handlers' messages).
 */
export function sessionMessages(created: string[], id: string, plays: SessionPlays, first?: FirstPass): Draft[] {
  const { main, ending, turns = [], listed } = plays;
  const { answered, createdBy, sizes } = first ?? {};
  const out: Draft[] = [];
  const about = (list: Draft[], fresh: string) => list.map((m) => aboutRecord(m, id, fresh)).filter((m): m is Draft => m !== undefined);
  // `<handler>: session of <id>, round N` (+ the variant used, when not all tags)
  const named = (m: Draft, fresh: string, what: string) => {
    const parts = /^(.*?): (.*), from owner$/.exec(m.note);
    const [handler, variant] = parts ? [parts[1], parts[2]] : [m.note, 'all tags'];
    return { ...m, note: `${handler}: session of ${recordLabel(fresh)}, ${what}${variant === 'all tags' ? '' : ` (${variant})`}` };
  };
  // a round: the main messages, then each handler's position for the round
  const playRound = (fresh: string, uses: Draft[], round: number) => {
    for (const m of uses) out.push(named(m, fresh, `round ${round}`));
    for (const list of !listed || listed.has(fresh) ? turns : []) {
      const m = list.length ? aboutRecord(list[(round - 1) % list.length]!, id, fresh) : undefined;
      if (m) out.push(named(m, fresh, `round ${round}`));
    }
  };
  // how many of a round's main messages the baseline answered without an error (first pass),
  // by record label and round (a round's positions are refused where the record has no such
  // member: not counted)
  const answeredRounds = new Map<string, number>();
  for (const n of answered ?? []) {
    const m = /: session of (\S+), round (\d+)(?: \(.*\))?$/.exec(n);
    if (!m || n.endsWith(' (position))')) continue;
    const key = `${m[1]} ${m[2]}`;
    answeredRounds.set(key, (answeredRounds.get(key) ?? 0) + 1);
  }
  const answeredIn = (fresh: string, round: number) => answeredRounds.get(`${recordLabel(fresh)} ${round}`) ?? 0;
  // (second pass: the records the first played, by their answers; its variants, made with the
  // values the first pass was answered, may differ, so a spread of them picks other records)
  const played = answered ? created.filter((c) => answeredIn(c, 1) > 0) : spread(created, MAX_SESSIONS);
  // second pass: also every record the first pass left out, of those whose creation the
  // baseline answered without an error, then ended: the richest first (the most Data made
  // them: a party of six differing members before a one-field change), the RICHEST of them
  // as long as a record still alive (two parties of six last longer than three turns), the
  // next up to MAX_SESSIONS three rounds, the others one (a battle in a sandstorm meets the
  // end of its first turn)
  const ranked = answered
    ? created
        .filter((c) => !played.includes(c) && answered.has(createdBy?.get(c) ?? ''))
        .map((c, i) => ({ c, i, size: sizes?.get(c) ?? 0 }))
        .sort((a, b) => b.size - a.size || a.i - b.i)
        .map((x, rank) => ({ ...x, rounds: rank < RICHEST ? ROUNDS + MORE_ROUNDS : rank < MAX_SESSIONS ? ROUNDS : 1 }))
    : [];
  for (const { c: fresh, rounds } of ranked.sort((a, b) => a.i - b.i)) {
    const uses = about(main, fresh);
    for (let round = 1; round <= rounds; round++) playRound(fresh, uses, round);
    for (const m of about(ending, fresh)) out.push(named(m, fresh, 'end'));
  }
  for (const fresh of played) {
    const uses = about(main, fresh);
    if (!uses.length) continue;
    if (!answered) {
      for (let round = 1; round <= ROUNDS; round++) playRound(fresh, uses, round);
      continue;
    }
    const first = answeredIn(fresh, 1);
    if (!first) continue;
    // still alive: its last round answered as much as its first (an ended battle refuses moves)
    const more = answeredIn(fresh, ROUNDS) >= first ? MORE_ROUNDS : 0;
    for (let round = ROUNDS + 1; round <= ROUNDS + more; round++) playRound(fresh, uses, round);
    for (const m of about(ending, fresh)) out.push(named(m, fresh, 'end'));
  }
  return out;
}

/**
 * Follow-ups: each subject a variant was sent about (its own `playerId`, see variantData in
 * synthesize.ts) is sent that variant's message again (what the first one stored, a state
 * accepted without a wave, is checked against the same message: a redelivered save), then,
 * for up to MAX_SESSIONS subjects evenly spread, one message of every middle handler: what the
 * variant left for it (a first violation) is read back, as a second message about the same
 * player would.
 */
export function followUps(subjects: Map<string, Draft>, id: string, main: Draft[]): Draft[] {
  const handlerOf = (m: Draft) => m.note.replace(/: .*$/, '');
  const again = [...subjects].map(([subject, m]) => ({ ...m, note: `${handlerOf(m)}: follow-up of subject ${recordLabel(subject)}, again` }));
  return [
    ...again,
    ...spread([...subjects.keys()], MAX_SESSIONS).flatMap((subject) =>
      main.flatMap((m) => {
        const about = aboutRecord(m, id, subject, SUBJECT_FIELD);
        return about ? [{ ...about, note: `${handlerOf(m)}: follow-up of subject ${recordLabel(subject)}` }] : [];
      }),
    ),
  ];
}
