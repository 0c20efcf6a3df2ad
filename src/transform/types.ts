// A transform is one atomic, pure rewrite (jscodeshift / darklua style): it reads a staged
// Tree and stages its writes there; the engine turns the staged writes into a changeset,
// shows it (dry run), applies it and keeps what is needed to revert it to the byte.
import type { z } from 'zod';
import type { Tree } from '../files/tree.ts';
import type { ProjectConfig } from '../config/projectConfig.ts';

// The edit type belongs to the parse layer; transforms keep importing it from here.
export type { TextEdit } from '../parse/textEdit.ts';

export interface TransformContext {
  config: ProjectConfig;
  /** Absolute project root (for messages only: transforms read through the Tree). */
  root: string;
  /** Notes the transform wants shown to the user (Nx "next steps"). */
  report(note: string): void;
}

export interface Transform<P = unknown> {
  /** Stable id, e.g. `lua/move-to-runtime`; the file name under transforms/. */
  id: string;
  language: 'lua' | 'ts';
  /** Sentence-case, ends with a period (OpenRewrite convention). */
  description: string;
  params: z.ZodType<P>;
  /** Pure: reads `tree`, stages writes into it. Must be idempotent. */
  apply(tree: Tree, params: P, ctx: TransformContext): void;
  /**
   * The inverse transform: stages the writes that undo `apply` for the same params, given
   * the tree as `apply` left it. The engine's revert uses recorded pre-images (byte-exact
   * by construction); tests check that `inverse` agrees with them.
   */
  inverse(tree: Tree, params: P, ctx: TransformContext): void;
}
