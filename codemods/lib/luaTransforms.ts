// The Lua transforms by id, for the planner's tests and the story codemods (the engine's
// registry discovers the same files from transforms/**).
import type { Transform } from '../../src/transform/types.ts';
import { transform as addHybridFlag } from '../../transforms/lua/add-hybrid-flag.ts';
import { transform as extractInlineDuplicate } from '../../transforms/lua/extract-inline-duplicate.ts';
import { transform as extractFunctionClone } from '../../transforms/lua/extract-function-clone.ts';
import { transform as federateRequires } from '../../transforms/lua/federate-requires.ts';
import { transform as mergeExactCopies } from '../../transforms/lua/merge-exact-copies.ts';
import { transform as moveToRuntime } from '../../transforms/lua/move-to-runtime.ts';
import { transform as specialiseProcess } from '../../transforms/lua/specialise-process.ts';
import { transform as writeRuntimeManifest } from '../../transforms/lua/write-runtime-manifest.ts';
import { transform as writeFederationLoader } from '../../transforms/lua/write-federation-loader.ts';

export const luaTransforms: Map<string, Transform<unknown>> = new Map(
  [addHybridFlag, extractFunctionClone, extractInlineDuplicate, federateRequires, mergeExactCopies, moveToRuntime, specialiseProcess, writeRuntimeManifest, writeFederationLoader].map((t) => [
    t.id,
    t as unknown as Transform<unknown>,
  ]),
);
