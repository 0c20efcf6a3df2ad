// Inline duplicate blocks across process entries (story 36.1): large top-level statements
// that occur in several entries. Identical ones are extracted; similar but different ones
// (the real system's JSON fallbacks: one escapes \n \r \t, another does not) are decisions.
import { createTwoFilesPatch } from 'diff';
import type { ProjectConfig } from '../../config/projectConfig.ts';
import type { Workspace } from '../../files/tree.ts';
import { luaFileFacts } from '../../graph/luaFiles.ts';
import { sha256 } from '../../hash.ts';
import { bindsOf, lineOffsets } from '../../../transforms/lua/lib/inlineBlocks.ts';
import { asNode, lineLocator, type LuaNode } from '../../parse/luaAst.ts';
import { similarEnough } from './duplicateModules.ts';

export interface InlineBlock {
  file: string;
  startLine: number;
  endLine: number;
  text: string;
  binds: string[];
  sha256: string;
}

export interface InlineGroup {
  blocks: InlineBlock[];
  identical: boolean;
  module: string;
  diff?: string;
}

/** Top-level statements of at least `minBytes` in each file (the entries by default), as whole-line blocks. */
function entryBlocks(ws: Workspace, files: string[], minBytes: number): InlineBlock[] {
  const out: InlineBlock[] = [];
  for (const file of files) {
    const proc = { entry: file };
    const bytes = ws.read(proc.entry);
    if (!bytes) continue;
    const { parsed } = luaFileFacts(bytes, proc.entry);
    if (!parsed.ast) continue;
    const starts = lineOffsets(parsed.text);
    const lineOf = lineLocator(parsed.text);
    for (const st of asNode(parsed.ast).body as LuaNode[]) {
      if (st.range[1] - st.range[0] < minBytes) continue;
      const startLine = lineOf(st.range[0]).line;
      const endLine = lineOf(st.range[1] - 1).line;
      const end = endLine < starts.length ? starts[endLine]! : parsed.text.length;
      // Whole lines only: skip statements sharing a line with code outside them.
      const text = parsed.text.slice(starts[startLine - 1]!, end);
      if (text.trim() !== parsed.text.slice(st.range[0], st.range[1]).trim()) continue;
      try {
        const binds = bindsOf([st], proc.entry);
        if (binds.length) out.push({ file: proc.entry, startLine, endLine, text, binds, sha256: sha256(Buffer.from(text, 'latin1')) });
      } catch {
        // blocks using `...`, goto or return cannot move into a module
      }
    }
  }
  return out;
}

/**
 * `files`: where to look (default: the entries). The planner adds each process's process-only
 * modules, so a block cloned in the own code of several processes is found too.
 */
export function inlineDuplicateGroups(
  ws: Workspace,
  config: ProjectConfig,
  minBytes = 300,
  minSimilarity = 0.6,
  files: string[] = config.processes.map((p) => p.entry),
): InlineGroup[] {
  const blocks = entryBlocks(ws, files, minBytes);
  const used = new Set<InlineBlock>();
  const groups: InlineGroup[] = [];
  for (const b of blocks) {
    if (used.has(b)) continue;
    const similar = blocks.filter((o) => o === b || (!used.has(o) && o.file !== b.file && similarEnough(b.text, o.text, minSimilarity)));
    if (similar.length < 2) continue;
    // One block per file: the most similar one.
    const perFile = new Map<string, InlineBlock>();
    for (const s of similar) if (!perFile.has(s.file)) perFile.set(s.file, s);
    const members = [...perFile.values()];
    if (members.length < 2) continue;
    members.forEach((m) => used.add(m));
    const identical = members.every((m) => m.text === b.text && m.binds.join() === b.binds.join());
    const other = members.find((m) => m.text !== b.text);
    const base = `inline.${b.binds.join('-')}-block`;
    const taken = (name: string) => groups.some((g) => g.module === name);
    let module = base;
    for (let n = 2; taken(module); n++) module = `${base}-${n}`;
    groups.push({
      blocks: members,
      identical,
      module,
      diff: other ? createTwoFilesPatch(`${b.file}:${b.startLine}`, `${other.file}:${other.startLine}`, b.text, other.text) : undefined,
    });
  }
  return groups;
}
