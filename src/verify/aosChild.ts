// Entry of the child Node process (started with --experimental-wasm-memory64) that runs the
// sqlite-enabled aos for processes requiring lsqlite3; see BootOptions.sqlite in aosRuntime.ts
// and the parent side in aosChildClient.ts.
import { serveAosChild } from './aosRuntime.ts';

serveAosChild();
