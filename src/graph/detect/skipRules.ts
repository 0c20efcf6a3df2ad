// Why a Lua file that looks like an entry (it registers Handlers and nothing requires it) is not
// a process: build output, a patch or Eval script, a mock, a test or spec, an example, an
// experiment. Judged by path (folder and file names, the way a person skims a repository) and by
// content for bundles (amalg and aos bundles define modules through package.preload / loaded).
// Each reason says how to include the file anyway (`migrate init --include <path>`).

export type SkipKind = 'build-output' | 'bundle' | 'patch' | 'mock' | 'test' | 'example' | 'experiment';

export interface SkipReason {
  kind: SkipKind;
  why: string;
  /** The project-relative folder the reason applies to, when it is a folder rule (`patches`, `pkg/dist`). */
  folder?: string;
}

const FOLDER_RULES: { kind: SkipKind; test: RegExp; why: string }[] = [
  { kind: 'build-output', test: /^(build|dist|process-dist|out|output|bundle|bundles)$/i, why: 'in a build output folder' },
  { kind: 'patch', test: /^(patch|patches|hotfix|hotfixes|migrations?)$/i, why: 'in a patches folder (Eval scripts sent to a live process)' },
  { kind: 'mock', test: /^(mocks?|__mocks__|fakes?|stubs?)$/i, why: 'in a mocks folder' },
  { kind: 'test', test: /^(tests?|specs?|__tests__|testing|test-utils)$/i, why: 'in a tests folder' },
  { kind: 'example', test: /^(examples?|samples?|demos?)$/i, why: 'in an examples folder' },
  { kind: 'experiment', test: /^(experiments?|.*-experiment|sandbox|playground|scratch|poc|wip)$/i, why: 'in an experiments folder' },
];

const FILE_RULES: { kind: SkipKind; test: RegExp; why: string }[] = [
  { kind: 'patch', test: /^\d{4}-\d{2}-\d{2}[-_]/, why: 'a dated patch script' },
  { kind: 'patch', test: /(^|[-_.])(patch|hotfix|eval)([-_.]|\.lua$)/i, why: 'named as a patch / Eval script' },
  { kind: 'test', test: /([-_.](spec|test)\.lua$)|(^test[-_])/i, why: 'named as a test or spec' },
  { kind: 'mock', test: /(^|[-_.])mocks?([-_.]|\.lua$)/i, why: 'named as a mock' },
  { kind: 'example', test: /^(example|sample|demo)([-_.]|\.lua$)/i, why: 'named as an example' },
  { kind: 'experiment', test: /(^|[-_.])(experiment|scratch)([-_.]|\.lua$)/i, why: 'named as an experiment' },
];

/** The reason a path is not a process, from its folders and file name; undefined when none. */
export function skipByPath(file: string): SkipReason | undefined {
  const parts = file.split('/');
  const name = parts.pop()!;
  for (let i = 0; i < parts.length; i++) {
    const rule = FOLDER_RULES.find((r) => r.test.test(parts[i]!));
    if (rule) return { kind: rule.kind, why: `${rule.why} (${parts[i]}/)`, folder: parts.slice(0, i + 1).join('/') };
  }
  const rule = FILE_RULES.find((r) => r.test.test(name));
  return rule ? { kind: rule.kind, why: rule.why } : undefined;
}

/**
 * A bundle defines two or more modules the way amalg and aos bundlers do:
 * `package.preload["x"] = function`, `package.loaded["x"] = <loader>()` (also through `_G.`).
 * One definition is not enough: sources reset or register a single module that way.
 */
export function isBundle(text: string): boolean {
  const defs = new Set<string>();
  const re = /(?:_G\.)?package\.(preload|loaded)\s*\[\s*(["'])([^"'\n]+)\2\s*\]\s*=\s*(function\b|[A-Za-z_][\w.]*\s*\(\s*\))/g;
  for (const m of text.matchAll(re)) defs.add(m[3]!);
  return defs.size >= 2;
}
