// Child-process driver used by the crash test while `migrate apply` is not registered as a
// command: applies one plan step through the engine API (src/apply/engine.ts), printing the
// engine's progress lines so the parent can time its SIGKILL into the write phase.
import { loadProject } from '../../src/config/loadProject.ts';
import { applyStep } from '../../src/apply/engine.ts';

const [dir, stepId] = process.argv.slice(2);
const project = loadProject({ project: dir, cwd: process.cwd() });
await applyStep(project, stepId!, { onProgress: (m) => process.stdout.write(`${m}\n`) });
process.stdout.write('done\n');
