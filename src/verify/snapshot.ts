// The state snapshot read through Eval after a replay: handler names in order (order is
// dispatch priority), the process's own globals (those a fresh aos does not have) serialised
// canonically in Lua (sorted keys, functions as <function>, bounded depth), and the Lua
// heap size. The loader's own names (Federation, FEDERATION_MODE, its Federation-Status and
// Federation-Module handlers) and bundler internals (`__` prefix) are left out: they exist
// only in some builds.
import { MigrateError } from '../errors.ts';
import { AosProcess, jsonBetweenMarkers, markedJson, outputText } from './aosRuntime.ts';
import { stripAnsi } from './normalise.ts';
import type { StateSnapshot } from './types.ts';

export const IGNORED_HANDLERS = ['Federation-Status', 'Federation-Module'];
export const IGNORED_GLOBALS = ['Federation', 'FEDERATION_MODE'];

const SERIALISER = `
local function __ser(v, depth, seen)
  local t = type(v)
  if t == 'string' then return (string.format('%q', v):gsub('\\\\\\n', '\\\\n')) end
  if t == 'number' then
    if math.type(v) == 'integer' then return tostring(v) end
    return string.format('%.17g', v)
  end
  if t == 'boolean' or t == 'nil' then return tostring(v) end
  if t ~= 'table' then return '<' .. t .. '>' end
  if seen[v] then return '<cycle>' end
  if depth > 5 then return '<table>' end
  seen[v] = true
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return ta < tb end
    if ta == 'number' or ta == 'string' then return a < b end
    return false
  end)
  local parts = {}
  for _, k in ipairs(keys) do
    local kt = type(k)
    local ks = (kt == 'string' or kt == 'number' or kt == 'boolean') and __ser(k, depth + 1, seen) or ('<' .. kt .. '>')
    parts[#parts + 1] = '[' .. ks .. ']=' .. __ser(v[k], depth + 1, seen)
  end
  seen[v] = nil
  return '{' .. table.concat(parts, ',') .. '}'
end
`;

/**
 * Keeps the harness's own Evals working after the replay gave the process away: aos runs an
 * Eval only when msg.From is the global Owner, and a process's handlers may change Owner
 * (Transfer-Ownership, Renounce-Ownership, an owner list that reassigns it). An Eval the harness
 * sent (its Id starts with `EVAL_`, aosRuntime.ts's eval(); replayed messages never do) from the
 * boot owner goes straight to aos's own `_eval` handler, so Owner and every other global keep the
 * process's values. Nothing else changes: no handler, no global (a local closure around
 * Handlers.evaluate), and both sides of a comparison are booted alike.
 */
export function harnessEvalHook(owner: string): string {
  return `do
  local evaluate, harness = Handlers.evaluate, ${JSON.stringify(owner)}
  Handlers.evaluate = function(msg, ...)
    if type(msg) == 'table' and msg.From == harness and type(msg.Id) == 'string' and msg.Id:sub(1, 5) == 'EVAL_' and Owner ~= harness then
      for _, h in ipairs(Handlers.list) do
        if h.name == '_eval' then return h.handle(msg, ...) end
      end
    end
    return evaluate(msg, ...)
  end
end`;
}

/**
 * Heap readings are not behaviour: a federated or hybrid build holds the same state in another
 * heap layout (the runtime, the loader), so a process that reports `collectgarbage('count')` in
 * its answers (a `Memory-KiB-Used` tag, a log line) would differ on every message. For the
 * verification boots only, and on both sides alike, `collectgarbage('count')` answers a fixed
 * 1024 KiB; every other option, and the real reading the snapshot takes (kept in the `__` global
 * `__verifyCollectgarbage`, left out of snapshots), is unchanged. A deployed build never has it.
 */
export const STEADY_HEAP_READINGS = `if not __verifyCollectgarbage then
  local real = collectgarbage
  __verifyCollectgarbage = real
  collectgarbage = function(opt, ...)
    if opt == 'count' then return 1024.0 end
    return real(opt, ...)
  end
end`;

/** Installs the verification hooks (harnessEvalHook, STEADY_HEAP_READINGS) in a booted process, before the replay. */
export async function keepHarnessEval(proc: AosProcess): Promise<void> {
  const r = await proc.eval(`${harnessEvalHook(proc.owner)}\n${STEADY_HEAP_READINGS}`);
  if (r.Error)
    throw new MigrateError('VERIFY-011', `cannot install the snapshot hook: ${stripAnsi(String(r.Error))}`, { hint: 'the process may have replaced Handlers' });
}

/** Lua listing every global name, one per line (used on a fresh aos to learn its own globals). */
const LIST_GLOBALS = `local n = {} for k in pairs(_G) do if type(k) == 'string' then n[#n + 1] = k end end table.sort(n) return table.concat(n, '\\n')`;

// Module-level on purpose: a fact about the installed aos wasm, the same for every run.
let pristine: Promise<Set<string>> | undefined;

/** Global names of a fresh aos process (booted once per Node process). */
export function pristineGlobals(): Promise<Set<string>> {
  pristine ??= (async () => {
    const { process } = await AosProcess.boot({ name: 'pristine' });
    const r = await process.eval(LIST_GLOBALS);
    if (r.Error) throw new MigrateError('VERIFY-010', `cannot list aos globals: ${stripAnsi(String(r.Error))}`);
    return new Set(outputText(r).split('\n').filter(Boolean));
  })();
  return pristine;
}

function luaStringList(names: Iterable<string>): string {
  return `{${[...names].map((n) => `[${JSON.stringify(n)}]=true`).join(',')}}`;
}

export interface SnapshotOptions {
  /** Only these globals (default: every global the process added). */
  globals?: string[];
}

export async function takeSnapshot(proc: AosProcess, opts: SnapshotOptions = {}): Promise<StateSnapshot> {
  const skip = new Set([...(await pristineGlobals()), ...IGNORED_GLOBALS]);
  const only = opts.globals ? `local only = ${luaStringList(opts.globals)}` : 'local only = nil';
  const code = `${SERIALISER}
local skip = ${luaStringList(skip)}
${only}
-- Measured first, after a full collection, so the snapshot's own garbage does not count.
local gc = __verifyCollectgarbage or collectgarbage
gc('collect')
local mem = gc('count')
local handlers, ignoredH = {}, ${luaStringList(IGNORED_HANDLERS)}
for _, h in ipairs(Handlers.list) do if not ignoredH[h.name] then handlers[#handlers + 1] = tostring(h.name) end end
local globals = {}
for k, v in pairs(_G) do
  if type(k) == 'string' and not k:match('^__') and ((only and only[k]) or (not only and not skip[k])) then
    globals[k] = __ser(v, 1, {})
  end
end
${jsonBetweenMarkers('{ handlers = handlers, globals = globals, mem = mem }')}`;
  const r = await proc.eval(code);
  if (r.Error)
    throw new MigrateError('VERIFY-011', `state snapshot failed: ${stripAnsi(String(r.Error))}`, { hint: 'the process may have replaced json or Handlers' });
  const raw = markedJson(r) as { handlers: string[] | Record<string, never>; globals: Record<string, string> | unknown[]; mem: number };
  if (raw === undefined) {
    throw new MigrateError('VERIFY-011', `state snapshot failed: the Eval printed no snapshot (output: ${stripAnsi(outputText(r)).slice(0, 200)})`, {
      hint: 'the process may have replaced print, json or the Eval handler',
    });
  }
  // json.encode turns an empty Lua table into [] or {}: treat both as empty.
  return {
    handlers: Array.isArray(raw.handlers) ? raw.handlers : [],
    globals: Array.isArray(raw.globals) ? {} : (raw.globals as Record<string, string>),
    memoryKiB: raw.mem,
  };
}
