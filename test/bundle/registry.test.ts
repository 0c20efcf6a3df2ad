// Delivery option (b) on aos: a registry process serves runtime module sources by message; the
// shell accepts code only from its configured registry id and only when the sha256 matches
// the manifest it was built against, then runs its entry.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tagValue, type AoOutMessage } from '../../src/verify/aosRuntime.ts';
import { bootWith, build, clean, fileOf, lua, AosProcess } from './helpers.ts';

const FILES = {
  'src/runtime/greet.lua': 'local fmt = require("runtime.fmt")\nreturn { hi = function(n) return fmt.wrap("hi " .. n) end }\n',
  'src/runtime/fmt.lua': 'return { wrap = function(s) return "<" .. s .. ">" end }\r\n',
  'src/app/main.lua':
    'FEDERATION_MODE = FEDERATION_MODE or Federation.spawnMode() or Federation.buildMode or "hybrid"\nlocal g = Federation.require("runtime.greet", "^1.0.0")\nHandlers.add("Info", function(m) return m.Action == "Info" end, function(m) ao.send({ Target = m.From, Data = g.hi(m.From) }) end)\n',
};
const CONFIG = { runtime: { dir: 'src/runtime', namespace: 'runtime', shareThreshold: 2, version: '1.0.0' } };
const FORWARDED = ['Action', 'Module', 'Version', 'Hash', 'Modules'];

function forward(m: AoOutMessage): { Tags: Record<string, string>; Data: string } {
  const tags: Record<string, string> = {};
  for (const name of FORWARDED) {
    const v = tagValue(m, name);
    if (v !== undefined) tags[name] = v;
  }
  return { Tags: tags, Data: m.Data ?? '' };
}

async function setup() {
  const r = build(FILES, { app: 'src/app/main.lua' }, 'federated', { config: CONFIG });
  const registry = await bootWith([fileOf(r, 'registry')], { name: 'registry' });
  const { process: app } = await AosProcess.boot({ name: 'app', tags: { 'Federation-Mode': 'federated', 'Federation-Registry': registry.id } });
  const shell = await app.eval(fileOf(r, 'shell', 'app'));
  expect(shell.Error).toBeUndefined();
  // The shell carries no loader: its bootstrap asks the registry for it first.
  const ask = shell.Messages.find((m) => tagValue(m, 'Action') === 'Federation-Get')!;
  expect(tagValue(ask, 'Modules')).toBe('runtime.ao_federate');
  const loader = (await registry.send({ From: app.id, ...forward(ask) })).Messages[0]!;
  expect(tagValue(loader, 'Module')).toBe('runtime.ao_federate');
  const boot = await app.send({ From: registry.id, ...forward(loader) });
  expect(boot.Error).toBeUndefined();
  expect(clean(String((boot.Output as { data?: string }).data))).toContain('waiting for 2 runtime module(s)');
  const request = boot.Messages.find((m) => tagValue(m, 'Action') === 'Federation-Get')!;
  expect(request.Target).toBe(registry.id);
  expect(tagValue(request, 'Modules')).toBe('runtime.fmt,runtime.greet');
  const replies = (await registry.send({ From: app.id, ...forward(request) })).Messages;
  expect(replies.map((m) => tagValue(m, 'Module'))).toEqual(['runtime.fmt', 'runtime.greet']);
  return { registry, app, replies, r };
}

async function shellWithoutLoader() {
  const r = build(FILES, { app: 'src/app/main.lua' }, 'federated', { config: CONFIG });
  const registry = await bootWith([fileOf(r, 'registry')], { name: 'registry' });
  const { process: app } = await AosProcess.boot({ name: 'app', tags: { 'Federation-Mode': 'federated', 'Federation-Registry': registry.id } });
  const shell = await app.eval(fileOf(r, 'shell', 'app'));
  const ask = shell.Messages.find((m) => tagValue(m, 'Action') === 'Federation-Get')!;
  const loader = (await registry.send({ From: app.id, ...forward(ask) })).Messages[0]!;
  return { registry, app, loader };
}

describe('registry process delivery on aos', () => {
  it('the loader itself comes only from the registry (FED-009) and only with its hash (FED-005)', async () => {
    const { registry, app, loader } = await shellWithoutLoader();
    const evil = await app.send({ From: 'EVIL_PROCESS_000000000000000000000000000000', ...forward(loader) });
    expect(clean(String(evil.Error))).toContain('FED-009 loader from EVIL_PROCESS_000000000000000000000000000000 refused');
    const tampered = await app.send({ From: registry.id, ...forward(loader), Data: 'Federation = {}' });
    expect(clean(String(tampered.Error))).toContain('FED-005 loader hash mismatch');
    expect(await lua(app, 'return tostring(rawget(_G, "Federation"))')).toBe('nil');
  });

  it('a federated shell is small: no loader inside, a bootstrap under 1 KB', () => {
    const r = build(FILES, { app: 'src/app/main.lua' }, 'federated', { config: CONFIG });
    const shell = fileOf(r, 'shell', 'app');
    expect(shell).not.toContain('LOADER_VERSION');
    const boot = shell.slice(shell.indexOf('local function __ao_federate_boot'), shell.indexOf('\nend\n', shell.indexOf('ao.send({ Target = reg')) + 5);
    expect(Buffer.byteLength(boot)).toBeLessThanOrEqual(1024);
  });

  it('installs modules sent by the registry (CRLF source intact, hash verified) and then runs the entry', async () => {
    const { registry, app, replies } = await setup();
    for (const m of replies) {
      const r = await app.send({ From: registry.id, ...forward(m) });
      expect(r.Error).toBeUndefined();
    }
    const info = await app.send({ From: 'PLAYER', Tags: { Action: 'Info' } });
    expect(info.Messages[0]!.Data).toBe('<hi PLAYER>');
    expect(await lua(app, 'return Federation.status().modules[1].origin .. " " .. Federation.status().modules[1].version')).toBe('runtime 1.0.0');
  });

  it('refuses module code from any other sender (FED-009), even with the right hash', async () => {
    const { app, replies } = await setup();
    const r = await app.send({ From: 'EVIL_PROCESS_000000000000000000000000000000', ...forward(replies[0]!) });
    expect(clean(String(r.Error))).toContain('FED-009 module code from EVIL_PROCESS_000000000000000000000000000000 refused');
    expect(await lua(app, 'return #Federation.missing()')).toBe('2');
  });

  it('refuses a consistent text + hash pair that is not the manifest the shell was built with (FED-005), installing nothing', async () => {
    const { registry, app, replies } = await setup();
    const text = 'return { wrap = function(s) return "pwned" end }';
    const forged = { ...forward(replies[0]!), Data: text };
    forged.Tags.Hash = createHash('sha256').update(text).digest('hex');
    expect((await app.send({ From: registry.id, ...forged })).Error).toBeUndefined();
    const r = await app.send({ From: registry.id, ...forward(replies[1]!) });
    expect(clean(String(r.Error))).toContain('FED-005 hash mismatch for the runtime modules from the registry');
    expect(await lua(app, 'return #Federation.missing() .. " " .. tostring(Federation.modules["runtime.fmt"])')).toBe('2 nil');
  });

  it('refuses code from the registry whose hash does not match the manifest (FED-005)', async () => {
    const { registry, app, replies } = await setup();
    const tampered = { ...forward(replies[0]!), Data: 'return { wrap = function(s) return "pwned" end }' };
    const r = await app.send({ From: registry.id, ...tampered });
    expect(clean(String(r.Error))).toContain("FED-005 hash mismatch for 'runtime.fmt'");
    expect(await lua(app, 'return #Federation.missing() .. " " .. tostring(Federation.modules["runtime.fmt"])')).toBe('2 nil');
  });
});
