// Duplicate functions across a TS client, by normalised token hash (the Lua audit's classes):
//   exact  - same text (line ends aside)           type-1 - same tokens (layout/comments differ)
//   type-2 - same shape, identifiers renamed        near   - same shape, some literal differs
// A near-duplicate behaves differently (e.g. one string differs): it is reported with its
// differences and never merged.
import { createHash } from 'node:crypto';
import ts from 'typescript';
import { lineColumn } from './text.ts';

export interface TsFunctionCopy {
  file: string;
  name: string;
  line: number;
  exported: boolean;
  /** Text of the declaration without `export`, leading comments excluded, LF line ends. */
  text: string;
  tokens: string[];
  kinds: ('id' | 'lit' | 'tok')[];
}

export interface TsDuplicateGroup {
  kind: 'exact' | 'type-1' | 'type-2' | 'near';
  name: string;
  /** Share of equal tokens between the first member and the least similar other, 0..1. */
  similarity: number;
  members: { file: string; name: string; line: number; exported: boolean }[];
  /** For type-2/near: `a.ts: 'x'  vs  b.ts: 'y'` per differing token. */
  differences: string[];
}

const MIN_TOKENS = 12; // a one-line getter is not worth reporting

/** Top-level function declarations and `const f = (...) => ...` of one file. */
export function functionCopies(file: string, text: string): TsFunctionCopy[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const out: TsFunctionCopy[] = [];
  for (const st of sf.statements) {
    const exported = ts.canHaveModifiers(st) && !!ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    let name: string | undefined;
    let node: ts.Node | undefined;
    if (ts.isFunctionDeclaration(st) && st.name && st.body) [name, node] = [st.name.text, st];
    else if (ts.isVariableStatement(st) && st.declarationList.declarations.length === 1) {
      const d = st.declarationList.declarations[0]!;
      if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)))
        [name, node] = [d.name.text, d];
    }
    if (!name || !node) continue;
    let start = node.getStart(sf);
    if (exported && ts.isFunctionDeclaration(node))
      start =
        node.modifiers?.find((m) => m.kind !== ts.SyntaxKind.ExportKeyword)?.getStart(sf) ??
        node.asteriskToken?.getStart(sf) ??
        node
          .getChildren(sf)
          .find((c) => c.kind === ts.SyntaxKind.FunctionKeyword)!
          .getStart(sf);
    const body = text.slice(start, node.getEnd()).replace(/\r\n/g, '\n');
    const { tokens, kinds } = tokenize(body);
    if (tokens.length < MIN_TOKENS) continue;
    out.push({ file, name, line: lineColumn(text, start).line, exported, text: body, tokens, kinds });
  }
  return out;
}

function tokenize(text: string): { tokens: string[]; kinds: ('id' | 'lit' | 'tok')[] } {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const tokens: string[] = [];
  const kinds: ('id' | 'lit' | 'tok')[] = [];
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
    tokens.push(scanner.getTokenText());
    if (k === ts.SyntaxKind.Identifier) kinds.push('id');
    else if (
      k === ts.SyntaxKind.StringLiteral ||
      k === ts.SyntaxKind.NumericLiteral ||
      k === ts.SyntaxKind.NoSubstitutionTemplateLiteral ||
      (k >= ts.SyntaxKind.TemplateHead && k <= ts.SyntaxKind.TemplateTail)
    )
      kinds.push('lit');
    else kinds.push('tok');
  }
  return { tokens, kinds };
}

const hash = (parts: string[]): string => createHash('sha256').update(parts.join('\u0000')).digest('hex');

/** Groups copies that share a shape (type-2 hash); classifies each group. */
export function groupDuplicates(copies: TsFunctionCopy[]): TsDuplicateGroup[] {
  const byShape = new Map<string, TsFunctionCopy[]>();
  for (const c of copies) {
    const key = hash(c.tokens.map((t, i) => (c.kinds[i] === 'tok' ? t : c.kinds[i]!)));
    byShape.set(key, [...(byShape.get(key) ?? []), c]);
  }
  const groups: TsDuplicateGroup[] = [];
  for (const members of byShape.values()) {
    if (members.length < 2) continue;
    const first = members[0]!;
    const differences: string[] = [];
    let minSimilarity = 1;
    let literalDiffers = false;
    let identifierDiffers = false;
    for (const other of members.slice(1)) {
      let equal = 0;
      first.tokens.forEach((t, i) => {
        if (t === other.tokens[i]) equal++;
        else {
          if (first.kinds[i] === 'lit') literalDiffers = true;
          else identifierDiffers = true;
          differences.push(`${first.file}:${first.line} ${t}  vs  ${other.file}:${other.line} ${other.tokens[i]}`);
        }
      });
      minSimilarity = Math.min(minSimilarity, equal / first.tokens.length);
    }
    const kind = literalDiffers ? 'near' : identifierDiffers ? 'type-2' : members.every((m) => m.text === first.text) ? 'exact' : 'type-1';
    groups.push({
      kind,
      name: first.name,
      similarity: Math.round(minSimilarity * 1000) / 1000,
      members: members.map(({ file, name, line, exported }) => ({ file, name, line, exported })),
      differences,
    });
  }
  return groups.sort((a, b) => a.name.localeCompare(b.name) || a.members[0]!.file.localeCompare(b.members[0]!.file));
}
