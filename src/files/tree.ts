// The staged tree (Nx devkit / Angular schematics style): a transform reads and writes this
// in-memory overlay over a workspace snapshot; nothing touches disk until apply. Paths are
// POSIX, relative to the project root. Content is bytes, so BOMs, CRLF and non-UTF-8 survive.

export type FileChange =
  | { kind: 'create'; path: string; after: Buffer; mode?: number }
  | { kind: 'update'; path: string; before: Buffer; after: Buffer; mode?: number }
  | { kind: 'delete'; path: string; before: Buffer; mode?: number }
  | { kind: 'move'; from: string; to: string; before: Buffer; after: Buffer; mode?: number };

/** Read-only view of files: the disk (DiskWorkspace) or memory (MemoryWorkspace). */
export interface Workspace {
  readonly root: string;
  read(path: string): Buffer | undefined;
  exists(path: string): boolean;
  /** Every file path below `dir` ('' for all), sorted. */
  list(dir?: string): string[];
  mode(path: string): number | undefined;
}

/** A workspace plus staged writes. Writing the original bytes back drops the change. */
export interface Tree extends Workspace {
  readText(path: string): string | undefined;
  write(path: string, content: Buffer | string): void;
  delete(path: string): void;
  rename(from: string, to: string): void;
  /** The staged changes, in path order; renames reported as moves. */
  changes(): FileChange[];
}
