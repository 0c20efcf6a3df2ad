// The Lua transforms by id, for the planner's tests (the engine's registry discovers the same
// folders, transforms/lua/<id>/index.ts).
import type { Transform } from '../../src/transform/types.ts';
import { transform as addHybridFlag } from '../../transforms/lua/add-hybrid-flag/index.ts';
import { transform as extractInlineDuplicate } from '../../transforms/lua/extract-inline-duplicate/index.ts';
import { transform as extractFunctionClone } from '../../transforms/lua/extract-function-clone/index.ts';
import { transform as federateRequires } from '../../transforms/lua/federate-requires/index.ts';
import { transform as mergeExactCopies } from '../../transforms/lua/merge-exact-copies/index.ts';
import { transform as moveToRuntime } from '../../transforms/lua/move-to-runtime/index.ts';
import { transform as specialiseProcess } from '../../transforms/lua/specialise-process/index.ts';
import { transform as writeRuntimeManifest } from '../../transforms/lua/write-runtime-manifest/index.ts';
import { transform as writeFederationLoader } from '../../transforms/lua/write-federation-loader/index.ts';

export const luaTransforms: Map<string, Transform<unknown>> = new Map(
  [
    addHybridFlag,
    extractFunctionClone,
    extractInlineDuplicate,
    federateRequires,
    mergeExactCopies,
    moveToRuntime,
    specialiseProcess,
    writeRuntimeManifest,
    writeFederationLoader,
  ].map((t) => [t.id, t as unknown as Transform<unknown>]),
);
