// Rollback proof: after the engine has reverted the plan, the monolith rebuilt from the
// sources must be byte-identical to the baseline bundles, and replaying the traces on it
// must give the baseline's answers.
import type { Project } from '../config/loadProject.ts';
import { readBaseline } from './baseline.ts';
import { sha256 } from '../hash.ts';
import { buildFor } from './bootBuilds.ts';
import { verifyParity } from './parity.ts';
import { renderParityReport } from './render.ts';

export async function verifyRollback(project: Project): Promise<{ identical: boolean; report: string }> {
  const stored = readBaseline(project);
  if (!stored) {
    return { identical: false, report: 'no baseline in .migrate/baseline: nothing to compare the rolled-back monolith with' };
  }
  const rebuilt = await buildFor(project, 'monolith');
  const lines: string[] = [];
  let bytesIdentical = true;
  for (const f of stored.index.files) {
    const now = rebuilt.files.find((x) => x.kind === 'monolith' && x.process === f.process);
    if (!now) {
      bytesIdentical = false;
      lines.push(`MISSING   ${f.process}: the rebuilt monolith has no bundle for it`);
      continue;
    }
    const h = sha256(now.content);
    const same = h === f.sha256;
    bytesIdentical &&= same;
    lines.push(
      `${same ? 'identical' : 'DIFFERENT'} ${f.process}: baseline ${f.sha256.slice(0, 12)} (${f.bytes} B), rebuilt ${h.slice(0, 12)} (${Buffer.byteLength(now.content)} B)`,
    );
  }
  for (const extra of rebuilt.files.filter((x) => x.kind === 'monolith' && !stored.index.files.some((f) => f.process === x.process))) {
    bytesIdentical = false;
    lines.push(`EXTRA     ${extra.process}: not in the baseline`);
  }
  const parity = await verifyParity(project, { modes: ['monolith'] });
  lines.push('', renderParityReport(parity));
  const identical = bytesIdentical && parity.ok;
  lines.push('', identical ? 'Rollback verified: bundles byte-identical to the baseline, traces replay identically.' : 'Rollback NOT verified.');
  return { identical, report: lines.join('\n') };
}
