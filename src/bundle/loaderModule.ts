// The federation loader as a module of the migrated sources: `<namespace>.ao_federate`, a file
// in the runtime folder (written by the transform lua/write-federation-loader). Sources require
// it, so they run with plain Lua (busted, amalg, aos `.load`); bundles never pack that file:
// they carry the toolkit's loader (the runtime once, hybrid shells and monoliths as a copy) and
// register it in package.loaded under the same name. A federated shell carries only the small
// bootstrap below, which finds the runtime's loader or asks the registry process for it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProjectConfig } from '../config/projectConfig.ts';
import { luaQuote } from './luaFront.ts';

const LUA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lua');

/** The loader's Lua text (latin1, ASCII in practice): a module that returns `Federation`. */
export function federationLoader(): string {
  // Read on each call (a 20 KB file): no module-level cache, builds are not in a hot loop.
  return readFileSync(path.join(LUA_DIR, 'federation.lua')).toString('latin1');
}

/** The require name of the loader module: `<namespace>.ao_federate`. */
export const loaderModuleName = (config: Pick<ProjectConfig, 'runtime'>): string => `${config.runtime.namespace}.ao_federate`;

/**
 * The line a migrated file uses to reach the loader (federate-requires writes it). A statement,
 * not a local: requiring the module defines the global `Federation` the federated call sites
 * and the mode flag read (the graph recognises `Federation.require` on that global only).
 */
export const loaderRequireLine = (config: Pick<ProjectConfig, 'runtime'>): string => `require("${loaderModuleName(config)}")`;

/** Runs the loader inside a bundle and registers it as the module `name`. */
export function loaderInstall(name: string): string {
  return `package.loaded[${luaQuote(name)}] = (function(...)\n${federationLoader()}end)(${luaQuote(name)})\n`;
}

/**
 * A federated shell's bootstrap (< 1 KB): `__ao_federate_boot(go)` calls `go(Federation)` at once
 * when a runtime put the loader in the process; otherwise, with a registry configured
 * (FEDERATION_REGISTRY or the spawn tag Federation-Registry), it asks the registry for the
 * loader, checks the sender (FED-009) and the sha256 (FED-005), runs it, then calls `go`.
 */
export function shellBootstrap(name: string, loaderHash: string): string {
  // Kept terse on purpose: every federated shell carries these bytes.
  return `local function __ao_federate_boot(go)
local N, F = ${luaQuote(name)}, rawget(_G, "Federation")
if F then package.loaded[N] = F return go(F) end
local T = (rawget(_G, "ao") and ao.env.Process or {}).Tags or {}
local R = rawget(_G, "FEDERATION_REGISTRY") or T["Federation-Registry"]
for _, t in ipairs(T) do if t.name == "Federation-Registry" then R = t.value end end
assert(R, "FED-001 no runtime: load runtime.lua first or set Federation-Registry")
Handlers.add("Federation-Loader", function(m) return m.Action == "Federation-Module" and m.Module == N end, function(m)
if package.loaded[N] then return end
assert(m.From == R, "FED-009 loader from " .. m.From .. " refused")
local c = require(".crypto")
assert(c.digest.sha2_256(c.utils.stream.fromString(m.Data)).asHex() == ${luaQuote(loaderHash)}, "FED-005 loader hash mismatch")
package.loaded[N] = load(m.Data, "=" .. N)(N)
go(Federation)
end)
ao.send({ Target = R, Action = "Federation-Get", Modules = N })
end
`;
}
