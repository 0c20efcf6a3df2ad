// Require sites the bundler follows: plain `require("x")` / `require "x"` / `require [[x]]` /
// `pcall(require, "x")`, and the federated `Federation.require("x", "^1.0.0")` /
// `pcall(Federation.require, "x", "^1.0.0")` that the front end's graph does not see.
// Read from the AST, so requires inside strings and comments are never counted.
import { stringValue, walkLua, type LuaNode } from './luaFront.ts';

export interface BundleRequireSite {
  name: string;
  federated: boolean;
  /** Version range of a federated site ("*" when absent or not a literal). */
  range?: string;
  /** Inside `pcall(...)`: an unresolved name is tolerated (the caller handles the failure). */
  guarded: boolean;
  /** Byte ranges (latin1 text) of the call, the callee and the name literal, for rewrites. */
  callRange: [number, number];
  calleeRange: [number, number];
  literalRange: [number, number];
  line: number;
  column: number;
}

function calleeKind(n: LuaNode | undefined): 'plain' | 'federated' | undefined {
  if (!n) return undefined;
  if (n.type === 'Identifier' && n.name === 'require') return 'plain';
  if (n.type === 'MemberExpression' && n.indexer === '.') {
    const base = n.base as LuaNode;
    const id = n.identifier as LuaNode;
    if (base.type === 'Identifier' && base.name === 'Federation' && id.name === 'require') return 'federated';
  }
  return undefined;
}

/** Every require site (plain and federated) with a literal name, in source order. */
export function findBundleRequires(ast: LuaNode): BundleRequireSite[] {
  const sites: BundleRequireSite[] = [];
  walkLua(ast, (n) => {
    if (n.type !== 'CallExpression' && n.type !== 'StringCallExpression') return;
    const at = { line: n.loc?.start.line ?? 0, column: (n.loc?.start.column ?? 0) + 1 };
    const args = n.type === 'CallExpression' ? (n.arguments as LuaNode[]) : [n.argument as LuaNode];
    let callee = n.base as LuaNode;
    let kind = calleeKind(callee);
    let nameArg = args[0];
    let rangeArg = args[1];
    let guarded = false;
    if (!kind && n.type === 'CallExpression' && (n.base as LuaNode).type === 'Identifier' && (n.base as LuaNode).name === 'pcall') {
      callee = args[0]!;
      kind = calleeKind(callee);
      nameArg = args[1];
      rangeArg = args[2];
      guarded = true;
    }
    if (!kind) return;
    const name = stringValue(nameArg);
    if (name === undefined) return;
    sites.push({
      name,
      federated: kind === 'federated',
      ...(kind === 'federated' ? { range: stringValue(rangeArg) ?? '*' } : {}),
      guarded,
      callRange: n.range,
      calleeRange: callee.range,
      literalRange: nameArg!.range,
      ...at,
    });
  });
  return sites.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Only the `Federation.require` sites. */
export function findFederatedRequires(ast: LuaNode): BundleRequireSite[] {
  return findBundleRequires(ast).filter((s) => s.federated);
}

/** true when the file mentions the `Federation` global at all (e.g. the mode-flag line). */
export function referencesFederation(ast: LuaNode): boolean {
  let found = false;
  walkLua(ast, (n) => {
    if (!found && n.type === 'Identifier' && n.name === 'Federation' && n.isLocal !== true) found = true;
  });
  return found;
}
