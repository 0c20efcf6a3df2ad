// Step ids and helper-module names of story 36.1: derived from file and function names, so a
// re-plan of the same sources gives the same ids (decisions taken are found again by id).

export const slug = (s: string): string =>
  s
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/** `helpers.<kebab of name>`, numbered from 2 when the name is in `used` or `taken` says so; adds it to `used`. */
export function helperModule(name: string, used: Set<string>, taken: (module: string) => boolean = () => false): string {
  const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  let module = `helpers.${kebab}`;
  for (let n = 2; used.has(module) || taken(module); n++) module = `helpers.${kebab}-${n}`;
  used.add(module);
  return module;
}
