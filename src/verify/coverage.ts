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

export const COVERAGE_INSTRUMENT = `
__probeReached = __probeReached or {}
local wrapped = setmetatable({}, { __mode = 'k' })
local function wrapAll()
  for _, h in ipairs(Handlers.list) do
    local f, name = h.handle, h.name
    if type(f) == 'function' and not wrapped[f] then
      local g = function(...) __probeReached[name] = true; return f(...) end
      wrapped[g] = true
      h.handle = g
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
${jsonBetweenMarkers('{ registered = names, reached = reached }')}`;

export interface HandlerCoverage {
  /** Handlers of the process (aos's own `_`-named ones and the loader's left out), in list order. */
  registered: string[];
  reached: string[];
}

export async function instrumentCoverage(proc: AosProcess): Promise<void> {
  const r = await proc.eval(COVERAGE_INSTRUMENT);
  if (r.Error)
    throw new MigrateError('VERIFY-061', `cannot instrument the handler list: ${stripAnsi(String(r.Error))}`, {
      hint: 'the process may have replaced Handlers',
    });
}

export async function readCoverage(proc: AosProcess): Promise<HandlerCoverage> {
  const r = await proc.eval(READ);
  if (r.Error) throw new MigrateError('VERIFY-061', `cannot read handler coverage: ${stripAnsi(String(r.Error))}`);
  const raw = (markedJson(r) ?? {}) as { registered?: unknown; reached?: unknown };
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
  const registered = [...new Set(list(raw.registered).filter((n) => !isAosHandler(n)))];
  const reachedSet = new Set(list(raw.reached));
  return { registered, reached: registered.filter((n) => reachedSet.has(n)) };
}

/** Union of several runs' coverage of one process (registered in first-seen order). */
export function mergeCoverage(list: HandlerCoverage[]): HandlerCoverage & { unreached: string[]; percent: number } {
  const registered = [...new Set(list.flatMap((c) => c.registered))];
  const reachedSet = new Set(list.flatMap((c) => c.reached));
  const reached = registered.filter((n) => reachedSet.has(n));
  const unreached = registered.filter((n) => !reachedSet.has(n));
  return { registered, reached, unreached, percent: registered.length ? (100 * reached.length) / registered.length : 100 };
}
