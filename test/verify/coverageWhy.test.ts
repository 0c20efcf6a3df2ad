// Handler coverage names why a handler was never reached (issue 15): its pattern is counted as
// verify runs it (messages seen, matched) and what its text tests is read from its lines, so
// a handler waiting for a sender the probes never are, or for a tag pair no probe carries, is
// explained in the report instead of being a bare name. Both sides are instrumented alike.
import { describe, expect, it } from 'vitest';
import { whyUnreached } from '../../src/verify/coverage.ts';
import { verifyParity } from '../../src/verify/parity.ts';
import { renderParityReport } from '../../src/verify/render.ts';
import { copyFixture, editFile } from './helpers/fixtureProject.ts';

describe('why a handler was never reached', () => {
  it('never evaluated, a table pattern, a pattern that matched nothing', () => {
    expect(whyUnreached(undefined)).toBe('a table or string pattern none of the probe messages matched');
    expect(whyUnreached({ evaluated: 0, matched: 0, reads: [] })).toMatch(/^its pattern saw no probe message: aos refused them/);
    expect(whyUnreached({ evaluated: 12, matched: 0, reads: ['Action = A', 'tag Ref'] })).toBe(
      'its pattern matched none of the 12 probe message(s) it saw (it tests Action = A, tag Ref)',
    );
    // a trust check (sender against signer): relayed messages were sent, aos answered them itself
    expect(whyUnreached({ evaluated: 14, matched: 0, reads: ['msg.From', 'msg.Owner'] })).toMatch(
      /relayed messages \(From not Owner\) were sent too, and aos answered them itself/,
    );
  });

  it('verify explains the unreached handlers of a process from what their patterns saw and test', async () => {
    const project = copyFixture('mini');
    editFile(
      project,
      'src/beta/main.lua',
      'Seen = Seen or {}',
      [
        'Seen = Seen or {}',
        'ORACLE = "ORACLE_PROCESS_ID_000000000000000000000000000"',
        'Handlers.add("Oracle-Notice", function(msg)',
        '  return msg.From == ORACLE and msg.Tags.Action == "Notice"',
        'end, function(msg) Seen[#Seen + 1] = "oracle" end)',
        'Handlers.add("Paid", function(msg)',
        '  return Handlers.utils.hasMatchingTag("Action", "Credit-Notice")(msg) and Handlers.utils.hasMatchingTag("X-Action", "Pay")(msg)',
        'end, function(msg) Seen[#Seen + 1] = "paid" end)',
      ].join('\n'),
    );
    const report = await verifyParity(project, { processes: ['beta'], modes: ['monolith'] });
    expect(report.ok).toBe(true);
    const beta = report.coverage.beta!;
    expect(beta.unreached).toContain('Oracle-Notice');
    expect(beta.why['Oracle-Notice']).toMatch(
      /^its pattern matched none of the \d+ probe message\(s\) it saw \(it tests msg\.From, tag Action\); it selects on the sender/,
    );
    if (beta.unreached.includes('Paid')) expect(beta.why.Paid).toMatch(/\(it tests Action = Credit-Notice, X-Action = Pay\)$/);
    expect(renderParityReport(report, false)).toContain('      Oracle-Notice: its pattern matched none of');
  }, 120_000);
});
