// Editing a step's params in next-step: with $VISUAL/$EDITOR the params open as pretty JSON in
// the editor (a JSON error names line:col and offers to edit again); without one, each param is
// asked for on its own line, its current value as the default. Ctrl-C in a prompt gives
// 'interrupt' instead of inquirer's ExitPromptError stack.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { input } from '@inquirer/prompts';
import type { CommandIO } from '../command.ts';
import { readChoice } from './keys.ts';

type Params = Record<string, unknown>;

const isObject = (v: unknown): v is Params => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/** 'line L col C' of a JSON.parse error position, when the message has one. */
function where(text: string, message: string): string {
  const at = /position (\d+)/.exec(message);
  if (!at) return '';
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  return ` at line ${line} col ${Number(at[1]) - before.lastIndexOf('\n')}`;
}

async function inEditor(editor: string, params: Params, io: CommandIO): Promise<Params | undefined | 'interrupt'> {
  const dir = mkdtempSync(path.join(tmpdir(), 'migrate-params-'));
  const file = path.join(dir, 'params.json');
  writeFileSync(file, `${JSON.stringify(params, null, 2)}\n`);
  try {
    for (;;) {
      const r = spawnSync('sh', ['-c', `${editor} "$1"`, 'editor', file], { stdio: 'inherit' });
      if (r.status !== 0) {
        io.out(`the editor exited with ${r.status ?? r.signal}: params unchanged`);
        return undefined;
      }
      const text = readFileSync(file, 'utf8');
      try {
        const v: unknown = JSON.parse(text);
        if (isObject(v)) return v;
        io.out('params must be a JSON object, e.g. {"key": "value"}');
      } catch (e) {
        io.out(`not JSON${where(text, (e as Error).message)}: ${(e as Error).message}`);
      }
      io.out('e edit again, q keep the old params');
      const k = await readChoice(['e', 'q']);
      if (k === 'ctrl-c') return 'interrupt';
      if (k === 'q') return undefined;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function perKey(params: Params, io: CommandIO): Promise<Params | undefined> {
  const out: Params = {};
  io.out('each param as JSON (enter keeps the value shown):');
  for (const [key, value] of Object.entries(params)) {
    const text = await input({
      message: `${key}:`,
      default: JSON.stringify(value),
      validate: (t) => {
        try {
          JSON.parse(t);
          return true;
        } catch (e) {
          return `not JSON: ${(e as Error).message} (strings need quotes: "text")`;
        }
      },
    });
    out[key] = JSON.parse(text);
  }
  return out;
}

/** New params, undefined when unchanged/cancelled, 'interrupt' on Ctrl-C. */
export async function editParams(params: Params, io: CommandIO): Promise<Params | undefined | 'interrupt'> {
  const editor = io.env.VISUAL || io.env.EDITOR;
  try {
    if (editor) return await inEditor(editor, params, io);
    if (!Object.keys(params).length) {
      io.out('this step has no params (set $EDITOR to add some as JSON)');
      return undefined;
    }
    return await perKey(params, io);
  } catch (e) {
    if ((e as Error).name === 'ExitPromptError') return 'interrupt';
    throw e;
  }
}
