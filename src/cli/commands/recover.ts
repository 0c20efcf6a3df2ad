// `migrate recover`: finishes what an interrupted apply or revert left: every file back to
// before the step (or after it, when every post-image was already written). `--sync` instead
// forgets the applied steps whose changes are gone from the work tree (git reset, checkout),
// which `status` shows as 'absent'. Exit 0.
import type { CommandSpec } from '../command.ts';
import { recover, syncJournal } from '../../engine/engine.ts';
import { projectOf } from '../commandSupport.ts';

const said: Record<string, string> = {
  none: 'nothing to recover: the journal has no interrupted step',
  'rolled-back': 'the interrupted apply was rolled back: every file is as before step',
  'rolled-forward': 'every file of the interrupted apply was already written: sealed step',
  'revert-completed': 'the interrupted revert was completed: every file is as before step',
};

export const command: CommandSpec = {
  name: 'recover',
  summary: 'Bring an interrupted apply or revert back to a whole state (before or after the step).',
  usage: [
    'Usage: migrate recover [--sync] [--json] [--project <dir>]',
    '',
    '  --sync   forget the applied steps whose changes are no longer in the files (after a',
    "           'git reset --hard' or a checkout; 'migrate status' shows them as absent)",
    'Exit codes: 0 recovered, synced or nothing to do, 2 error.',
  ].join('\n'),
  options: { sync: { type: 'boolean' } },
  async run(args, io) {
    if (args.values.sync) {
      const s = await syncJournal(projectOf(args, io));
      if (args.values.json) io.out(JSON.stringify(s));
      else if (!s.forgotten.length) io.out('the journal matches the work tree: every applied step is in the files');
      else
        io.out(
          `forgot ${s.forgotten.length} step(s) no longer in the work tree: ${s.forgotten.join(', ')}\nthey are pending again: 'migrate status', 'migrate apply <step>'`,
        );
      return 0;
    }
    const r = await recover(projectOf(args, io));
    if (args.values.json) io.out(JSON.stringify(r));
    else io.out(`${said[r.action]}${r.stepId ? ` ${r.stepId}` : ''}`);
    return 0;
  },
};
