// Handler coverage during verification: which registered handlers ran at least once. After the
// boot, every handler's `handle` in Handlers.list is wrapped to mark its name in the global
// `__probeReached` (a `__` name: left out of state snapshots) before a proper tail call to the
// original, so answers, errors and the list itself are unchanged; Handlers.evaluate re-wraps
// handlers added or replaced since. Both sides of a comparison are instrumented alike, and only
// verification boots are: a deployed build never carries it.
import { MigrateError } from '../errors.ts';
import { type AosProcess, jsonBetweenMarkers, markedJson } from './aosRuntime.ts';
import { stripAnsi } from './normalise.ts';
import { isAosHandler } from './probes/synthesize.ts';

// A function pattern is wrapped too, to count the messages it saw and matched (a match is what
// Handlers.evaluate acts on: true, a non-zero number, "continue" or "break") and to keep where it
// is defined: an unreached handler is then explained (never evaluated: refused by aos or taken by
// an earlier handler; or evaluated and never matched, with what it selects on). Table and string
// patterns are left as they are (the probes carry their selecting tags).
export const COVERAGE_INSTRUMENT = `
__probeReached = __probeReached or {}
__probePatterns = __probePatterns or {}
local wrapped = setmetatable({}, { __mode = 'k' })
local function wrapAll()
  for _, h in ipairs(Handlers.list) do
    local f, p, name = h.handle, h.pattern, h.name
    if type(f) == 'function' and not wrapped[f] then
      local g = function(...) __probeReached[name] = true; return f(...) end
      wrapped[g] = true
      h.handle = g
    end
    if type(p) == 'function' and not wrapped[p] then
      local ok, info = pcall(debug.getinfo, p, 'S')
      local seen = { n = 0, m = 0, line = ok and info and info.linedefined or 0, last = ok and info and info.lastlinedefined or 0 }
      __probePatterns[tostring(name)] = seen
      local q = function(...)
        local r = p(...)
        seen.n = seen.n + 1
        if r == true or (type(r) == 'number' and r ~= 0) or r == 'continue' or r == 'break' then seen.m = seen.m + 1 end
        return r
      end
      wrapped[q] = true
      h.pattern = q
    end
  end
end
wrapAll()
local evaluate = Handlers.evaluate
Handlers.evaluate = function(...) wrapAll(); return evaluate(...) end
`;

const READ = `
local names, reached = {}, {}
for _, h in ipairs(Handlers.list) do names[#names + 1] = tostring(h.name) end
for k in pairs(__probeReached or {}) do reached[#reached + 1] = tostring(k) end
${jsonBetweenMarkers('{ registered = names, reached = reached, patterns = __probePatterns or {} }')}`;

/** What a function pattern saw: messages evaluated, matched, and the lines of its definition. */
export interface PatternSeen {
  evaluated: number;
  matched: number;
  /** What the pattern's own text selects on, read from the source lines (e.g. `msg.From`). */
  reads: string[];
}

export interface HandlerCoverage {
  /** Handlers of the process (aos's own `_`-named ones and the loader's left out), in list order. */
  registered: string[];
  reached: string[];
  /** Function patterns by handler name. */
  patterns?: Record<string, PatternSeen>;
}

export async function instrumentCoverage(proc: AosProcess): Promise<void> {
  const r = await proc.eval(COVERAGE_INSTRUMENT);
  if (r.Error)
    throw new MigrateError('VERIFY-061', `cannot instrument the handler list: ${stripAnsi(String(r.Error))}`, {
      hint: 'the process may have replaced Handlers',
    });
}

/** The message fields a pattern's source text reads that no probe sets at will: the sender. */
const SENDER_READS = /\bmsg\s*(?:\.\s*(From|Owner)\b|\[\s*["'](From|Owner)["']\s*\])/g;
/** Tag tests in a pattern's text: `hasMatchingTag("X", "Y")` and `msg.Tags.X` / `msg.Tags["X"]`. */
const TAG_TESTS = /hasMatchingTag\s*\(\s*["']([^"']+)["']\s*,\s*["']([^"']*)["']|\bmsg\s*\.\s*Tags\s*(?:\.\s*([A-Za-z_][\w]*)|\[\s*["']([^"']+)["']\s*\])/g;

/** What a pattern's text tests, in order, each once: `From`-style sender reads and tag tests. */
function patternReads(text: string): string[] {
  const out = [...text.matchAll(SENDER_READS)].map((m) => `msg.${m[1] ?? m[2]}`);
  for (const m of text.matchAll(TAG_TESTS)) out.push(m[1] !== undefined ? `${m[1]} = ${m[2]}` : `tag ${m[3] ?? m[4]}`);
  return [...new Set(out)];
}

/** `source`: the Lua text the patterns were defined in (the process's own chunk), for what they read. */
export async function readCoverage(proc: AosProcess, source?: string): Promise<HandlerCoverage> {
  const r = await proc.eval(READ);
  if (r.Error) throw new MigrateError('VERIFY-061', `cannot read handler coverage: ${stripAnsi(String(r.Error))}`);
  const raw = (markedJson(r) ?? {}) as { registered?: unknown; reached?: unknown; patterns?: unknown };
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
  const registered = [...new Set(list(raw.registered).filter((n) => !isAosHandler(n)))];
  const reachedSet = new Set(list(raw.reached));
  const lines = source?.split('\n');
  const patterns: Record<string, PatternSeen> = {};
  for (const [name, v] of Object.entries((raw.patterns ?? {}) as Record<string, { n?: number; m?: number; line?: number; last?: number }>)) {
    if (!registered.includes(name)) continue;
    const text = lines && v.line && v.last && v.line > 0 ? lines.slice(v.line - 1, v.last).join('\n') : '';
    const reads = patternReads(text);
    patterns[name] = { evaluated: Number(v.n) || 0, matched: Number(v.m) || 0, reads };
  }
  return { registered, reached: registered.filter((n) => reachedSet.has(n)), patterns };
}

/** Why a handler was never reached, from what its pattern saw over every run. */
export function whyUnreached(seen: PatternSeen | undefined): string {
  if (!seen) return 'a table or string pattern none of the probe messages matched';
  if (seen.evaluated === 0)
    return 'its pattern saw no probe message: aos refused them before the handlers (an untrusted sender) or an earlier handler ended the chain';
  const sender = seen.reads.filter((r) => r.startsWith('msg.'));
  const tests = seen.reads.length ? ` (it tests ${seen.reads.join(', ')})` : '';
  const why = sender.includes('msg.Owner')
    ? "; it compares the sender with the signer: relayed messages (From not Owner) were sent too, and aos answered them itself ('Message is not trusted by this process') before any handler ran, so on aos this pattern only sees messages whose sender signed them"
    : sender.length
      ? `; it selects on the sender, and the probes come only from the owner, a stranger and the config's processes (and relayed messages for a matcher of its own): a process id the code holds or a sender registered by an earlier message is never sent`
      : '';
  return `its pattern matched none of the ${seen.evaluated} probe message(s) it saw${tests}${why}`;
}

/** Union of several runs' coverage of one process (registered in first-seen order). */
export function mergeCoverage(list: HandlerCoverage[]): HandlerCoverage & { unreached: string[]; percent: number; why: Record<string, string> } {
  const registered = [...new Set(list.flatMap((c) => c.registered))];
  const reachedSet = new Set(list.flatMap((c) => c.reached));
  const reached = registered.filter((n) => reachedSet.has(n));
  const unreached = registered.filter((n) => !reachedSet.has(n));
  const seen = (name: string): PatternSeen | undefined => {
    const all = list.map((c) => c.patterns?.[name]).filter((p): p is PatternSeen => !!p);
    if (!all.length) return undefined;
    return {
      evaluated: all.reduce((n, p) => n + p.evaluated, 0),
      matched: all.reduce((n, p) => n + p.matched, 0),
      reads: [...new Set(all.flatMap((p) => p.reads))],
    };
  };
  const why = Object.fromEntries(unreached.map((n) => [n, whyUnreached(seen(n))]));
  return { registered, reached, unreached, why, percent: registered.length ? (100 * reached.length) / registered.length : 100 };
}
