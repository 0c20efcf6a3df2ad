// One-key input for interactive commands (next-step): the terminal in raw mode, one keypress
// read, raw mode restored. Ctrl-C arrives as a key ('ctrl-c') instead of a signal, so the caller
// can stop cleanly (state kept, resume hint printed) rather than being killed mid-prompt.
import { emitKeypressEvents } from 'node:readline';

export type Key = string;

interface KeyInput {
  isTTY?: boolean;
  setRawMode?(on: boolean): unknown;
  on(event: 'keypress', fn: (s: string | undefined, k: { name?: string; ctrl?: boolean; sequence?: string }) => void): unknown;
  off(event: 'keypress', fn: (...a: never[]) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

/** Resolves with the key pressed: a character ('y', '1', '?'), 'enter', 'escape', 'space' or 'ctrl-c'. */
export function readKey(input: KeyInput = process.stdin as unknown as KeyInput): Promise<Key> {
  emitKeypressEvents(process.stdin);
  return new Promise((resolve) => {
    const raw = Boolean(input.isTTY && input.setRawMode);
    if (raw) input.setRawMode!(true);
    input.resume();
    const onKey = (s: string | undefined, k: { name?: string; ctrl?: boolean; sequence?: string }): void => {
      input.off('keypress', onKey as (...a: never[]) => void);
      if (raw) input.setRawMode!(false);
      input.pause();
      if (k?.ctrl && k.name === 'c') return resolve('ctrl-c');
      if (k?.ctrl && k.name === 'd') return resolve('ctrl-c');
      if (k?.name === 'return' || k?.name === 'enter') return resolve('enter');
      if (k?.name === 'escape' || k?.name === 'space') return resolve(k.name);
      resolve((s ?? k?.sequence ?? '').toLowerCase());
    };
    input.on('keypress', onKey);
  });
}

/** Reads keys until one of `allowed` (or ctrl-c) is pressed. */
export async function readChoice(allowed: readonly string[], input?: KeyInput): Promise<Key> {
  for (;;) {
    const k = await readKey(input);
    if (k === 'ctrl-c' || allowed.includes(k)) return k;
  }
}
