// Small hand-written repositories of the shapes real AO code bases have (issue 14, item 2), for
// `migrate init`: a monorepo of packages with their own `src/`, amalg `build/` output and
// examples; dated patch scripts, Eval scripts, mocks, specs, experiments and a bundle found by
// content; deploy configs (aos --load, ao-deploy, aoform, package.json amalg, .busted lpath,
// rockspec); a top `process.lua` loading handler modules through dot-names; two files with the
// same name; luarocks externals and pcall-guarded optional requires. Written into test/tmp.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TMP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../tmp');
const made: string[] = [];

const handler = (action: string, body = 'msg.reply({ Data = "ok" })') =>
  `Handlers.add("${action}", Handlers.utils.hasMatchingTag("Action", "${action}"), function(msg)\n  ${body}\nend)\n`;
const bundle = (names: string[]) => names.map((n) => `package.preload["${n}"] = function(...)\n  return {}\nend\n`).join('') + handler('Bundled');

export const SHAPES: Record<string, Record<string, string>> = {
  /** Packages, each with its own src/ root, a build.sh that cd's into src and runs amalg, build/ output, examples. */
  monorepo: {
    'packages/ledger/build.sh':
      '#!/bin/bash\nBIN=$HOME/.luarocks/bin\ncd src\n$BIN/amalg.lua -s main.lua -o ../build/main.lua store codec\ncp ../build/main.lua ../example/ledger.lua\n',
    'packages/ledger/src/main.lua':
      'local store = require("store")\nlocal codec = require("codec")\n' + handler('Balance', 'msg.reply({ Data = codec.encode(store.get(msg.From)) })'),
    'packages/ledger/src/store.lua': 'local sqlite = require("lsqlite3")\nlocal M = {}\nfunction M.get(k) return k end\nreturn M\n',
    'packages/ledger/src/codec.lua': 'local M = {}\nfunction M.encode(v) return tostring(v) end\nreturn M\n',
    'packages/ledger/build/main.lua': bundle(['store', 'codec']),
    'packages/ledger/example/ledger.lua': bundle(['store', 'codec']),
    'packages/ledger/example/demo.lua': 'local ledger = require("ledger")\n' + handler('Demo'),
    'packages/ledger/example-process.lua': handler('Example'),
    'packages/ledger/spec/ledger_spec.lua': 'local main = require("main")\ndescribe("ledger", function() end)\n',
    'packages/votes/build.sh': 'amalg.lua -s src/votes.lua -o dist/votes.lua tally\n',
    'packages/votes/src/votes.lua': 'local tally = require("tally")\nlocal ok, bit = pcall(require, "bit")\n' + handler('Vote', 'tally.add(msg.From)'),
    'packages/votes/src/tally.lua': 'local M = {}\nfunction M.add(k) return k end\nreturn M\n',
    'packages/votes/dist/votes.lua': bundle(['tally']),
    'packages/kvlib/build.sh': 'amalg.lua -s src/kv.lua -o dist/kv.lua\n',
    'packages/kvlib/src/kv.lua': 'local M = {}\nfunction M.get(k) return k end\nreturn M\n',
    // An APM package: main.lua returns a constructor that registers the handlers when called.
    'packages/ownable/build.sh': 'cd src\namalg.lua -s main.lua -o ../build/main.lua\n',
    'packages/ownable/src/main.lua': 'local function newmodule(cfg)\n  local pkg = {}\n  ' + handler('Get-Owner') + '  return pkg\nend\nreturn newmodule\n',
  },
  /** One process plus everything that is not one: patches, Eval scripts, mocks, a spec requiring the entry, experiments, a bundle with no folder hint. */
  noise: {
    'src/dataIndex.lua': 'local util = require("util")\n' + handler('Index'),
    'src/util.lua': 'return { id = function(x) return x end }\n',
    'archive/dataIndex.lua': handler('OldIndex'),
    'patches/2025-03-01-fix-index.lua': handler('Index', 'msg.reply({ Data = "patched" })'),
    'tools/eval-reset.lua': handler('Reset'),
    'mocks/ao.lua': handler('Mocked'),
    'spec/dataIndex_spec.lua': 'local idx = require("dataIndex")\n' + handler('Spec'),
    'experiments/fast-index/main.lua': handler('Fast'),
    'vendor/aos-bundled.lua': `_G.package.loaded[".common.json"] = _loaded_mod_json()\n_G.package.loaded[".common.utils"] = _loaded_mod_utils()\n${handler('Old')}`,
  },
  /** Deploy configuration names the processes, including one with no Handlers call and one deployed from its build output. */
  deployed: {
    'deploy.sh': '#!/bin/sh\n# aos --load old/commented.lua\naos registry --load processes/registry.lua --wallet w.json\n',
    'aod.config.ts':
      'import { defineConfig } from "ao-deploy";\nconst luaPath = "./?.lua;./lib/?.lua";\nexport default defineConfig({\n  market: { name: `market`, contractPath: "processes/market.lua", luaPath },\n});\n',
    'processes.yaml': '- name: oracle\n  file: build/oracle.lua\n  prerun: reset-modules.lua\n',
    'package.json': JSON.stringify({ scripts: { build: 'amalg.lua -s processes/oracle.lua -o build/oracle.lua feeds' } }),
    'processes/registry.lua': 'local feeds = require("feeds")\nRegistry = Registry or {}\n',
    'processes/market.lua': 'local feeds = require("feeds")\n' + handler('Quote'),
    'processes/oracle.lua': 'local feeds = require("feeds")\n' + handler('Price'),
    'lib/feeds.lua': 'return { latest = function() return 1 end }\n',
    'build/oracle.lua': bundle(['feeds']),
    '.busted': 'return { default = { lpath = "./lib/?.lua;./?.lua", pattern = "_spec" } }\n',
  },
  /** aos style: process.lua requires ".src.init", which requires the handler module. */
  loader: {
    'process.lua': 'local process = { name = "X" }\nrequire(".src.init").init()\nreturn process\n',
    'src/init.lua': 'local M = {}\nfunction M.init()\n  require(".src.globals")\n  require(".src.main")\nend\nreturn M\n',
    'src/globals.lua': 'Balances = Balances or {}\n',
    'src/main.lua': 'local json = require("json")\n' + handler('Info'),
    'spec/main_spec.lua': 'require("src.main")\n',
  },
  /**
   * APM packages the repository holds (issue 15): a process requires them as `@vendor/name`,
   * which no package.path pattern spells. They name themselves by a `...PackageName` local, by
   * `package.loaded[...] = X`, or by an apm.json manifest; a dist/ bundle carrying a copy, a
   * `package.loaded[...] = nil` reset, and a name two files claim map to nothing.
   */
  apm: {
    'kv/base/src/kv.lua':
      'local KVPackageName = "@acme/kv-base"\nlocal KV = {}\nfunction KV.new() return setmetatable({ store = {} }, { __index = KV }) end\nfunction KV:set(k, v) self.store[k] = v end\nfunction KV:get(k) return self.store[k] end\nreturn KV\n',
    'kv/base/spec/setup.lua': 'package.loaded["@acme/kv-base"] = { stub = true }\npackage.loaded[".crypto.init"] = {}\n',
    'kv/batch/src/batch.lua':
      'package.loaded["@acme/kv-batch"] = nil\nlocal B = {}\nfunction B.count(kv) local n = 0 for _ in pairs(kv.store) do n = n + 1 end return n end\npackage.loaded["@acme/kv-batch"] = B\nreturn B\n',
    'tools/apm.json': '{ "vendor": "@acme", "name": "fmt", "main": "source.lua", "version": "1.0.0" }\n',
    'tools/source.lua': 'return { show = function(v) return "<" .. tostring(v) .. ">" end }\n',
    'dup/one.lua': 'local DupPackageName = "@acme/dup"\nreturn {}\n',
    'dup/two.lua': 'local DupPackageName = "@acme/dup"\nreturn {}\n',
    'dist/bundle.lua':
      'package.loaded["@acme/kv-base"] = (function() return {} end)()\npackage.loaded["@acme/kv-batch"] = (function() return {} end)()\n' + handler('Bundled'),
    // An amalg bundle kept as a source (the project's build loads it before the process): it
    // preloads its own modules, requires lsqlite3 only inside one, and names itself in package.loaded.
    'lib/sub.lua':
      'package.loaded["sub-api"] = nil\ndo\n  local _ENV = _ENV\n  package.preload["sub-store"] = function(...)\n    local sqlite3 = require("lsqlite3")\n    return {}\n  end\nend\ndo\n  local _ENV = _ENV\n  package.preload["sub-api"] = function(...)\n    return { hello = function(v) return "hi " .. tostring(v) end }\n  end\nend\nlocal function newmodule(cfg)\n  if cfg.useDb then require("sub-store") end\n  return require("sub-api")\nend\npackage.loaded["sub"] = newmodule\n',
    'gate/src/gate.lua': 'local KV = require("@acme/kv-base")\nSeen = Seen or KV.new()\n' + handler('Enter', 'Seen:set(msg.From, true)'),
    'zone/src/zone.lua':
      'local KV = require("@acme/kv-base")\nlocal Batch = require("@acme/kv-batch")\nlocal fmt = require("@acme/fmt")\nlocal ok, dup = pcall(require, "@acme/dup")\nStore = Store or KV.new()\n' +
      handler('Set', 'Store:set(msg.Tags.Key, msg.Data)\n  msg.reply({ Data = fmt.show(Batch.count(Store)) })') +
      handler('Get', 'msg.reply({ Data = fmt.show(Store:get(msg.Tags.Key)) })') +
      'local Sub = require("sub")({ useDb = false })\n' +
      handler('Hello', 'msg.reply({ Data = Sub.hello(msg.Tags.Key) })'),
  },
};

/** Writes one shape into a fresh folder under test/tmp. */
export function writeShape(name: keyof typeof SHAPES): string {
  mkdirSync(TMP, { recursive: true });
  const dir = mkdtempSync(path.join(TMP, `shape-${name}-`));
  for (const [rel, text] of Object.entries(SHAPES[name]!)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  made.push(dir);
  return dir;
}

export function removeShapes(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
