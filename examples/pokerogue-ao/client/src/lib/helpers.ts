// The helpers barrel: a re-export chain (`export *` and a named re-export) that some
// scripts import instead of the deep paths.
export * from './tags.js';
export { parseReply } from './reply.js';
