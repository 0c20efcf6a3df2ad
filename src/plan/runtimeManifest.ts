// The runtime manifest (`<runtime.dir>/manifest.json`) as the rest of the toolkit reads it:
// the bundler takes module versions from it, the planner checks it. Written by the
// lua/write-runtime-manifest transform (versions follow the export rules there).
export { computeManifest, bumpVersion } from '../../transforms/lua/write-runtime-manifest/index.ts';
export { manifestPath, readManifest, rangeFor, type ManifestModule, type RuntimeManifest } from '../graph/runtimeManifest.ts';
export { moduleExports } from '../../transforms/lua/lib/moduleExports.ts';
