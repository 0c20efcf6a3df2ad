// The live handler list of a booted process: every handler's name and what selects it. Names
// and patterns built at run time (a loop over a list of actions, a wrapper `add(action, fn)`)
// are only known once the code has run, so probe synthesis boots the baseline monolith with a
// prelude that tags the matchers aos's Handlers.utils builds (hasMatchingTag,
// hasMatchingTagOf, continue) with their arguments, then reads Handlers.list. The prelude
// wraps the matcher factories only; the matchers, the handlers and their order are aos's own.
// It is used for synthesis only, never in a parity run.
import { MigrateError } from '../../errors.ts';
import type { AosProcess } from '../aosRuntime.ts';
import { jsonBetweenMarkers, markedJson } from '../aosRuntime.ts';
import { stripAnsi } from '../normalise.ts';

export const DISCOVERY_PRELUDE = `
__probeMatchers = setmetatable({}, { __mode = 'k' })
local u = Handlers.utils
local function tagged(factory, describe)
  if type(factory) ~= 'function' then return factory end
  return function(...)
    local f = factory(...)
    if type(f) == 'function' then __probeMatchers[f] = describe(...) end
    return f
  end
end
u.hasMatchingTag = tagged(u.hasMatchingTag, function(name, value) return { { name = name, values = { value } } } end)
u.hasMatchingTagOf = tagged(u.hasMatchingTagOf, function(name, values) return { { name = name, values = values } } end)
if type(u.continue) == 'function' then
  local cont = u.continue
  u.continue = function(fn) local f = cont(fn); if type(f) == 'function' and __probeMatchers[fn] then __probeMatchers[f] = __probeMatchers[fn] end; return f end
end
`;

const READ_LIST = `
local out = {}
for _, h in ipairs(Handlers.list) do
  local p, kind, sel = h.pattern, type(h.pattern), {}
  if kind == 'table' then
    for k, v in pairs(p) do
      if type(k) == 'string' and type(v) == 'string' then sel[#sel + 1] = { name = k, values = { v } } end
    end
    table.sort(sel, function(a, b) return a.name < b.name end)
  elseif kind == 'string' then
    sel[1] = { name = 'Action', values = { p } }
  elseif kind == 'function' and __probeMatchers and __probeMatchers[p] then
    sel = __probeMatchers[p]
  end
  out[#out + 1] = { name = tostring(h.name), kind = kind, known = (kind ~= 'function') or (__probeMatchers ~= nil and __probeMatchers[p] ~= nil), selectors = sel }
end
${jsonBetweenMarkers('out')}`;

export interface LiveHandler {
  name: string;
  /** Lua type of the pattern: table, string, function. */
  kind: string;
  /** Whether `selectors` says everything the pattern tests (false: a function nobody tagged). */
  known: boolean;
  /** Tag -> the values that select the handler (any one of them). */
  selectors: { name: string; values: string[] }[];
}

/** Reads the handler list of a process booted after DISCOVERY_PRELUDE. */
export async function readLiveHandlers(proc: AosProcess): Promise<LiveHandler[]> {
  const r = await proc.eval(READ_LIST);
  if (r.Error)
    throw new MigrateError('VERIFY-062', `cannot read the handler list: ${stripAnsi(String(r.Error))}`, {
      hint: 'the process may have replaced Handlers or json',
    });
  const raw = markedJson(r);
  const list = Array.isArray(raw) ? raw : [];
  return list.map((h: { name: string; kind: string; known: boolean; selectors: unknown }) => ({
    name: h.name,
    kind: h.kind,
    known: h.known,
    // json.encode turns an empty Lua table into {} or []
    selectors: Array.isArray(h.selectors)
      ? (h.selectors as { name: string; values: unknown }[]).map((s) => ({ name: String(s.name), values: Array.isArray(s.values) ? s.values.map(String) : [] }))
      : [],
  }));
}
