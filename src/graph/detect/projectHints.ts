// What a project's own build and deploy configuration says, read the way a person would before
// guessing: which Lua files are processes (aos `--load` / `.load`, `amalg.lua -s`, ao-deploy
// `contractPath` / `ao-deploy <file>`, aoform `processes.yaml` `file:`, a rockspec `source.url`),
// which files are build output (`amalg.lua -o`, ao-deploy `--out-dir` / `process-dist`, a copy
// of an output) and which folders module names resolve from (the folder amalg runs in, ao-deploy
// `luaPath`, busted `lpath`, rockspec `build.modules`). Shell lines are tokenised (quotes, `cd`,
// `&&`, `;`); config files written in TypeScript or Lua are read as text, never executed.
import path from 'node:path';
import YAML from 'yaml';
import type { Workspace } from '../../files/tree.ts';

export interface Hint {
  /** Project-relative file (entry or output) or folder (root). */
  path: string;
  /** Where it was read, e.g. `packages/kv/build.sh:12 (amalg.lua -s)`. */
  source: string;
  /**
   * Entries: 'deploy' when a deploy tool loads the file into a process (aos, ao-deploy, aoform):
   * it is a process. 'build' when a build names it as its main file (amalg -s, rockspec): a
   * process only if it registers handlers (a package's library is built the same way).
   */
  kind?: 'deploy' | 'build';
}

export interface ProjectHints {
  entries: Hint[];
  outputs: Hint[];
  roots: Hint[];
  /** Build outputs mapped to the entry they are built from (aoform may deploy `build/x.lua`). */
  builtFrom: Map<string, string>;
}

const SHELL_FILE = /(^|\/)([^/]+\.sh|Makefile|justfile)$/;
const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;
const AOFORM_FILE = /(^|\/)processes\.ya?ml$/;
const AOD_FILE = /(^|\/)aod\.config\.(ts|js|mjs|cjs)$/;

/** Reads every hint of the project (files in node_modules and .git are never listed). */
export function readProjectHints(ws: Workspace): ProjectHints {
  const hints: ProjectHints = { entries: [], outputs: [], roots: [], builtFrom: new Map() };
  for (const file of ws.list('')) {
    const text = (): string => ws.read(file)?.toString('utf8') ?? '';
    const dir = path.posix.dirname(file);
    if (SHELL_FILE.test(file)) readShell(hints, text(), file, dir);
    else if (path.posix.basename(file) === 'package.json') readPackageJson(hints, text(), file, dir);
    else if (WORKFLOW_FILE.test(file)) readWorkflow(hints, text(), file);
    else if (AOFORM_FILE.test(file)) readAoform(hints, text(), file, dir);
    else if (AOD_FILE.test(file)) readAodConfig(hints, text(), file, dir);
    else if (path.posix.basename(file) === '.busted') readBusted(hints, text(), file, dir);
    else if (file.endsWith('.rockspec')) readRockspec(hints, text(), file, dir);
  }
  return hints;
}

const rel = (cwd: string, p: string): string => path.posix.normalize(path.posix.join(cwd, p.replace(/^\.\//, ''))).replace(/(.)\/+$/, '$1');
const inside = (p: string): boolean => p !== '..' && !p.startsWith('../') && !path.posix.isAbsolute(p);

/** Shell words of one command line: quotes removed, `$VAR/` prefixes kept in the word. */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

/** Splits script text into commands (newlines, `&&`, `||`, `;`, `|`), drops comments. */
function commands(text: string): { line: number; cmd: string }[] {
  const out: { line: number; cmd: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const code = raw.replace(/(^|\s)#.*$/, '');
    for (const cmd of code.split(/&&|\|\||;|\|/)) if (cmd.trim()) out.push({ line: i + 1, cmd: cmd.trim() });
  });
  return out;
}

/** Runs the commands of one script in order, following `cd` (a build.sh often does `cd src`). */
function readCommands(hints: ProjectHints, text: string, file: string, startDir: string): void {
  let cwd = startDir;
  for (const { line, cmd } of commands(text)) {
    const w = words(cmd);
    const at = `${file}:${line}`;
    if (w[0] === 'cd' && w[1] && !w[1].includes('$')) cwd = rel(cwd, w[1]);
    else readCommand(hints, w, cwd, at);
  }
}

function readCommand(hints: ProjectHints, w: string[], cwd: string, at: string): void {
  const tool = path.posix.basename(w[0] ?? '');
  const add = (list: Hint[], p: string, how: string, kind?: Hint['kind']): void => {
    const r = rel(cwd, p);
    if (inside(r) && !p.includes('$')) list.push({ path: r, source: `${at} (${how})`, ...(kind ? { kind } : {}) });
  };
  // `.load file.lua` inside a heredoc or an aos session script, anywhere on the line.
  for (let i = 0; i < w.length - 1; i++) if (w[i] === '.load' && w[i + 1]!.endsWith('.lua')) add(hints.entries, w[i + 1]!, '.load', 'deploy');
  if (tool === 'aos') {
    for (let i = 1; i < w.length; i++) {
      if (w[i] === '--load' && w[i + 1]) add(hints.entries, w[i + 1]!, 'aos --load', 'deploy');
      else if (w[i]!.startsWith('--load=')) add(hints.entries, w[i]!.slice(7), 'aos --load', 'deploy');
    }
  } else if (tool === 'amalg.lua' || tool === 'amalg') {
    const withArg = new Set(['-o', '-s', '-C', '-i', '-t', '-p']);
    let script: string | undefined;
    let out: string | undefined;
    for (let i = 1; i < w.length; i++) {
      if (w[i] === '-s') script = w[++i];
      else if (w[i] === '-o') out = w[++i];
      else if (withArg.has(w[i]!)) i++;
    }
    if (script) add(hints.entries, script, 'amalg.lua -s', 'build');
    if (out) add(hints.outputs, out, 'amalg.lua -o');
    hints.roots.push({ path: path.posix.normalize(cwd), source: `${at} (amalg.lua runs here: module names resolve from this folder)` });
    if (script && out) hints.builtFrom.set(rel(cwd, out), rel(cwd, script));
  } else if (tool === 'ao-deploy' || tool === 'aod') {
    const lua = w.slice(1).find((x) => x.endsWith('.lua') && !x.startsWith('-'));
    if (lua) add(hints.entries, lua, tool, w.includes('--build-only') ? 'build' : 'deploy');
    const lp = optionValue(w, ['-l', '--lua-path']);
    if (lp) for (const r of rootsOfLuaPath(cwd, lp)) hints.roots.push({ path: r, source: `${at} (${tool} --lua-path)` });
    if (w.includes('--build-only')) add(hints.outputs, optionValue(w, ['--out-dir']) ?? 'process-dist', `${tool} --build-only`);
  } else if (tool === 'cp' && w.length === 3) {
    const from = rel(cwd, w[1]!);
    if (hints.outputs.some((o) => o.path === from)) add(hints.outputs, w[2]!, `copy of the build output ${from}`);
  }
}

function optionValue(w: string[], names: string[]): string | undefined {
  for (let i = 0; i < w.length; i++) {
    for (const n of names) {
      if (w[i] === n) return w[i + 1];
      if (w[i]!.startsWith(`${n}=`)) return w[i]!.slice(n.length + 1);
    }
  }
  return undefined;
}

/** `./?.lua;./src/?.lua;lib/?/init.lua` -> the folders before `?` (project-relative). */
function rootsOfLuaPath(cwd: string, luaPath: string): string[] {
  return luaPath
    .split(';')
    .filter((p) => p.includes('?') && !p.includes('$') && !path.posix.isAbsolute(p))
    .map((p) => rel(cwd, p.slice(0, p.indexOf('?')) || '.'))
    .filter(inside);
}

function readShell(hints: ProjectHints, text: string, file: string, dir: string): void {
  readCommands(hints, text, file, dir);
}

function readPackageJson(hints: ProjectHints, text: string, file: string, dir: string): void {
  let scripts: Record<string, unknown> = {};
  try {
    scripts = (JSON.parse(text) as { scripts?: Record<string, unknown> }).scripts ?? {};
  } catch {
    return; // not JSON: nothing declared
  }
  for (const [name, cmd] of Object.entries(scripts)) if (typeof cmd === 'string') readCommands(hints, cmd, `${file} scripts.${name}`, dir);
}

function readWorkflow(hints: ProjectHints, text: string, file: string): void {
  let doc: unknown;
  try {
    doc = YAML.parse(text);
  } catch {
    return;
  }
  const jobs = (doc as { jobs?: Record<string, { steps?: { run?: unknown; 'working-directory'?: unknown }[] }> })?.jobs ?? {};
  for (const job of Object.values(jobs)) {
    for (const step of job?.steps ?? []) {
      if (typeof step?.run !== 'string') continue;
      const cwd = typeof step['working-directory'] === 'string' ? rel('.', step['working-directory']) : '.';
      readCommands(hints, step.run, file, cwd);
    }
  }
}

/** aoform: a list of `{name, file, prerun?}`; `file` may be a build output (mapped back later). */
function readAoform(hints: ProjectHints, text: string, file: string, dir: string): void {
  let doc: unknown;
  try {
    doc = YAML.parse(text);
  } catch {
    return;
  }
  if (!Array.isArray(doc)) return;
  for (const p of doc as { name?: unknown; file?: unknown }[]) {
    if (typeof p?.file !== 'string') continue;
    const r = rel(dir, p.file);
    if (inside(r)) hints.entries.push({ path: r, source: `${file} (aoform${typeof p.name === 'string' ? ` process ${p.name}` : ''})`, kind: 'deploy' });
  }
}

/** ao-deploy's aod.config.*: `contractPath: "x.lua"`, `luaPath: "./?.lua;./src/?.lua"`, `outDir`. */
function readAodConfig(hints: ProjectHints, text: string, file: string, dir: string): void {
  const str = String.raw`["'\x60]([^"'\x60]+)["'\x60]`;
  for (const m of text.matchAll(new RegExp(`contractPath\\s*:\\s*${str}`, 'g'))) {
    const r = rel(dir, m[1]!);
    if (inside(r)) hints.entries.push({ path: r, source: `${file} (ao-deploy contractPath)`, kind: 'deploy' });
  }
  for (const m of text.matchAll(new RegExp(str, 'g'))) {
    if (m[1]!.includes('?.lua')) for (const r of rootsOfLuaPath(dir, m[1]!)) hints.roots.push({ path: r, source: `${file} (ao-deploy luaPath)` });
  }
  for (const m of text.matchAll(new RegExp(`outDir\\s*:\\s*${str}`, 'g'))) {
    const r = rel(dir, m[1]!);
    if (inside(r)) hints.outputs.push({ path: r, source: `${file} (ao-deploy outDir)` });
  }
}

/** .busted (Lua): `lpath = "./src/?.lua;..."` says where the modules the specs require live. */
function readBusted(hints: ProjectHints, text: string, file: string, dir: string): void {
  for (const m of text.matchAll(/lpath\s*=\s*["']([^"']+)["']/g)) {
    for (const r of rootsOfLuaPath(dir, m[1]!)) hints.roots.push({ path: r, source: `${file} (busted lpath)` });
  }
}

/** A rockspec: `source = { url = "./src/main.lua" }` names the main file; `build.modules` the module files. */
function readRockspec(hints: ProjectHints, text: string, file: string, dir: string): void {
  const url = /source\s*=\s*\{[^}]*url\s*=\s*["']([^"']+\.lua)["']/.exec(text)?.[1];
  if (url && !/^[a-z+]+:\/\//.test(url)) {
    const r = rel(dir, url);
    if (inside(r)) hints.entries.push({ path: r, source: `${file} (rockspec source.url)`, kind: 'build' });
  }
  for (const m of text.matchAll(/\[\s*["']([\w.-]+)["']\s*\]\s*=\s*["']([^"']+\.lua)["']/g)) {
    const modPath = m[1]!.split('.').join('/');
    const filePath = m[2]!.replace(/\.lua$/, '').replace(/\/init$/, '');
    if (filePath.endsWith(modPath)) {
      const r = rel(dir, filePath.slice(0, filePath.length - modPath.length) || '.');
      if (inside(r)) hints.roots.push({ path: r, source: `${file} (rockspec build.modules)` });
    }
  }
}
