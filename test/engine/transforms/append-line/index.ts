// Test-only transform (known to TEST_REGISTRY, test/fixtures/engine/fixtureProject.ts): appends a line to a file
// using the file's own line ending; idempotent (a file already ending with it is left alone).
import { z } from 'zod';
import type { Transform } from '../../../../src/transform/types.ts';

const params = z.object({ file: z.string().min(1), line: z.string().min(1) });
type P = z.infer<typeof params>;

const eolOf = (text: string): string => (text.includes('\r\n') ? '\r\n' : '\n');

export const transform: Transform<P> = {
  id: 'test/append-line',
  language: 'lua',
  description: 'Appends a line to a file.',
  params,
  apply(tree, p) {
    const text = tree.readText(p.file);
    if (text === undefined) throw new Error(`${p.file} does not exist`);
    const eol = eolOf(text);
    if (text.endsWith(`${p.line}${eol}`)) return;
    const sep = text === '' || text.endsWith('\n') ? '' : eol;
    tree.write(p.file, `${text}${sep}${p.line}${eol}`);
  },
  inverse(tree, p) {
    const text = tree.readText(p.file);
    if (text === undefined) return;
    const eol = eolOf(text);
    if (text.endsWith(`${p.line}${eol}`)) tree.write(p.file, text.slice(0, text.length - p.line.length - eol.length));
  },
};

/**
 * Fixtures for the generic transform property test (test/engine/transformProperties.test.ts).
 * No "missing final newline" case here: the inverse cannot know the newline was absent (the
 * engine's revert, from pre-images, restores that exactly; applyRevert.test.ts covers it).
 */
export const fixtures = [
  { name: 'crlf file', files: { 'a.lua': 'x\r\ny\r\n' }, params: { file: 'a.lua', line: '-- z' } },
  { name: 'empty file', files: { 'a.lua': '' }, params: { file: 'a.lua', line: '-- z' } },
];
