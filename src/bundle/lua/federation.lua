-- ao-federate loader (Lua 5.3). A module: `local Federation = require("<namespace>.ao_federate")`
-- returns the registry of shared modules (semver versions, sha256 content hashes, resolved at
-- require time) and also sets the global `Federation` (what bundles and older sources use).
-- Bundles paste it inside a function, so the early `return` (an older copy of the loader arriving
-- after a newer one) never ends the bundle chunk. The registry lives in the global table, so
-- evaluating the loader again (runtime twice, live update) keeps every registered module.
-- Outside aos (plain Lua, busted, amalg: no bundle set `buildMode`, no runtime installed)
-- `Federation.require(name)` is plain `require(name)`, so migrated sources run unbundled.
-- One file of ~500 lines on purpose: it is delivered as ONE module (by Eval, in runtime.lua, or
-- by the registry with one sha256), so splitting it would make every delivery carry a join.
local LOADER_VERSION = 2
local prev = rawget(_G, "Federation")
if type(prev) == "table" and (prev.loaderVersion or 0) > LOADER_VERSION then return prev end
local F = type(prev) == "table" and prev or {}
_G.Federation = F
F.loaderVersion = LOADER_VERSION
F.modules = F.modules or {}          -- name -> { runtime = entry, fallback = entry }
F.processModules = F.processModules or {} -- name -> true (bundled with the process, never federated)
F.warned = F.warned or {}            -- name -> true once the hybrid fallback warning was printed
F.stack = F.stack or {}              -- names being loaded, for FED-004
F.expected = F.expected or {}        -- name -> { version, hash } (manifest a shell was built against)

local MODES = { monolith = true, hybrid = true, federated = true }

local function fail(code, message) error(code .. " " .. message, 0) end

-- semver ------------------------------------------------------------------------------------
local function parseVersion(v)
  local M, m, p = tostring(v):match("^%s*v?(%d+)%.(%d+)%.(%d+)")
  if not M then return nil end
  return { tonumber(M), tonumber(m), tonumber(p) }
end

local function compare(a, b)
  for i = 1, 3 do
    if a[i] ~= b[i] then return a[i] < b[i] and -1 or 1 end
  end
  return 0
end

-- A partial version ("1", "1.2", "1.x", "*"): numbers up to the first wildcard, and how many.
local function parsePartial(s)
  if s == "" or s == "*" or s == "x" or s == "X" then return { 0, 0, 0 }, 0 end
  local parts, n = {}, 0
  for piece in (s .. "."):gmatch("([^%.]*)%.") do
    if piece == "x" or piece == "X" or piece == "*" or n >= 3 then break end
    local num = tonumber(piece:match("^v?(%d+)"))
    if not num then return nil end
    n = n + 1
    parts[n] = num
  end
  return { parts[1] or 0, parts[2] or 0, parts[3] or 0 }, n
end

-- One comparator ("^1.2.3", "~1.2", ">=1.0.0", "1.x", "=1.2.3") -> { {op, version}, ... } (AND).
local function comparators(c)
  local op, rest = c:match("^([%^~<>=]*)%s*(.-)$")
  local v, n = parsePartial(rest)
  if not v then return nil end
  local function bump(i) local r = { v[1], v[2], v[3] }; r[i] = r[i] + 1; for j = i + 1, 3 do r[j] = 0 end; return r end
  if op == "^" then
    if n == 0 then return {} end
    local upper
    if v[1] > 0 or n == 1 then upper = bump(1)
    elseif v[2] > 0 or n == 2 then upper = bump(2)
    else upper = bump(3) end
    return { { ">=", v }, { "<", upper } }
  elseif op == "~" then
    if n == 0 then return {} end
    return { { ">=", v }, { "<", n == 1 and bump(1) or bump(2) } }
  elseif op == "" or op == "=" then
    if n == 0 then return {} end
    if n == 3 then return { { "=", v } } end
    return { { ">=", v }, { "<", bump(n) } }
  elseif op == ">=" or op == ">" or op == "<=" or op == "<" then
    if n == 0 then return op:sub(1, 1) == ">" and {} or { { "<", { 0, 0, 0 } } } end
    if op == ">" and n < 3 then return { { ">=", bump(n) } } end
    if op == "<=" and n < 3 then return { { "<", bump(n) } } end
    return { { op, v } }
  end
  return nil
end

local function testOne(op, version, v)
  local c = compare(version, v)
  if op == "=" then return c == 0 elseif op == ">=" then return c >= 0 elseif op == ">" then return c > 0
  elseif op == "<=" then return c <= 0 else return c < 0 end
end

--- true when `version` ("1.2.3") is inside `range` (^, ~, >=, >, <=, <, exact, x-ranges, "||", AND by space).
function F.satisfies(version, range)
  local v = parseVersion(version)
  if not v then return false end
  range = tostring(range or "*")
  for alt in (range .. "||"):gmatch("(.-)||") do
    local ok, any = true, false
    for c in alt:gmatch("%S+") do
      any = true
      local list = comparators(c)
      if not list then fail("FED-002", "invalid version range '" .. range .. "'") end
      for _, pair in ipairs(list) do
        if not testOne(pair[1], v, pair[2]) then ok = false end
      end
    end
    if ok or not any then return true end
  end
  return false
end

-- content hashes -------------------------------------------------------------------------------
function F.sha256(text)
  local crypto = require(".crypto")
  return crypto.digest.sha2_256(crypto.utils.stream.fromString(text)).asHex()
end

-- modes ------------------------------------------------------------------------------------------
-- A spawn tag of this process (aos keeps them in ao.env.Process.Tags, as a map or a list).
local function spawnTag(tagName)
  local env = rawget(_G, "ao") and ao.env and ao.env.Process
  local tags = env and env.Tags
  if type(tags) ~= "table" then return nil end
  if tags[tagName] then return tags[tagName] end
  for _, t in ipairs(tags) do
    if type(t) == "table" and t.name == tagName then return t.value end
  end
  return nil
end

--- The spawn tag Federation-Mode, if the process was spawned with one.
function F.spawnMode() return spawnTag("Federation-Mode") end

--- The registry process id: Federation.useRegistry(id), the FEDERATION_REGISTRY global or the spawn tag Federation-Registry.
function F.registry() return F.registryId or rawget(_G, "FEDERATION_REGISTRY") or spawnTag("Federation-Registry") end

function F.mode()
  local m = rawget(_G, "FEDERATION_MODE") or F.spawnMode() or F.buildMode or "hybrid"
  if not MODES[m] then fail("FED-008", "unknown FEDERATION_MODE '" .. tostring(m) .. "' (monolith | hybrid | federated)") end
  return m
end

-- Runtime modules compiled from text get the loader's own chunk name: the string exists already
-- (a name of their own costs each process a string, measured 26 bytes), and their errors carry
-- the location a monolith's do (`[string "aos"]:12:` when the runtime was evaluated), which
-- verify strips alike in every mode. A load error still names the module (FED-003).
local CHUNK_NAME = debug and debug.getinfo and debug.getinfo(1, "S").source or "=runtime"

-- Every chunk `load` compiles, and every chunk aos evaluates (runtime.lua, a shell), has its own
-- _ENV upvalue, an object kept alive by each closure of the chunk; a monolith, one chunk, has one.
-- Joining a function's _ENV to the loader's (when both are the same table) makes a federated
-- process hold what its monolith holds (measured on the example: 0.42 KiB after boot for 18
-- runtime modules, 24 bytes for a shell).
local function globalsAnchor() return _G end
local function shareGlobals(fn)
  local join, get = debug and debug.upvaluejoin, debug and debug.getupvalue
  if not (join and get) or type(fn) ~= "function" then return fn end
  local anchorName, env = get(globalsAnchor, 1)
  if anchorName ~= "_ENV" then return fn end
  for i = 1, 255 do
    local name, value = get(fn, i)
    if name == nil then break end
    if name == "_ENV" then
      if rawequal(value, env) then join(fn, i, globalsAnchor, 1) end
      break
    end
  end
  return fn
end

-- A module that names _ENV itself keeps its own (it may assign it).
local function compile(source)
  local fn, err = load(source, CHUNK_NAME)
  if fn and not source:find("_ENV", 1, true) then shareGlobals(fn) end
  return fn, err
end

-- registration -----------------------------------------------------------------------------------
local function slotOf(name)
  local s = F.modules[name]
  if not s then s = {}; F.modules[name] = s end
  return s
end

local function checkNotProcess(name, what)
  if F.processModules[name] then
    fail("FED-006", "'" .. name .. "' is a process module; " .. what .. " may not shadow it")
  end
end

-- A replaced entry must not stay cached by plain `require` (the searcher below serves it).
local function forget(old)
  if old and old.loaded then
    for k, v in pairs(package.loaded) do
      if v == old.value and F.modules[k] then package.loaded[k] = nil end
    end
  end
end

--- Registers a module: spec = { version, hash, loader = function(...) end | source = "<Lua text>", origin = "runtime"|"fallback" }.
--- A `source` is compiled at the module's first require, so a process pays (in memory and time)
--- only for the runtime modules it uses.
function F.register(name, spec)
  local origin = spec.origin or "runtime"
  if origin ~= "runtime" and origin ~= "fallback" then fail("FED-006", "unknown origin '" .. tostring(origin) .. "' for '" .. name .. "'") end
  checkNotProcess(name, origin == "runtime" and "the runtime" or "a fallback copy")
  if F.namespace and name:sub(1, #F.namespace + 1) ~= F.namespace .. "." then
    fail("FED-006", "'" .. name .. "' is outside the runtime namespace '" .. F.namespace .. ".'")
  end
  local slot = slotOf(name)
  local old = slot[origin]
  if old and old.hash == spec.hash and old.version == spec.version then return old end
  forget(old)
  local entry = { version = spec.version, hash = spec.hash, loader = spec.loader, source = spec.source, origin = origin }
  slot[origin] = entry
  return entry
end

--- Registers code that arrived as text: its sha256 must equal `spec.hash` (FED-005).
function F.registerSource(name, spec)
  local actual = F.sha256(spec.source)
  if actual ~= spec.hash then
    fail("FED-005", "hash mismatch for '" .. name .. "': expected " .. tostring(spec.hash) .. ", got " .. actual)
  end
  local fn, err = compile(spec.source)
  if not fn then fail("FED-003", "cannot compile '" .. name .. "': " .. tostring(err)) end
  return F.register(name, { version = spec.version, hash = spec.hash, loader = fn, origin = spec.origin })
end

--- Declares the modules bundled with the process (plain `require`): they cannot be federated.
function F.declareProcess(names)
  -- A shell passes its table of own modules (name -> function): the names are its keys.
  if names[1] == nil then
    local list = {}
    for name, fn in pairs(names) do list[#list + 1] = name shareGlobals(fn) end
    table.sort(list)
    names = list
  end
  for _, name in ipairs(names) do
    local slot = F.modules[name]
    if slot and (slot.runtime or slot.fallback) then
      fail("FED-006", "process module '" .. name .. "' would shadow the runtime module of the same name")
    end
    if F.namespace and name:sub(1, #F.namespace + 1) == F.namespace .. "." then
      fail("FED-006", "process module '" .. name .. "' uses the runtime namespace '" .. F.namespace .. ".'")
    end
    F.processModules[name] = true
  end
end

-- The installed runtime's version (a loader before this one kept { version, namespace } there).
local function installedVersion() return type(F.runtime) == "table" and F.runtime.version or F.runtime end

--- Installs a runtime: spec = { version, namespace, manifest = { {name, version, hash}... }, modules = { {name, version, hash, loader}... } }.
--- A runtime with another major version (or an older one) is refused as a whole (FED-007).
function F.installRuntime(spec)
  local cur = installedVersion()
  local new = parseVersion(spec.version) or fail("FED-007", "runtime version '" .. tostring(spec.version) .. "' is not semver")
  if cur then
    local old = parseVersion(cur)
    if old[1] ~= new[1] then
      fail("FED-007", "runtime " .. spec.version .. " refused: incompatible with the installed runtime " .. cur ..
        " (major version change); spawn a new process or roll back to the monolith")
    end
    if compare(new, old) < 0 then
      fail("FED-007", "runtime " .. spec.version .. " refused: older than the installed runtime " .. cur)
    end
  end
  local declared = {}
  for _, m in ipairs(spec.manifest or {}) do declared[m.name] = m end
  for _, m in ipairs(spec.modules) do
    local d = declared[m.name]
    if d and d.hash ~= m.hash then fail("FED-005", "hash mismatch for '" .. m.name .. "': manifest " .. d.hash .. ", module " .. m.hash) end
    local have = F.modules[m.name] and F.modules[m.name].runtime
    local hv, mv = have and parseVersion(have.version), parseVersion(m.version)
    if hv and mv and hv[1] ~= mv[1] then
      fail("FED-007", "runtime module '" .. m.name .. "' " .. m.version .. " refused: incompatible with the loaded " .. have.version)
    end
    checkNotProcess(m.name, "the runtime")
  end
  F.namespace = spec.namespace or F.namespace
  for _, m in ipairs(spec.modules) do
    F.register(m.name, { version = m.version, hash = m.hash, loader = m.loader, source = m.source, origin = "runtime" })
  end
  -- The manifest is not kept: its hashes were checked above, and a process holds no more than it needs.
  -- The installed runtime's version, a string: Federation holds 30 fields in a federated process,
  -- and a 33rd would double its hash part (+1 KiB after boot, measured) over the monolith's.
  F.runtime = spec.version
end

--- The manifest a shell was built against: name -> { version, hash } (used by registry delivery).
--- list: names (shells) or { name, version, hash } records; `manifestHash`: the sha256 of the
--- canonical manifest of the named modules (manifestText), checked when the registry delivers them.
function F.expect(list, manifestHash)
  if type(list[1]) == "number" then
    -- Front-coded (what shells carry, sorted names): { shared, suffix, ... }, each name = the
    -- first `shared` characters of the previous one + suffix. Halves the bytes of the list.
    local names, prev = {}, ""
    for i = 1, #list, 2 do
      prev = prev:sub(1, list[i]) .. list[i + 1]
      names[#names + 1] = prev
    end
    list = names
  end
  for _, m in ipairs(list) do
    if type(m) == "string" then F.expected[m] = true
    else F.expected[m.name or m[1]] = { version = m.version or m[2], hash = m.hash or m[3] } end
  end
  if manifestHash then F.expectedManifest = manifestHash end
end

--- The canonical manifest of the expected modules: "name version hash\n" per module, sorted by name.
--- `lookup(name)` gives { version, hash }. The build hashes the same text (emit.ts manifestText).
function F.manifestText(lookup)
  local names = {}
  for name in pairs(F.expected) do names[#names + 1] = name end
  table.sort(names)
  local lines = {}
  for i, name in ipairs(names) do
    local e = lookup(name) or {}
    lines[i] = name .. " " .. tostring(e.version) .. " " .. tostring(e.hash) .. "\n"
  end
  return table.concat(lines)
end

-- resolution -------------------------------------------------------------------------------------

local function loadEntry(name, e)
  if e.loaded then return e.value end
  if e.loaded == false then -- being loaded (one flag: an entry's fields fit its 8 slots)
    local chain = table.concat(F.stack, " -> ") .. " -> " .. name
    fail("FED-004", "require cycle: " .. chain)
  end
  if not e.loader then
    local fn, err = compile(e.source)
    if not fn then fail("FED-003", "cannot compile '" .. name .. "': " .. tostring(err)) end
    -- The text is not needed once compiled: the registry process keeps the delivered copy.
    e.loader, e.source = fn, nil
  end
  e.loaded = false
  F.stack[#F.stack + 1] = name
  local ok, res = xpcall(e.loader, debug.traceback, name)
  table.remove(F.stack)
  e.loaded = nil
  if not ok then
    local text = tostring(res)
    if text:match("^FED%-00%d ") then error(text, 0) end
    fail("FED-003", "loading '" .. name .. "' (" .. e.origin .. " " .. tostring(e.version) .. ") failed: " .. text)
  end
  if res == nil then res = true end
  -- The module's main function is never run again: let its code go (its closures keep theirs).
  e.value, e.loaded, e.loader = res, true, nil
  return res
end

--- Federation.require(name, range): resolves by mode (monolith: bundled copy; hybrid: runtime,
--- else bundled copy with one warning line; federated: runtime or FED-00x).
local callerNames -- while a shell's entry runs: the names it passes to Federation.require (runEntry)

function F.require(name, range, fromSearcher)
  if type(name) ~= "string" then fail("FED-001", "module name must be a string, got " .. type(name)) end
  if callerNames and not fromSearcher then callerNames[#callerNames + 1] = name end
  range = range or "*"
  if F.processModules[name] then
    fail("FED-006", "'" .. name .. "' is a process module: use require, not Federation.require")
  end
  local mode = F.mode()
  local slot = F.modules[name] or {}
  local rt, fb = slot.runtime, slot.fallback
  -- Unbundled sources (plain Lua, busted, amalg, aos .load): nothing registered by a bundle.
  if not (rt or fb or F.buildMode or F.runtime) then return require(name) end
  local chosen
  if mode == "monolith" then
    chosen = fb or fail("FED-001", "module '" .. name .. "' has no bundled copy (monolith mode ignores the runtime)")
  elseif mode == "hybrid" then
    if rt and F.satisfies(rt.version, range) then
      chosen = rt
    elseif fb then
      if not F.warned[name] then
        F.warned[name] = true
        local why = rt and ("runtime has " .. rt.version .. ", wanted " .. range) or "not in the runtime"
        print("FED-WARN hybrid fallback: '" .. name .. "' " .. why .. "; using the bundled copy " .. tostring(fb.version))
      end
      chosen = fb
    elseif rt then
      fail("FED-002", "module '" .. name .. "' " .. rt.version .. " does not satisfy '" .. range .. "' and there is no bundled copy")
    else
      fail("FED-001", "module '" .. name .. "' is neither in the runtime nor bundled")
    end
  else
    if not rt and F.runtime then
      fail("FED-001", "module '" .. name .. "' is not in the runtime, or was pruned from this process (no shell expected it): evaluate runtime.lua again")
    end
    if not rt then fail("FED-001", "module '" .. name .. "' is not in the runtime (federated mode has no fallback)") end
    if not F.satisfies(rt.version, range) then
      fail("FED-002", "module '" .. name .. "' " .. rt.version .. " does not satisfy '" .. range .. "'")
    end
    chosen = rt
  end
  -- The origin last served is a flag on its entry, not a table keyed by name: such a table's
  -- keys would be the callers' copies of the module names (strings over 40 characters are not
  -- shared between chunks), which a monolith, one chunk, does not hold twice.
  if not chosen.active then
    local other = chosen == rt and fb or rt
    if other and other.active then other.active = nil end
    chosen.active = true
  end
  return loadEntry(name, chosen)
end

-- Plain `require("runtime.x")` (inside runtime modules, or an unrewritten site) goes through
-- Federation too, after package.preload: one instance whichever way a module is reached.
if not F.searcherInstalled then
  F.searcherInstalled = true
  table.insert(package.searchers, 2, function(name)
    local Fed = rawget(_G, "Federation")
    if Fed and Fed.modules[name] and not Fed.processModules[name] then
      -- (a name `require` made up, not one the caller's code holds: see runEntry)
      return function() return Fed.require(name, nil, true) end, ":federation:"
    end
    return "\n\tno federated module '" .. name .. "'"
  end)
end

-- status -----------------------------------------------------------------------------------------
function F.status()
  local list = {}
  for name, slot in pairs(F.modules) do
    for _, origin in ipairs({ "runtime", "fallback" }) do
      local e = slot[origin]
      if e then
        list[#list + 1] = { name = name, version = e.version, hash = e.hash, origin = origin,
          loaded = e.loaded == true, active = e.active == true }
      end
    end
  end
  for name in pairs(F.processModules) do
    list[#list + 1] = { name = name, origin = "process", loaded = package.loaded[name] ~= nil, active = true }
  end
  table.sort(list, function(a, b) if a.name ~= b.name then return a.name < b.name end return a.origin < b.origin end)
  return { mode = F.mode(), buildMode = F.buildMode, loaderVersion = F.loaderVersion,
    runtimeVersion = installedVersion(), namespace = F.namespace, modules = list }
end

-- One function for every process (the loader's, created once): the evaluate it wraps is kept
-- in Handlers.__federationStatus, so wrapping adds no closure or upvalue to a federated process.
local function statusEvaluate(msg, env)
  if msg.Action == "Federation-Status" then
    ao.send({ Target = msg.From, Action = "Federation-Status-Reply", Data = require("json").encode(Federation.status()) })
    return
  end
  return Handlers.__federationStatus(msg, env)
end

--- Adds the `Action = "Federation-Status"` handler (replies with the status as JSON).
--- Answers `Action = "Federation-Status"` ahead of the process's own handlers. It wraps
--- Handlers.evaluate instead of adding a handler: a process that lists or counts its handlers
--- (an `Info` reply built from Handlers.list) must see the same list as its monolith.
function F.addStatusHandler()
  local H = rawget(_G, "Handlers")
  if not H or type(H.evaluate) ~= "function" or H.__federationStatus then return end
  H.__federationStatus = H.evaluate
  H.evaluate = statusEvaluate
end

-- registry delivery (option b) -------------------------------------------------------------------
local runPending -- defined below: runs the entries waiting for registry modules

--- Accept runtime modules from `registryId` only; `Federation.fetch()` asks it for the expected ones.
function F.useRegistry(registryId)
  F.registryId = registryId
  if not rawget(_G, "Handlers") then return end
  Handlers.add("Federation-Module", function(msg) return msg.Action == "Federation-Module" end, function(msg)
    local Fed = Federation
    if msg.From ~= Fed.registryId then
      fail("FED-009", "module code from " .. tostring(msg.From) .. " refused: only the registry " .. tostring(Fed.registryId) .. " may send modules")
    end
    local name = msg.Module
    local want = Fed.expected[name]
    if not want then fail("FED-001", "the registry sent '" .. tostring(name) .. "', which this process does not expect") end
    if type(want) == "table" then
      Fed.registerSource(name, { version = want.version, hash = want.hash, source = msg.Data, origin = "runtime" })
      print("Federation: installed '" .. name .. "' " .. want.version .. " from the registry")
      return runPending()
    end
    -- Names only: each text must match the hash the registry states, and the whole set the
    -- manifest hash the shell was built with; nothing is installed before both hold.
    local actual = Fed.sha256(msg.Data)
    if actual ~= msg.Hash then fail("FED-005", "hash mismatch for '" .. name .. "': expected " .. tostring(msg.Hash) .. ", got " .. actual) end
    Fed.incoming = Fed.incoming or {}
    Fed.incoming[name] = { version = msg.Version, hash = msg.Hash, source = msg.Data }
    for _, n in ipairs(Fed.missing()) do if not Fed.incoming[n] then return end end
    local incoming = Fed.incoming
    Fed.incoming = nil
    local text = Fed.manifestText(function(n) return incoming[n] or (Fed.modules[n] and Fed.modules[n].runtime) end)
    if Fed.sha256(text) ~= Fed.expectedManifest then
      fail("FED-005", "hash mismatch for the runtime modules from the registry: not the manifest this shell was built against")
    end
    for n, m in pairs(incoming) do
      Fed.registerSource(n, { version = m.version, hash = m.hash, source = m.source, origin = "runtime" })
      print("Federation: installed '" .. n .. "' " .. tostring(m.version) .. " from the registry")
    end
    runPending()
  end)
  F.registryHandler = true
end

-- A table never shrinks its hash part: F.modules is copied into one sized for its entries,
-- keyed first by `preferred` names (the copies of the names a caller holds, see runEntry).
local function compactModules(preferred)
  local kept = {}
  for _, n in ipairs(preferred or {}) do
    if kept[n] == nil and F.modules[n] then kept[n] = F.modules[n] end
  end
  for n, slot in pairs(F.modules) do
    if kept[n] == nil then kept[n] = slot end
  end
  F.modules = kept
end

--- Drops the runtime modules that no shell of this process expects and nothing loaded (their
--- text, hash and version) and compiles the expected ones (their text goes; compiled code is
--- what the monolith holds too, and is usually smaller than commented source). A process keeps
--- in memory only runtime code it can run, so a federated process costs no more than its
--- monolith. Evaluating runtime.lua again (or the registry) brings a pruned module back.
function F.prune()
  for name, slot in pairs(F.modules) do
    local e = slot.runtime
    if e and not e.loaded and not F.expected[name] then
      slot.runtime = nil
      if not slot.fallback then F.modules[name] = nil end
    elseif e and e.source and not e.loader then
      -- A module that does not compile keeps its text: the error surfaces at its require (FED-003).
      local fn = compile(e.source)
      if fn then e.loader, e.source = fn, nil end
    end
  end
  compactModules()
end

--- Expected runtime modules not registered yet (sorted).
function F.missing()
  local out = {}
  for name in pairs(F.expected) do
    local slot = F.modules[name]
    if not (slot and slot.runtime) then out[#out + 1] = name end
  end
  table.sort(out)
  return out
end

-- Runs a shell's entry, then keys F.modules by the entry's own copies of the runtime module
-- names. A name over 40 characters is a separate string in every chunk that writes it: until now
-- the key was runtime.lua's copy, while the shell's copy lives on in its preloaded modules. Keyed
-- by the shell's, the runtime's goes and the process holds each name once, as its monolith (one
-- chunk) does (measured: 0.25 KiB after boot on the example's coordinator).
local function runEntry(fn)
  shareGlobals(fn)
  callerNames = {}
  local res = table.pack(pcall(fn))
  local names = callerNames
  callerNames = nil
  compactModules(names)
  if not res[1] then error(res[2], 0) end
  return table.unpack(res, 2, res.n)
end

--- Runs `fn` (a shell's entry) now, or, when a registry is configured and expected runtime
--- modules are missing, once the registry has delivered them all.
function F.whenReady(fn)
  local missing = F.missing()
  local reg = F.registry()
  -- Nothing to fetch: the expectations (versions, hashes) served their purpose (prune ran).
  if #missing == 0 then F.expected, F.expectedManifest = {}, nil end
  if #missing == 0 or not reg then return runEntry(fn) end
  F.pending = F.pending or {}
  F.pending[#F.pending + 1] = fn
  if F.registryId ~= reg or not F.registryHandler then F.useRegistry(reg) end
  F.fetch(missing)
  print("Federation: waiting for " .. #missing .. " runtime module(s) from the registry " .. reg)
end

runPending = function()
  if #F.missing() > 0 or not F.pending then return end
  local queue = F.pending
  F.pending = nil
  for _, fn in ipairs(queue) do runEntry(fn) end
end

function F.fetch(names)
  if not F.registryId then fail("FED-009", "no registry configured: call Federation.useRegistry(id) first") end
  if not names then
    names = {}
    for name in pairs(F.expected) do names[#names + 1] = name end
    table.sort(names)
  end
  ao.send({ Target = F.registryId, Action = "Federation-Get", Modules = table.concat(names, ",") })
end
return F
