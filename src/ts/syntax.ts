// Module syntax of one TS/JS file, read with jscodeshift's `ts` parser setup (babel): every import,
// re-export, `require('x')` and `import('x')` with the exact offsets of its string literal,
// and the names the module exports. Only offsets are used: edits never reprint the AST, so
// formatting, comments and the file's quote style survive by construction.
import { createRequire } from 'node:module';
import { MigrateError } from '../errors.ts';
import { BOM, lineColumn } from './text.ts';

const require = createRequire(import.meta.url);
// The parser jscodeshift runs for `--parser=ts`: @babel/parser (the version jscodeshift 17.4
// resolves) with jscodeshift's parser/tsOptions.js, copied here so the installed toolkit
// does not need jscodeshift (MIT, Facebook) and its transform machinery at run time.
const babel = require('@babel/parser') as { parse(code: string, options: Record<string, unknown>): BabelFile };
const TS_OPTIONS = {
  sourceType: 'module',
  allowImportExportEverywhere: true,
  allowReturnOutsideFunction: true,
  startLine: 1,
  tokens: true,
  plugins: [
    'asyncGenerators',
    'decoratorAutoAccessors',
    'bigInt',
    'classPrivateMethods',
    'classPrivateProperties',
    'classProperties',
    'decorators-legacy',
    'doExpressions',
    'dynamicImport',
    'exportDefaultFrom',
    'exportExtensions',
    'exportNamespaceFrom',
    'functionBind',
    'functionSent',
    'importAttributes',
    'importMeta',
    'nullishCoalescingOperator',
    'numericSeparator',
    'objectRestSpread',
    'optionalCatchBinding',
    'optionalChaining',
    ['pipelineOperator', { proposal: 'minimal' }],
    'throwExpressions',
    'typescript',
  ],
};
const tsParser = { parse: (code: string): BabelFile => babel.parse(code, TS_OPTIONS) };

interface BabelNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}
interface BabelFile {
  program: { body: BabelNode[] };
  comments?: BabelNode[];
}

export interface NamedBinding {
  imported: string;
  local: string;
  typeOnly: boolean;
}

export interface ImportSite {
  kind: 'import' | 'export-from' | 'export-all' | 'require' | 'dynamic-import';
  specifier: string;
  /** Offsets of the string literal, quotes included. */
  literalStart: number;
  literalEnd: number;
  quote: string;
  /** Offsets of the whole statement (top-level sites) or call (require / import()). */
  start: number;
  end: number;
  /** `import type ...` / `export type ... from`. */
  typeOnly: boolean;
  defaultLocal?: string;
  namespaceLocal?: string;
  named: NamedBinding[];
}

export interface TopLevelDecl {
  name: string;
  kind: string;
  exported: boolean;
  /** Offsets of the declaration (the `export` keyword included when exported). */
  start: number;
  end: number;
  /** Start of the comments directly above it (no blank line between), else `start`. */
  leadingStart: number;
}

export interface ModuleSyntax {
  imports: ImportSite[];
  decls: TopLevelDecl[];
  /** Names exported by this file's own declarations or `export {a}` lists (not re-exports). */
  declared: string[];
  /** Offset added to every position because a BOM was cut before parsing (0 or 1). */
  bomOffset: number;
}

/** Parses `text` (BOM allowed); throws TS-002 with file:line:col on a syntax error. */
export function parseModule(text: string, file: string): ModuleSyntax {
  const bomOffset = text.startsWith(BOM) ? 1 : 0;
  const code = bomOffset ? text.slice(1) : text;
  let ast: BabelFile;
  try {
    ast = tsParser.parse(code);
  } catch (e) {
    const pos = (e as { pos?: number }).pos ?? 0;
    throw new MigrateError('TS-002', `cannot parse: ${(e as Error).message}`, {
      location: { file, ...lineColumn(code, pos) },
      hint: 'the TS codemods only edit files that parse; fix the syntax error first',
    });
  }
  const out: ModuleSyntax = { imports: [], decls: [], declared: [], bomOffset };
  const shift = (n: number) => n + bomOffset;
  const site = (kind: ImportSite['kind'], node: BabelNode, source: BabelNode, typeOnly: boolean): ImportSite => ({
    kind,
    specifier: source.value as string,
    literalStart: shift(source.start),
    literalEnd: shift(source.end),
    quote: code[source.start]!,
    start: shift(node.start),
    end: shift(node.end),
    typeOnly,
    named: [],
  });
  const commentEnds = new Map<number, BabelNode>();
  for (const c of ast.comments ?? []) commentEnds.set(c.end, c);

  for (const node of ast.program.body) {
    if (node.type === 'ImportDeclaration') {
      const s = site('import', node, node.source as BabelNode, node.importKind === 'type');
      for (const spec of node.specifiers as BabelNode[]) {
        const local = (spec.local as { name: string }).name;
        if (spec.type === 'ImportDefaultSpecifier') s.defaultLocal = local;
        else if (spec.type === 'ImportNamespaceSpecifier') s.namespaceLocal = local;
        else s.named.push({ imported: nameOf(spec.imported as BabelNode), local, typeOnly: spec.importKind === 'type' });
      }
      out.imports.push(s);
    } else if (node.type === 'ExportAllDeclaration') {
      out.imports.push(site('export-all', node, node.source as BabelNode, node.exportKind === 'type'));
    } else if (node.type === 'ExportNamedDeclaration') {
      const specs = (node.specifiers as BabelNode[]) ?? [];
      if (node.source) {
        const s = site('export-from', node, node.source as BabelNode, node.exportKind === 'type');
        for (const spec of specs) {
          if (spec.type === 'ExportNamespaceSpecifier') s.namespaceLocal = nameOf(spec.exported as BabelNode);
          else s.named.push({ imported: nameOf(spec.local as BabelNode), local: nameOf(spec.exported as BabelNode), typeOnly: spec.exportKind === 'type' });
        }
        out.imports.push(s);
      } else if (node.declaration) {
        for (const name of declNames(node.declaration as BabelNode)) {
          out.declared.push(name);
          out.decls.push(decl(name, node, true));
        }
      } else {
        for (const spec of specs) out.declared.push(nameOf(spec.exported as BabelNode));
      }
    } else if (node.type === 'ExportDefaultDeclaration') {
      out.declared.push('default');
    } else {
      const names = declNames(node);
      // Destructuring `const {a} = ...` has no single name; kept (name '') for statement-level edits.
      if (!names.length && node.type === 'VariableDeclaration') names.push('');
      for (const name of names) out.decls.push(decl(name, node, false));
    }
  }
  if (/\b(require|import)\s*\(/.test(code))
    walkCalls(ast.program as unknown as BabelNode, (call, source, kind) => out.imports.push(site(kind, call, source, false)));
  return out;

  function decl(name: string, node: BabelNode, exported: boolean): TopLevelDecl {
    // Comments directly above (separated by whitespace holding at most one line end) move with it.
    let leading = node.start;
    for (;;) {
      let p = leading;
      while (p > 0 && /[ \t\r]/.test(code[p - 1]!)) p--;
      if (p > 0 && code[p - 1] === '\n') p--;
      while (p > 0 && /[ \t\r]/.test(code[p - 1]!)) p--;
      const c = commentEnds.get(p);
      if (!c || p === leading) break;
      leading = c.start;
    }
    return { name, kind: node.type, exported, start: shift(node.start), end: shift(node.end), leadingStart: shift(leading) };
  }
}

function nameOf(n: BabelNode): string {
  return (n.name as string | undefined) ?? (n.value as string);
}

function declNames(node: BabelNode): string[] {
  switch (node.type) {
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
    case 'TSEnumDeclaration':
    case 'TSDeclareFunction':
      return node.id ? [nameOf(node.id as BabelNode)] : [];
    case 'VariableDeclaration':
      return (node.declarations as BabelNode[]).flatMap((d) => ((d.id as BabelNode).type === 'Identifier' ? [nameOf(d.id as BabelNode)] : []));
    default:
      return [];
  }
}

/** Visits `require('x')` and `import('x')` calls with a plain string argument. */
function walkCalls(root: BabelNode, visit: (call: BabelNode, source: BabelNode, kind: 'require' | 'dynamic-import') => void): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    if (Array.isArray(n)) {
      for (const c of n) stack.push(c);
      continue;
    }
    const node = n as BabelNode;
    if (node.type === 'CallExpression') {
      const callee = node.callee as BabelNode;
      const args = node.arguments as BabelNode[];
      const arg = args[0];
      if (args.length === 1 && arg && arg.type === 'StringLiteral') {
        if (callee.type === 'Identifier' && callee.name === 'require') visit(node, arg, 'require');
        else if (callee.type === 'Import') visit(node, arg, 'dynamic-import');
      }
    }
    for (const key in node) {
      if (key === 'loc' || key === 'tokens' || key === 'comments' || key === 'leadingComments' || key === 'trailingComments') continue;
      const v = node[key];
      if (v && typeof v === 'object') stack.push(v);
    }
  }
}
