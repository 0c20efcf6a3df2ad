// The text edit of the whole toolkit, defined in the parse layer (the lowest layer that makes
// edits: Lua sources, the graph's rewrites, the TS codemods); src/transform/types.ts re-exports
// it for transforms.

/** A text edit at exact source offsets ([start, end) in UTF-16 units, as luaparse reports). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}
