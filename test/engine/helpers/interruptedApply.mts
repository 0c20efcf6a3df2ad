// Child process for the Ctrl-C test: applies a step and sends itself SIGINT in the middle of
// writing (after N temp-file writes), like a user pressing Ctrl-C during `migrate apply`.
import { writeFileSync } from 'node:fs';
import { loadProject } from '../../../src/config/loadProject.ts';
import { applyStep } from '../../../src/engine/engine.ts';
import { TransformRegistry } from '../../../src/transform/registry.ts';

const [dir, stepId, after] = process.argv.slice(2);
const transforms = new TransformRegistry([new URL('../transforms', import.meta.url).pathname]);
let writes = 0;
await applyStep({ ...loadProject({ project: dir!, cwd: dir! }), transforms }, stepId!, {
  writeFile(file, data) {
    writeFileSync(file, data, { flag: 'wx' });
    if (++writes === Number(after)) process.kill(process.pid, 'SIGINT');
  },
});
console.log('not interrupted');
