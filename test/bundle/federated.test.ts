// Federated and hybrid builds of a migrated-shaped project on the real aos runtime: runtime +
// shell by two Evals and by On-Boot=Data then Eval, the hybrid fallback, the monolith with
// the loader, the manifest's versions and hashes, minified output and reproducibility.
import { createHash } from 'node:crypto';
import luaparse from 'luaparse';
import { describe, expect, it } from 'vitest';
import { bootWith, build, clean, fileOf, lua, luaError, AosProcess } from './helpers.ts';

const FLAG = [
  '-- ao-federate: mode flag (monolith | hybrid | federated); set FEDERATION_MODE by Eval, On-Boot data or the spawn tag Federation-Mode',
  'FEDERATION_MODE = FEDERATION_MODE or Federation.spawnMode() or Federation.buildMode or "hybrid"',
].join('\n');

const UTIL = 'local U = {}\n-- a comment --[[ with ]] brackets\nfunction U.greet(n) return "hello, " .. n .. "  --not a comment" end\nreturn U\n';
const PROJECT: Record<string, string> = {
  'src/runtime/util.lua': UTIL,
  'src/runtime/rng.lua':
    'local util = require("runtime.util")\nlocal R = { seed = 7 }\nfunction R.next() R.seed = (R.seed * 1103515245 + 12345) % 2147483648; return R.seed end\nR.util = util\nreturn R\n',
  'src/runtime/manifest.json': '',
  'src/battle/state.lua': 'return { turns = 0 }\n',
  'src/battle/main.lua': `${FLAG}
local util = Federation.require("runtime.util", "^1.0.0")
local ok, rng = pcall(Federation.require, 'runtime.rng', '^1.0.0')
local state = require("battle.state")
Handlers.add("Info", function(m) return m.Action == "Info" end, function(m)
  state.turns = state.turns + 1
  ao.send({ Target = m.From, Action = "Info-Reply", Data = util.greet(m.From) .. " " .. tostring(rng.next()) .. " " .. state.turns .. " " .. tostring(rng.util == util) })
end)
`,
};
// The same answer from every build: greeting (string with "--" kept), first rng value, turn, one util instance.
const EXPECTED = 'hello, PLAYER_1  --not a comment 1282168116 1 true';
const CONFIG = { runtime: { dir: 'src/runtime', namespace: 'runtime', shareThreshold: 2, version: '1.0.0' } };

function project(manifestVersion?: string): Record<string, string> {
  const files = { ...PROJECT };
  if (manifestVersion) {
    const hash = (t: string) => createHash('sha256').update(t).digest('hex');
    files['src/runtime/manifest.json'] = JSON.stringify({
      version: manifestVersion,
      modules: [
        { name: 'runtime.rng', path: 'src/runtime/rng.lua', version: manifestVersion, hash: hash(PROJECT['src/runtime/rng.lua']!), exports: [], bytes: 0 },
        { name: 'runtime.util', path: 'src/runtime/util.lua', version: manifestVersion, hash: hash(UTIL), exports: [], bytes: 0 },
      ],
    });
  } else delete files['src/runtime/manifest.json'];
  return files;
}

const mk = (mode: 'monolith' | 'federated' | 'hybrid', opts: { minify?: boolean; manifest?: string } = {}) =>
  build(project(opts.manifest), { battle: 'src/battle/main.lua' }, mode, { config: CONFIG, minify: opts.minify });

async function info(p: AosProcess): Promise<string> {
  const r = await p.send({ From: 'PLAYER_1', Tags: { Action: 'Info' } });
  if (r.Error) throw new Error(clean(String(r.Error)));
  return r.Messages[0]!.Data!;
}

describe('federated and hybrid builds on aos', () => {
  it('federated: runtime then shell by two Evals; one instance of a shared module', async () => {
    const r = mk('federated');
    expect(r.files.map((f) => `${f.path}:${f.kind}`)).toEqual([
      'federated/runtime.lua:runtime',
      'federated/registry.lua:registry',
      'federated/battle.lua:shell',
    ]);
    expect(fileOf(r, 'shell', 'battle')).not.toContain('hello, ');
    const p = await bootWith([fileOf(r, 'runtime'), fileOf(r, 'shell', 'battle')], { tags: { 'Federation-Mode': 'federated' } });
    expect(await info(p)).toBe(EXPECTED);
    const status = await p.send({ From: 'PLAYER_1', Tags: { Action: 'Federation-Status' } });
    const body = JSON.parse(status.Messages[0]!.Data!) as { mode: string; modules: { name: string; origin: string; active: boolean }[] };
    expect(body.mode).toBe('federated');
    expect(body.modules.map((m) => `${m.name}:${m.origin}`)).toEqual(['battle.state:process', 'runtime.rng:runtime', 'runtime.util:runtime']);
  });

  it('federated: runtime by On-Boot=Data, shell by Eval; a shell without its runtime fails with FED-001', async () => {
    const r = mk('federated');
    const p = await bootWith([fileOf(r, 'shell', 'battle')], { bootData: fileOf(r, 'runtime'), tags: { 'Federation-Mode': 'federated' } });
    expect(await info(p)).toBe(EXPECTED);
    const { process: bare } = await AosProcess.boot({ name: 'bare', tags: { 'Federation-Mode': 'federated' } });
    const e = await bare.eval(fileOf(r, 'shell', 'battle'));
    // The shell carries no loader: its bootstrap finds neither a runtime nor a registry.
    expect(clean(String(e.Error))).toContain('FED-001 no runtime: load runtime.lua first or set Federation-Registry');
  });

  it('hybrid: without the runtime the bundled fallback is used with one warning line per module', async () => {
    const r = mk('hybrid');
    const { process: p } = await AosProcess.boot({ name: 'hyb', tags: { 'Federation-Mode': 'hybrid' } });
    const res = await p.eval(fileOf(r, 'hybrid-shell', 'battle'));
    expect(res.Error).toBeUndefined();
    const printed = clean(String((res.Output as { data?: string }).data));
    expect(printed.match(/FED-WARN/g)).toHaveLength(2);
    expect(printed).toContain("FED-WARN hybrid fallback: 'runtime.util' not in the runtime; using the bundled copy 1.0.0");
    expect(await info(p)).toBe(EXPECTED);
    expect(await lua(p, 'return Federation.status().modules[2].origin')).toBe('fallback');
  });

  it('hybrid with the runtime loaded uses the runtime copy', async () => {
    const r = mk('hybrid');
    const fed = mk('federated');
    const p = await bootWith([fileOf(fed, 'runtime'), fileOf(r, 'hybrid-shell', 'battle')]);
    expect(await info(p)).toBe(EXPECTED);
    expect(
      await lua(
        p,
        'local s = Federation.status(); local o = {} for _, m in ipairs(s.modules) do if m.active then o[#o+1] = m.name .. ":" .. m.origin end end return s.mode .. " " .. table.concat(o, ",")',
      ),
    ).toBe('hybrid battle.state:process,runtime.rng:runtime,runtime.util:runtime');
  });

  it('monolith with Federation.require sources: loader + fallbacks, buildMode monolith, runtime ignored', async () => {
    const r = mk('monolith');
    const text = fileOf(r, 'monolith', 'battle');
    expect(text).toContain('Federation.buildMode = "monolith"');
    const p = await bootWith([text]);
    expect(await info(p)).toBe(EXPECTED);
    expect(await lua(p, 'return FEDERATION_MODE')).toBe('monolith');
  });

  it('uses the manifest version and checks its hashes', async () => {
    const r = mk('federated', { manifest: '1.4.0' });
    expect(fileOf(r, 'runtime')).toContain('version = "1.4.0"');
    const p = await bootWith([fileOf(r, 'runtime'), fileOf(r, 'shell', 'battle')], { tags: { 'Federation-Mode': 'federated' } });
    expect(await lua(p, 'return Federation.status().runtimeVersion')).toBe('1.4.0');
    const stale = project('1.4.0');
    stale['src/runtime/util.lua'] = `${UTIL}-- edited after the manifest\n`;
    expect(() => build(stale, { battle: 'src/battle/main.lua' }, 'federated', { config: CONFIG })).toThrowError(/runtime manifest hash of 'runtime.util'/);
  });

  it('a runtime module requiring a process module is refused at build time (BUNDLE-004)', () => {
    const bad: Record<string, string> = { ...PROJECT, 'src/runtime/util.lua': 'return require("battle.state")\n' };
    delete bad['src/runtime/manifest.json'];
    expect(() => build(bad, { battle: 'src/battle/main.lua' }, 'federated', { config: CONFIG })).toThrowError(
      /runtime module 'runtime.util' requires process module 'battle.state'/,
    );
  });

  it('is byte-reproducible in every mode', () => {
    for (const mode of ['monolith', 'federated', 'hybrid'] as const) {
      expect(mk(mode).files.map((f) => f.content)).toEqual(mk(mode).files.map((f) => f.content));
    }
  });

  it('--minify: smaller, re-parses, strings untouched, behaves the same on aos', async () => {
    for (const mode of ['monolith', 'federated', 'hybrid'] as const) {
      const plain = mk(mode);
      const min = mk(mode, { minify: true });
      for (const [i, f] of min.files.entries()) {
        expect(f.content.length).toBeLessThan(plain.files[i]!.content.length);
        expect(() => luaparse.parse(f.content, { luaVersion: '5.3' })).not.toThrow();
        expect(f.content).not.toMatch(/^\s*--/m);
      }
      if (mode === 'hybrid') expect(fileOf(min, 'hybrid-shell')).toContain('"hello, "..n.."  --not a comment"');
      // The runtime carries its modules as (minified) source strings, compiled at first require.
      if (mode === 'federated') expect(fileOf(min, 'runtime')).toContain('\\"hello, \\"..n..\\"  --not a comment\\"');
      const chunks =
        mode === 'monolith' ? [fileOf(min, 'monolith')] : mode === 'federated' ? [fileOf(min, 'runtime'), fileOf(min, 'shell')] : [fileOf(min, 'hybrid-shell')];
      const p = await bootWith(chunks, { tags: { 'Federation-Mode': mode } });
      expect(await info(p)).toBe(EXPECTED);
    }
  });

  it('isolation at boot: a shell whose process module is already a runtime module is refused (FED-006)', async () => {
    const r = mk('federated');
    const clash = build(
      {
        'src/x/main.lua': 'FEDERATION_MODE = FEDERATION_MODE or Federation.spawnMode() or Federation.buildMode or "hybrid"\nlocal s = require("x.s")\n',
        'src/x/s.lua': 'return 1\n',
      },
      { x: 'src/x/main.lua' },
      'federated',
      { config: CONFIG },
    );
    const p = await bootWith([fileOf(r, 'runtime')]);
    await lua(p, 'Federation.register("runtime.util", { version = "1.0.0", hash = "h", loader = function() return 1 end })');
    const e = await luaError(p, fileOf(clash, 'shell', 'x').replace('["x.s"] = ', '["runtime.util"] = function() end,\n["x.s"] = '));
    expect(e).toContain("FED-006 process module 'runtime.util' would shadow the runtime module");
  });
});
