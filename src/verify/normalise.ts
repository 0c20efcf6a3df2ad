// Turns an aos result into the Answer parity compares. What is dropped and why:
// - ANSI colour codes (presentation only);
// - the prompt (it shows the Inbox length, which is the same on both sides but noise);
// - chunk names and line numbers in errors ([string "aos"]:3:): the monolith and a shell put
//   the same code on different lines, so the location differs while the behaviour does not;
// - Anchor (derived from the same Reference counter both sides advance);
// - the loader's `FED-WARN` lines (a hybrid process announcing a fallback): kept apart as
//   warnings and counted in the report, since the behaviour they announce is what is compared.
// Tags are compared sorted by name and JSON Data with sorted keys, because aos builds both
// with `pairs`, whose order differs between builds for the same data.
import type { AoResult } from './aosRuntime.ts';
import { outputText } from './aosRuntime.ts';
import type { Answer, NormalisedMessage } from './types.ts';

// eslint-disable-next-line no-control-regex -- ESC (0x1b) starts every ANSI colour code: matching it is the point
const ANSI = /\u001b\[[0-9;]*m/g;

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

/** JSON with object keys sorted at every depth. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/**
 * Drops Lua chunk locations (`[string "aos"]:12: `, also JSON-escaped) from text: error
 * strings caught by pcall end up in replies and prints, and their line numbers differ
 * between a monolith and a shell for the same code.
 */
export function stripLocations(text: string): string {
  return text.replace(/\[string \\?"[^"\\]*\\?"\]:\d+:\s*/g, '');
}

/** Data re-encoded with sorted keys when it is a JSON object or array; other text unchanged. */
export function normaliseData(data: unknown): string {
  if (data === undefined || data === null) return '';
  const text = stripLocations(typeof data === 'string' ? data : JSON.stringify(data));
  const t = text.trim();
  if ((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']'))) {
    try {
      return canonicalJson(JSON.parse(t));
    } catch {
      return text;
    }
  }
  return text;
}

/** Removes Lua chunk locations (`[string "x"]:12:`, `file.lua:3:`) and traceback lines. */
export function normaliseError(err: string): string {
  return stripAnsi(err)
    .split('\n')
    .filter((l) => !/^\s*stack traceback:/.test(l) && !/^\s+\[string /.test(l) && !/^\s+\[C\]/.test(l) && !/^\s+\(\.\.\.tail calls/.test(l))
    .join('\n')
    .replace(/\[string "[^"]*"\]:\d+:\s*/g, '')
    .replace(/[\w./-]+\.lua:\d+:\s*/g, '')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

export function normaliseMessage(m: AoResult['Messages'][number]): NormalisedMessage {
  const tags = (m.Tags ?? []).map((t) => [String(t.name), String(t.value)] as [string, string]);
  tags.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { Target: m.Target ?? '', Tags: tags, Data: normaliseData(m.Data) };
}

/** Splits the loader's `FED-WARN` lines (a hybrid fallback notice) from the printed output. */
export function splitWarnings(output: string): { output: string; warnings: string[] } {
  const lines = output.split('\n');
  const warnings = lines.filter((l) => l.startsWith('FED-WARN '));
  return warnings.length ? { output: lines.filter((l) => !l.startsWith('FED-WARN ')).join('\n'), warnings } : { output, warnings };
}

/** A printed line that is a JSON object, with its keys sorted (json.encode follows `pairs` order); other lines as they are. */
function canonicalLine(line: string): string {
  const t = line.trim();
  if (!t.startsWith('{') || !t.endsWith('}')) return line;
  try {
    return canonicalJson(JSON.parse(t));
  } catch {
    return line;
  }
}

/**
 * Whether two printed outputs hold the same lines in another order (e.g. lines printed in a
 * `pairs` loop, whose order differs between builds), or JSON objects printed with their keys in
 * another order (json.encode of a table walks it with `pairs`): an order-only difference.
 */
export function isOrderOnly(expected: string, actual: string): boolean {
  if (expected === actual) return false;
  const sorted = (s: string) => s.split('\n').map(canonicalLine).sort().join('\n');
  return sorted(expected) === sorted(actual);
}

export function toAnswer(r: AoResult): Answer {
  const rawError = typeof r.Error === 'string' && r.Error.length ? stripAnsi(r.Error) : r.Error ? stripAnsi(JSON.stringify(r.Error)) : null;
  const { output, warnings } = splitWarnings(stripLocations(stripAnsi(outputText(r))));
  return {
    messages: r.Messages.map(normaliseMessage),
    output,
    warnings,
    error: rawError === null ? null : normaliseError(rawError),
    rawError,
    spawns: r.Spawns.length,
  };
}
