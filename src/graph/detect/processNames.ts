// Process names from entry paths, the way a person names them: the file's name, or its folder's
// for a generic file name (`battle/main.lua` -> battle); generic folders (`src`, `lua`, ...) are
// passed over (`packages/kv/src/main.lua` -> kv). Names that collide get the nearest folder that
// tells them apart (`a/dataIndex.lua`, `b/dataIndex.lua` -> `a-dataIndex`, `b-dataIndex`): by
// path, so the names do not depend on the order files were found in.
import { toProcessName } from '../../config/names.ts';

const GENERIC_FILES = new Set(['main', 'init', 'process', 'index', 'entry', 'app']);
const GENERIC_FOLDERS = new Set([
  'src',
  'lua',
  'source',
  'sources',
  'lib',
  'process',
  'processes',
  'ao',
  'ao-processes',
  'contracts',
  'packages',
  'services',
  'app',
]);

/** The folders of an entry, nearest first, without generic ones; the project folder's name last. */
function meaningfulFolders(entry: string, projectName: string): string[] {
  const folders = entry
    .split('/')
    .slice(0, -1)
    .reverse()
    .filter((f) => !GENERIC_FOLDERS.has(f.toLowerCase()));
  return [...folders, projectName];
}

/** The base name, and the folders (nearest first, generic ones included) that can tell two equal bases apart. */
function baseName(entry: string, projectName: string): { base: string; folders: string[] } {
  const file = entry
    .split('/')
    .at(-1)!
    .replace(/\.lua$/, '')
    .replace(/\.(blueprint|process)$/, '');
  const all = [...entry.split('/').slice(0, -1).reverse(), projectName];
  if (!GENERIC_FILES.has(file.toLowerCase())) return { base: file, folders: all };
  const base = meaningfulFolders(entry, projectName)[0]!;
  return { base, folders: all.slice(all.indexOf(base) + 1) };
}

/** One name per entry (same order), unique, valid for the config (src/config/names.ts). */
export function nameProcesses(entries: string[], projectName: string): string[] {
  const parts = entries.map((e) => baseName(e, projectName));
  const names = parts.map((p) => toProcessName(p.base));
  // Prefix colliding names with one more folder at a time until they differ (or run out).
  for (let depth = 1; depth <= 8; depth++) {
    const groups = new Map<string, number[]>();
    names.forEach((n, i) => groups.set(n.toLowerCase(), [...(groups.get(n.toLowerCase()) ?? []), i]));
    const clashes = [...groups.values()].filter((g) => g.length > 1);
    if (!clashes.length) return names;
    for (const group of clashes) {
      for (const i of group) {
        const prefix = parts[i]!.folders.slice(0, depth).reverse().join('-');
        names[i] = toProcessName(prefix ? `${prefix}-${parts[i]!.base}` : parts[i]!.base);
      }
    }
  }
  // Still equal (same folders all the way up): the full path decides.
  const seen = new Set<string>();
  return names.map((n, i) => {
    let name = n;
    if (seen.has(name.toLowerCase())) name = toProcessName(entries[i]!.replace(/\.lua$/, ''));
    seen.add(name.toLowerCase());
    return name;
  });
}
