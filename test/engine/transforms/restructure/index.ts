// Test-only transform: one changeset with every kind of change: a created file in a new folder,
// a delete, a move with an edit, a mode change, byte edits in a non-UTF-8 and a BOM file.
import { z } from 'zod';
import type { Transform } from '../../../../src/transform/types.ts';
import type { StagedTree } from '../../../../src/stage/stagedTree.ts';

const params = z.object({
  create: z.string(),
  delete: z.string(),
  move: z.object({ from: z.string(), to: z.string() }),
  chmod: z.object({ file: z.string(), mode: z.number().int() }),
  latin1: z.string(),
  bom: z.string(),
});
type P = z.infer<typeof params>;

export const transform: Transform<P> = {
  id: 'test/restructure',
  language: 'lua',
  description: 'Creates, deletes, moves, chmods and edits files (engine tests).',
  params,
  apply(tree, p) {
    if (tree.exists(p.move.to)) return; // already applied
    tree.write(p.create, 'return { created = true }\n');
    tree.delete(p.delete);
    const moved = tree.read(p.move.from)!;
    tree.rename(p.move.from, p.move.to);
    tree.write(p.move.to, Buffer.concat([moved, Buffer.from('-- moved\n')]));
    (tree as StagedTree).setMode(p.chmod.file, p.chmod.mode);
    const l = Buffer.from(tree.read(p.latin1)!);
    tree.write(p.latin1, Buffer.from(l.toString('latin1').replace('caf\u00e9', 'CAF\u00c9'), 'latin1'));
    tree.write(p.bom, tree.readText(p.bom)!.replace('old', 'new'));
  },
  inverse() {
    // the engine reverts from the journalled pre-images
  },
};
