// Monolith bundles on the real aos runtime: the cases where other AO bundlers break (past 200
// modules, cycles, modules returning nothing, `-` in names, require forms the regexes misread),
// verbatim module text (top-level locals stay local, `return M`, no final newline, CRLF, BOM),
// loading by Eval and by On-Boot=Data, and byte-reproducibility.
import { describe, expect, it } from 'vitest';
import { findBundleRequires } from '../../src/bundle/federatedRequires.ts';
import { parseLuaOrThrow } from '../../src/bundle/luaFront.ts';
import { bootWith, build, fileOf, lua, luaError, AosProcess, clean } from './helpers.ts';

describe('300-module project (past the 200-locals limit)', () => {
  // Shallow on purpose: a 300-deep require chain overflows Lua's C stack with plain require too.
  const files: Record<string, string> = {};
  const lines = ['Total = 0'];
  for (let i = 0; i < 300; i++) {
    const dep = i >= 10 ? `local base = require("gen.m${i % 10}")\n` : 'local base = { v = 0 }\n';
    files[`src/gen/m${i}.lua`] = `${dep}local M = { v = ${i}, base = base.v }\nreturn M\n`;
    lines.push(`Total = Total + require("gen.m${i}").v`);
  }
  files['src/main.lua'] = `${lines.join('\n')}\n`;

  it('bundles, boots and runs every module once', async () => {
    const r = build(files, { gen: 'src/main.lua' }, 'monolith');
    const text = fileOf(r, 'monolith', 'gen');
    expect(r.files[0]!.modules).toHaveLength(300);
    expect(text.match(/^package\.preload\[/gm) ?? []).toHaveLength(300);
    // No top-level local per module: the only top-level local is the entry's wrapper, inside `do`.
    expect(text.match(/^local \S+ = function/gm) ?? []).toEqual(['local __ao_federate_entry = function']);
    const p = await bootWith([text]);
    expect(await lua(p, 'return Total')).toBe(String((299 * 300) / 2));
  });
});

const EDGE = {
  'src/main.lua': [
    '-- require("in.comment") must not be bundled',
    'local s = "require(\'in.string\')"',
    'local a, b = require("names.with-dash"), require "names.two" -- two on one line',
    'local long = require [[names.long]]',
    'local nothing = require("names.nothing")',
    'local ok, missing = pcall(require, "names.absent")',
    'local cyc = pcall(require, "cyc.a")',
    'Result = table.concat({ a.v, b.v, long.v, tostring(nothing), tostring(ok), tostring(Leaked), tostring(NothingRan) }, ",")',
    'CycleOk = cyc',
    'return "entry values are dropped", "so Eval never sees two"',
  ].join('\n'),
  'src/names/with-dash.lua': 'local Leaked = "local stays local"\nlocal M = { v = "dash" }\nreturn M',
  'src/names/two.lua': '\ufeffreturn { v = "two" }\r\n',
  'src/names/long.lua': 'return { v = "long" } -- no final newline',
  'src/names/nothing.lua': 'NothingRan = true\n',
  'src/cyc/a.lua': 'local b = require("cyc.b")\nreturn { b = b }\n',
  'src/cyc/b.lua': 'local a = require("cyc.a")\nreturn { a = a }\n',
};

describe('require forms and module shapes', () => {
  it('finds requires from the AST only (not in strings or comments), all three call forms', () => {
    const sites = findBundleRequires(parseLuaOrThrow(EDGE['src/main.lua'], 'main.lua')).map((s) => s.name);
    expect(sites).toEqual(['names.with-dash', 'names.two', 'names.long', 'names.nothing', 'names.absent', 'cyc.a']);
  });

  it('behaves exactly like plain require on aos (cycle included)', async () => {
    const r = build(EDGE, { edge: 'src/main.lua' }, 'monolith');
    const text = fileOf(r, 'monolith', 'edge');
    expect(text).not.toContain('in.comment"] =');
    expect(r.files[0]!.modules).toEqual(['names.with-dash', 'names.two', 'names.long', 'names.nothing', 'cyc.b', 'cyc.a']);
    const bundled = await bootWith([text]);
    expect(await lua(bundled, 'return Result')).toBe('dash,two,long,true,false,nil,true');

    // The same modules as plain package.preload functions evaluated by hand: the reference.
    const reference = await bootWith([]);
    const cycleRef = await lua(
      reference,
      `package.preload["cyc.a"] = function(...) ${EDGE['src/cyc/a.lua']} end
package.preload["cyc.b"] = function(...) ${EDGE['src/cyc/b.lua']} end
local ok, e = pcall(require, "cyc.a"); return tostring(ok) .. " " .. tostring(e)`,
    );
    const cycleOurs = await lua(
      bundled,
      'package.loaded["cyc.a"] = nil; package.loaded["cyc.b"] = nil; local ok, e = pcall(require, "cyc.a"); return tostring(ok) .. " " .. tostring(e)',
    );
    expect(cycleOurs).toBe(cycleRef);
    expect(cycleRef).toContain('stack overflow');
    expect(await lua(bundled, 'return tostring(CycleOk)')).toBe('false');
  });

  it('the chunk returns nothing and loads by On-Boot=Data too', async () => {
    const text = fileOf(build(EDGE, { edge: 'src/main.lua' }, 'monolith'), 'monolith', 'edge');
    const { process: p, result } = await AosProcess.boot({ name: 'onboot', bootData: text });
    expect(result.Error).toBeUndefined();
    expect(await lua(p, 'return Result')).toBe('dash,two,long,true,false,nil,true');
    const again = await p.eval(text);
    expect(again.Error).toBeUndefined();
    expect(clean(String((again.Output as { data?: string })?.data ?? ''))).not.toContain('entry values');
  });

  it('re-evaluating an updated monolith runs the new module code', async () => {
    const p = await bootWith([fileOf(build(EDGE, { edge: 'src/main.lua' }, 'monolith'), 'monolith', 'edge')]);
    const updated = { ...EDGE, 'src/names/two.lua': 'return { v = "two-v2" }\n' };
    await lua(p, fileOf(build(updated, { edge: 'src/main.lua' }, 'monolith'), 'monolith', 'edge'));
    expect(await lua(p, 'return Result')).toBe('dash,two-v2,long,true,false,nil,true');
  });

  it('an unresolvable plain require is BUNDLE-002 with file:line:col', () => {
    expect(() => build({ 'src/main.lua': 'local x = 1\nlocal y = require("no.such")\n' }, { p: 'src/main.lua' }, 'monolith')).toThrowError(
      /cannot resolve require\("no.such"\)/,
    );
    try {
      build({ 'src/main.lua': 'local x = 1\nlocal y = require("no.such")\n' }, { p: 'src/main.lua' }, 'monolith');
    } catch (e) {
      expect((e as { code: string }).code).toBe('BUNDLE-002');
      expect((e as { location: unknown }).location).toEqual({ file: 'src/main.lua', line: 2, column: 11 });
    }
  });

  it('is byte-reproducible (build twice, compare; module order independent of file listing order)', () => {
    const a = build(EDGE, { edge: 'src/main.lua' }, 'monolith');
    const reversed = Object.fromEntries(Object.entries(EDGE).reverse());
    const b = build(reversed, { edge: 'src/main.lua' }, 'monolith');
    expect(b.files.map((f) => f.content)).toEqual(a.files.map((f) => f.content));
  });

  it('reports a runtime error in a module as plain require does', async () => {
    const r = build(
      { 'src/main.lua': 'local ok, e = pcall(require, "bad")\nBadErr = e\n', 'src/bad.lua': 'error("bad module")\n' },
      { p: 'src/main.lua' },
      'monolith',
    );
    const p = await bootWith([fileOf(r, 'monolith', 'p')]);
    expect(await lua(p, 'return BadErr')).toContain('bad module');
    expect(await luaError(p, 'package.loaded["bad"] = nil; require("bad")')).toContain('bad module');
  });
});

describe('an entry that requires no project module', () => {
  // Issue 16: a 1.4 KB process paid 12.8 % for the bundle frame (header, entry function); the
  // floor is its own code. Delivered as `aos --load` delivers the file: the entry itself.
  const entry =
    '#!/usr/bin/env lua\nlocal mod = { version = "1.0.0" }\nHandlers.add("Get", Handlers.utils.hasMatchingTag("Action", "Get"), function(msg) msg.reply({ Data = mod.version }) end)\nreturn mod';

  it('is its own bundle: one header line, then the entry byte for byte (a #! line commented out)', async () => {
    const text = fileOf(build({ 'src/main.lua': entry }, { solo: 'src/main.lua' }, 'monolith'), 'monolith', 'solo');
    const [head, ...rest] = text.split('\n');
    expect(head).toBe('-- migrate bundle: monolith solo, 0 module(s); do not edit');
    expect(rest.join('\n')).toBe(`--${entry}\n`);
    expect(text.length - entry.length).toBeLessThanOrEqual(0.05 * entry.length + 64);
    const p = await bootWith([text]);
    const r = await p.send({ From: 'SOMEONE', Tags: { Action: 'Get' } });
    expect(r.Messages[0]?.Data).toBe('1.0.0');
  });

  it('every mode delivers that same file (left unfederated, it boots alone)', () => {
    const files = { 'src/main.lua': entry };
    const mono = fileOf(build(files, { solo: 'src/main.lua' }, 'monolith'), 'monolith', 'solo');
    const fed = build(files, { solo: 'src/main.lua' }, 'federated').files.find((f) => f.process === 'solo')!;
    expect(fed.content).toBe(mono);
    expect(fed.standalone).toBe(true);
  });
});
