// Module specifiers of a TS client: resolve one to a project file (relative paths, tsconfig
// `paths` aliases, ESM `.js` specifiers naming `.ts` files, extensionless and folder/index
// forms) and write a new one for a moved target in the SAME style as the original (alias
// stays alias, `.js` stays `.js`, extensionless stays extensionless), so that a move and its
// inverse give back the original bytes.
import path from 'node:path';
import ts from 'typescript';
import { MigrateError } from '../errors.ts';
import type { Workspace } from '../files/tree.ts';

const posix = path.posix;

export interface PathAlias {
  /** Alias prefix before the `*`, e.g. `@client/`. */
  prefix: string;
  /** Project-relative folder the `*` maps into, e.g. `client/src/`. */
  target: string;
}

/** Reads the `paths` of a tsconfig (JSON with comments) as prefix aliases (`x/*` patterns). */
export function readPathAliases(ws: Workspace, tsconfigPath: string): PathAlias[] {
  const text = ws.read(tsconfigPath)?.toString('utf8');
  if (text === undefined) {
    throw new MigrateError('TS-003', `tsconfig not found: ${tsconfigPath}`, {
      location: { file: tsconfigPath },
      hint: 'set client.tsconfig in migrate.config.json to the client tsconfig.json',
    });
  }
  const { config, error } = ts.parseConfigFileTextToJson(tsconfigPath, text);
  if (error) {
    throw new MigrateError('TS-003', `tsconfig is not valid: ${ts.flattenDiagnosticMessageText(error.messageText, ' ')}`, {
      location: { file: tsconfigPath },
      hint: 'fix the tsconfig JSON',
    });
  }
  const opts = (config?.compilerOptions ?? {}) as { baseUrl?: string; paths?: Record<string, string[]> };
  const base = posix.join(posix.dirname(tsconfigPath), opts.baseUrl ?? '.');
  const aliases: PathAlias[] = [];
  for (const [pattern, targets] of Object.entries(opts.paths ?? {})) {
    const target = targets[0];
    if (!pattern.endsWith('*') || !target?.endsWith('*')) continue;
    aliases.push({ prefix: pattern.slice(0, -1), target: posix.join(base, target.slice(0, -1)).replace(/\/$/, '') + '/' });
  }
  // Longest prefix first, as TypeScript matches.
  return aliases.sort((a, b) => b.prefix.length - a.prefix.length);
}

const TS_FOR_JS: Record<string, string[]> = { '.js': ['.ts', '.tsx', '.js'], '.mjs': ['.mts', '.mjs'], '.cjs': ['.cts', '.cjs'], '.jsx': ['.tsx', '.jsx'] };
const BARE_EXTS = ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs'];

/** The project file `spec` (written in `fromFile`) names, or undefined (packages, missing files). */
export function resolveSpecifier(ws: Workspace, fromFile: string, spec: string, aliases: PathAlias[]): string | undefined {
  let base: string | undefined;
  if (spec.startsWith('./') || spec.startsWith('../')) base = posix.join(posix.dirname(fromFile), spec);
  else {
    const alias = aliases.find((a) => spec.startsWith(a.prefix));
    if (alias) base = posix.normalize(alias.target + spec.slice(alias.prefix.length));
  }
  if (base === undefined) return undefined;
  const ext = posix.extname(base);
  const candidates: string[] = [];
  if (TS_FOR_JS[ext]) candidates.push(...TS_FOR_JS[ext]!.map((e) => base!.slice(0, -ext.length) + e));
  if (['.ts', '.tsx', '.mts', '.cts'].includes(ext)) candidates.push(base);
  candidates.push(...BARE_EXTS.map((e) => base + e), ...BARE_EXTS.map((e) => `${base}/index${e}`));
  return candidates.find((c) => ws.exists(c));
}

/**
 * A specifier for `newTarget`, written in `fromFile`, in the style of `original` (which named
 * `oldTarget`). Alias style is kept when the new target is under the same alias folder.
 */
export function respecify(original: string, oldTarget: string, fromFile: string, newTarget: string, aliases: PathAlias[]): string {
  const origExt = posix.extname(original.split('/').pop()!);
  const namedIndex = /(^|\/)index(\.[a-z]+)?$/.test(original);
  const pointedAtFolder = posix.basename(oldTarget).startsWith('index.') && !namedIndex;
  let target = newTarget;
  const targetExt = posix.extname(target);
  if (pointedAtFolder && posix.basename(target).startsWith('index.')) target = posix.dirname(target);
  else if (origExt === '.js' || origExt === '.mjs' || origExt === '.cjs' || origExt === '.jsx')
    target = target.slice(0, -targetExt.length) + jsExtFor(targetExt, origExt);
  else if (!origExt || (!TS_FOR_JS[origExt] && !['.ts', '.tsx', '.mts', '.cts'].includes(origExt))) target = target.slice(0, -targetExt.length);

  const alias = aliases.find((a) => original.startsWith(a.prefix));
  if (alias && target.startsWith(alias.target)) return alias.prefix + target.slice(alias.target.length);
  let rel = posix.relative(posix.dirname(fromFile), target);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

function jsExtFor(tsExt: string, origExt: string): string {
  if (tsExt === '.mts') return '.mjs';
  if (tsExt === '.cts') return '.cjs';
  if (tsExt === '.js' || tsExt === '.mjs' || tsExt === '.cjs') return tsExt;
  return origExt;
}
