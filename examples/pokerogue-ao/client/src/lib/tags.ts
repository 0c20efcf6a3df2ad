// Tag building: every message carries Action first, then the caller's tags in a stable
// order (the processes match on Action; the order keeps recorded messages comparable).
import type { Tag } from '../transport/types.js';

export const PROTOCOL_VERSION = '1';

/** Builds the tag list of a message: Action, Protocol-Version, then `extra` sorted by name. */
export function buildTags(action: string, extra: Record<string, string | number> = {}): Tag[] {
  const tags: Tag[] = [
    { name: 'Action', value: action },
    { name: 'Protocol-Version', value: PROTOCOL_VERSION },
  ];
  for (const name of Object.keys(extra).sort()) {
    tags.push({ name, value: String(extra[name]) });
  }
  return tags;
}

export function tagValue(tags: Tag[], name: string): string | undefined {
  return tags.find((t) => t.name === name)?.value;
}
