// The static command table (lazy imports) lists every command file with the summary the file
// declares, and the CLI parses through commander: help, help <command>, -v, did-you-mean,
// unknown flags with a clear CLI-002 (not Node's parseArgs text), exit codes 0/2.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commandTable.ts';
import { runCli } from '../helpers/runCli.ts';

const DIR = path.resolve(import.meta.dirname, '../../src/cli/commands');
const cwd = path.resolve(import.meta.dirname, '../..');

describe('command table', () => {
  it('lists every command module, each with the name and summary it declares', async () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3))
      .sort();
    expect(COMMANDS.map((c) => c.name).sort()).toEqual(files);
    for (const entry of COMMANDS) {
      const { command } = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary, entry.name).toBe(entry.summary);
    }
  });
});

describe('command line', () => {
  it('--help lists the commands; help <command> and <command> --help show its usage and options', async () => {
    const top = await runCli(['--help'], cwd);
    expect(top.code).toBe(0);
    for (const c of COMMANDS) expect(top.out).toContain(c.name);
    expect(await runCli([], cwd)).toEqual(top);
    expect(await runCli(['help'], cwd)).toEqual(top);
    const unknown = await runCli(['help', 'aply'], cwd);
    expect(unknown).toMatchObject({ code: 2, out: '' });
    expect(unknown.err).toMatch(/^CLI-001 unknown command 'aply'\n {2}hint: did you mean 'apply'\?/);
    const viaHelp = await runCli(['help', 'apply'], cwd);
    const viaFlag = await runCli(['apply', '--help'], cwd);
    expect(viaHelp).toEqual(viaFlag);
    expect(viaHelp.out).toMatch(/Usage: migrate apply <step> \| --all[\s\S]*Options:/);
    for (const flag of ['--allow-dirty', '--commit', '-q, --quiet', '--project <dir>', '--plan <name>']) expect(viaHelp.out).toContain(`  ${flag}`);
  });

  it('-v and --version print the package version', async () => {
    const version = (JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8')) as { version: string }).version;
    expect((await runCli(['-v'], cwd)).out.trim()).toBe(version);
    expect((await runCli(['--version'], cwd)).out.trim()).toBe(version);
  });

  it('suggests the command or flag meant, exit 2', async () => {
    const cmd = await runCli(['aply'], cwd);
    expect(cmd).toMatchObject({ code: 2, out: '' });
    expect(cmd.err).toBe("CLI-001 unknown command 'aply'\n  hint: did you mean 'apply'? run 'migrate --help' for the list of commands\n");
    const flag = await runCli(['apply', '--comit'], cwd);
    expect(flag.code).toBe(2);
    expect(flag.err).toBe("CLI-002 unknown option '--comit'\n  hint: did you mean '--commit'? run 'migrate help apply' for its options\n");
    const missing = await runCli(['audit', '--jobs'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^CLI-002 option '--jobs <n>' argument missing/);
    expect(missing.err).not.toMatch(/ERR_PARSE_ARGS|TypeError/);
  });
});
