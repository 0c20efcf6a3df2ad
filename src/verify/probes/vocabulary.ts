// Values by name from the closure's own data modules: a Data field the code never compares
// with anything (`ability`, `heldItem`, stored and used later in a battle) whose name says
// what it holds gets the record ids of the module named for the same thing
// (`data.abilities.ability-database`: `ember-heart`, `tide-guard`, ...). A made-up string
// there is dropped or refused; a real id reaches the code that uses the record later.
import type { LuaNode } from '../../parse/luaAst.ts';
import { recordIds, type DataShape } from './dataShape.ts';

const words = (text: string): string[] =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.replace(/(ies)$/, 'y').replace(/s$/, ''));

/** Fields with no literal and no type asked get the ids of the module their name points to. */
export function nameVocabulary(shape: DataShape, modules: Map<string, LuaNode>): void {
  const ids = new Map<string, string[]>();
  const idsOf = (name: string) => {
    if (!ids.has(name)) ids.set(name, recordIds(modules.get(name)!));
    return ids.get(name)!;
  };
  for (const [path, f] of shape) {
    if (f.literals.length || f.type || [...shape.keys()].some((p) => p.startsWith(`${path}.`) || p.startsWith(`${path}[]`))) continue;
    const field = words(path.slice(path.lastIndexOf('.') + 1).replace(/\[\]$/, '')).filter((w) => w !== 'id');
    const head = field.at(-1);
    if (!head) continue;
    // the module whose name holds the field's last word and most of its others, with records
    let best: { name: string; score: number } | undefined;
    for (const name of [...modules.keys()].sort()) {
      const mw = words(name);
      if (!mw.includes(head)) continue;
      const score = field.filter((w) => mw.includes(w)).length;
      if ((!best || score > best.score) && idsOf(name).length) best = { name, score };
    }
    if (best) f.literals.push(...idsOf(best.name));
  }
}
