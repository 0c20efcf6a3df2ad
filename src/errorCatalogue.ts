// Every error code the toolkit raises, in one place: what it means and what to do about it.
// `MigrateError` takes only codes listed here (the type checker enforces it), and uses the
// catalogue's hint when the throw site has no more specific one. docs/errors.md is checked
// against this table by test/architecture/errorCatalogue.test.ts.

export interface ErrorInfo {
  /** What went wrong, in one sentence. */
  readonly meaning: string;
  /** What to do about it, when the throw site does not say something more specific. */
  readonly hint?: string;
}

const catalogue = {
  // config and project discovery
  'CFG-001': { meaning: 'No migrate.config.json where the command looked.', hint: "run 'migrate init' in the project folder" },
  'CFG-002': { meaning: 'migrate.config.json is not valid JSON.', hint: 'fix the JSON syntax (a trailing comma or a missing quote is the usual cause)' },
  'CFG-003': {
    meaning: 'migrate.config.json has fields of the wrong shape; one line per field.',
    hint: 'see the README section "The config file" for every field',
  },
  'CFG-010': { meaning: 'init was given a path that is not a folder.', hint: "give 'migrate init' the project folder" },
  'CFG-011': { meaning: 'init would overwrite an existing migrate.config.json.', hint: "use 'migrate init --force' to write it again" },
  'CFG-012': { meaning: 'init found no Lua file in the folder.' },
  'CFG-013': { meaning: 'init found no entry: no file registers Handlers without being required by another.' },
  'CFG-014': { meaning: 'The config init detected does not validate.' },
  'CFG-015': { meaning: 'The folder given to --project does not exist.' },
  'CFG-016': { meaning: '--project names a file; it takes the project folder.' },
  // parsing and text edits
  'PARSE-001': { meaning: 'A Lua file does not parse.', hint: 'fix the syntax error at the location shown (lua5.3 -p <file> shows the same)' },
  'PARSE-002': { meaning: 'A text edit lies outside the text or overlaps another edit (a transform bug).' },
  // plans, the transform registry and transforms' preconditions
  'PLAN-001': { meaning: 'No plan file (of that name) in migration-plans/.', hint: "run 'migrate plan' first" },
  'PLAN-002': { meaning: 'The plan file is not valid JSON or YAML.', hint: "fix the syntax, or run 'migrate plan' to write it again" },
  'PLAN-003': { meaning: 'The plan file has fields of the wrong shape, or steps in an impossible order.' },
  'PLAN-010': {
    meaning: 'A decision step nobody has taken yet was reached.',
    hint: "take it with 'migrate decide <step> <option>' or 'migrate decide --all keep-apart'",
  },
  'PLAN-011': { meaning: 'A decision step names no transform to run the chosen option with.' },
  'PLAN-020': { meaning: 'Two transforms share one id.' },
  'PLAN-021': { meaning: 'A plan step names a transform that does not exist.' },
  'PLAN-030': { meaning: 'A plan step gives a transform params of the wrong shape.' },
  'PLAN-201': { meaning: 'runtime.dir does not match sourceRoot and runtime.namespace.' },
  'PLAN-202': { meaning: 'The module to move is already a runtime module.' },
  'PLAN-203': { meaning: 'A module cannot move: its destination already exists.' },
  'PLAN-204': { meaning: 'A step names a process the config does not have.' },
  'PLAN-205': { meaning: "A process's entry file is missing." },
  'PLAN-206': { meaning: 'The inverse of lua/specialise-process was called without the moved module list.' },
  'PLAN-207': { meaning: 'A file planned as an exact copy is no longer one.', hint: "run 'migrate plan' again" },
  'PLAN-208': { meaning: "A module cannot move into a process's folder: the destination exists." },
  'PLAN-209': { meaning: 'A file to move is not loaded by the module name the plan gives it.', hint: "run 'migrate plan' again" },
  'PLAN-210': { meaning: 'A planned inline block lies outside its file.', hint: "run 'migrate plan' again" },
  'PLAN-211': { meaning: 'A planned inline block is not made of whole top-level statements.' },
  'PLAN-212': { meaning: 'A planned inline block uses something that cannot move into a module (varargs, goto, return).' },
  'PLAN-213': { meaning: 'A file of an inline-duplicate step does not exist.', hint: "run 'migrate plan' again" },
  'PLAN-214': { meaning: 'The blocks of an inline-duplicate step are no longer identical.', hint: "run 'migrate plan' again" },
  'PLAN-215': { meaning: 'An inline block defines no file local, so nothing could be imported back.' },
  'PLAN-216': { meaning: 'The inverse of lua/extract-inline-duplicate found a module it did not write.' },
  'PLAN-217': { meaning: 'A planned inline block is no longer in its file.', hint: "run 'migrate plan' again" },
  'PLAN-220': { meaning: 'A file of a function-clone step does not exist.', hint: "run 'migrate plan' again" },
  'PLAN-221': { meaning: 'A function-clone step names a top-level function that is not there.', hint: "run 'migrate plan' again" },
  'PLAN-222': { meaning: 'A cloned function uses file locals, so it cannot move into a module.' },
  'PLAN-223': {
    meaning: 'The copies of a function-clone step differ and the step does not accept differences (only a decision step merges near clones).',
    hint: "run 'migrate plan' again; near clones are offered as decisions (migrate decide)",
  },
  'PLAN-224': { meaning: 'A cloned function refers to itself by a name that would not survive the move.' },
  'PLAN-225': { meaning: 'The inverse of lua/extract-function-clone found a module it did not write.' },
  'PLAN-226': { meaning: 'The federation loader module file exists with other contents than the toolkit writes, so it is not overwritten.' },
  'PLAN-227': {
    meaning: 'A function-clone step accepts differing copies but does not hold the own text of one, so its inverse could not restore it.',
    hint: "run 'migrate plan' again",
  },
  'PLAN-228': { meaning: 'A site of a function-clone step no longer has the text the plan recorded for it.', hint: "run 'migrate plan' again" },
  'PLAN-230': {
    meaning: 'A module name held in a field form (package.loaded.x) cannot follow a move to a dotted name.',
    hint: 'write it as package.loaded["x"], or keep the module apart',
  },
  'PLAN-231': { meaning: 'A string names an alias or a merged copy of a moved module, so the inverse could not tell which name it had.' },
  // the staged tree
  'STAGE-001': { meaning: 'A path leaves the project.' },
  // the engine: apply, revert, recover, git
  'APPLY-001': { meaning: 'The plan has no step with that id.', hint: "'migrate status' lists the step ids" },
  'APPLY-002': { meaning: 'The step is already applied.' },
  'APPLY-003': { meaning: 'The step depends on a step that is not applied yet.' },
  'APPLY-010': { meaning: 'A transform failed while computing its changes.' },
  'APPLY-020': { meaning: 'Files the step reads changed since the plan was made.', hint: "run 'migrate plan' again, or put the files back" },
  'APPLY-021': { meaning: 'Files changed since the dry run that was saved.', hint: "run 'migrate dry-run <step> --save' again" },
  'APPLY-022': { meaning: 'The step would now change something other than the saved dry run.', hint: "run 'migrate dry-run <step> --save' again" },
  'APPLY-030': { meaning: 'The step would change read-only files.', hint: 'make them writable (chmod u+w) and apply again' },
  'APPLY-031': { meaning: 'The step would change a file matched by the config exclude globs (build output, vendored code, tests).' },
  'APPLY-032': { meaning: 'After the step a process would no longer resolve (an unresolved require or a missing entry); nothing was written.' },
  'APPLY-040': { meaning: 'Writing a step failed; the step was rolled back from the journal.' },
  'APPLY-050': { meaning: 'The step to revert is not applied.' },
  'APPLY-051': { meaning: 'Files changed since the step was applied, so it cannot be reverted exactly.' },
  'APPLY-052': { meaning: 'A revert left files that do not match their pre-images.' },
  'APPLY-053': {
    meaning: "The step's changes are gone from the work tree (a git reset or checkout), so it cannot be reverted.",
    hint: "run 'migrate recover --sync' to mark such steps pending again",
  },
  'APPLY-060': { meaning: '--commit needs git, which is not on PATH.' },
  'APPLY-061': { meaning: '--commit: the project is not inside a git repository.' },
  'APPLY-062': { meaning: '--commit: the work tree has uncommitted changes.', hint: 'commit or stash them, or pass --allow-dirty' },
  'APPLY-063': { meaning: '--commit: a git command failed.' },
  'APPLY-064': { meaning: '--commit on a detached HEAD.', hint: "switch to a branch first, e.g. 'git switch -c migrate'" },
  'JOURNAL-001': { meaning: 'The journal (.migrate/) is corrupt.' },
  'JOURNAL-002': { meaning: 'A stored file image is missing or damaged.' },
  'JOURNAL-003': { meaning: 'An apply or revert was interrupted.', hint: "run 'migrate recover'" },
  'JOURNAL-004': { meaning: 'recover could not restore every file.' },
  'JOURNAL-005': { meaning: 'Another migrate command holds the project lock.' },
  // builds
  'BUNDLE-001': { meaning: 'A file of a closure does not parse, so it cannot be bundled.' },
  'BUNDLE-002': { meaning: 'A require in a closure does not resolve.', hint: 'add the module, or declare it in the config as a builtin or an external' },
  'BUNDLE-003': { meaning: 'The runtime manifest is not valid JSON.' },
  'BUNDLE-004': { meaning: 'A runtime module requires a process module.' },
  'BUNDLE-005': { meaning: "A runtime module's bytes do not match its manifest hash." },
  'BUNDLE-006': { meaning: "A process's entry file is missing." },
  'BUNDLE-007': { meaning: 'No process of that name.' },
  'BUNDLE-010': { meaning: 'Unknown build mode.', hint: 'use monolith, federated or hybrid' },
  // verification on aos
  'VERIFY-001': { meaning: 'A trace line is not valid JSON or not a message.' },
  'VERIFY-002': { meaning: 'A trace file cannot be read.' },
  'VERIFY-003': { meaning: 'No process of that name.' },
  'VERIFY-010': { meaning: 'aos could not list its globals for the state snapshot.' },
  'VERIFY-011': { meaning: 'The state snapshot failed inside aos.' },
  'VERIFY-021': { meaning: 'A build lacks a file verification needs.' },
  'VERIFY-022': { meaning: 'A build failed to boot on aos.' },
  'VERIFY-030': { meaning: 'The baseline index is not valid JSON.' },
  'VERIFY-031': { meaning: 'A baseline bundle is missing or corrupted.' },
  'VERIFY-032': {
    meaning: "The stored run of the project's own tests (.migrate/baseline/own-tests.json) is unreadable.",
    hint: 'delete it and run the baseline again before the first step',
  },
  'VERIFY-040': { meaning: 'The world of processes did not become quiet (a message loop?).' },
  'VERIFY-041': { meaning: 'A world trace message has no target process.' },
  'VERIFY-050': { meaning: 'No process has messages to benchmark with.' },
  'VERIFY-060': { meaning: 'A fault needs the runtime in a build that has none.' },
  'VERIFY-061': { meaning: 'Handler coverage could not be instrumented or read inside aos.', hint: 'the process may have replaced Handlers' },
  'VERIFY-062': { meaning: 'Probe discovery could not read the handler list inside aos.', hint: 'the process may have replaced Handlers or json' },
  // the TypeScript side
  'TS-001': { meaning: 'TypeScript text edits overlap or lie outside the text (a transform bug).' },
  'TS-002': { meaning: 'A TypeScript file does not parse.' },
  'TS-003': { meaning: 'The tsconfig of the client is missing.' },
  'TS-004': { meaning: 'migrate.config.json has no "client" block.' },
  'TS-005': { meaning: 'A client entry file is missing.' },
  'TS-010': { meaning: 'A helper file of a TS step is missing.', hint: "run 'migrate plan' again" },
  'TS-011': { meaning: 'A helper copy differs from the others; only identical copies are merged.' },
  'TS-012': { meaning: 'A runtime module does not export the helper a step expects.' },
  'TS-020': { meaning: 'esbuild could not bundle the client for the audit.' },
  // the command line
  INTERNAL: {
    meaning: 'An unexpected failure inside the toolkit: a bug (the message carries the stack).',
    hint: 'this is a bug in migrate: please report it with the command line',
  },
  'CLI-001': { meaning: 'No command of that name.', hint: "run 'migrate --help' for the list of commands" },
  'CLI-002': { meaning: 'An option the command does not know, or one without its value.', hint: "run 'migrate <command> --help'" },
  'CLI-003': { meaning: '--example and --project name two different projects.', hint: 'give one of them' },
  'CLI-010': { meaning: 'An option or subcommand has a value the command does not take.' },
  'CLI-020': { meaning: 'The audit reports could not be written.' },
  'CLI-030': { meaning: 'dry-run needs a step id or --all.' },
  'CLI-031': { meaning: 'apply needs exactly one step id, or --all.' },
  'CLI-032': { meaning: 'revert needs one step id or --to <step>.' },
  'CLI-033': { meaning: 'rollback needs --yes.' },
  'CLI-034': { meaning: 'next-step is interactive and needs a terminal.', hint: "use 'migrate apply <step>' in scripts" },
  'CLI-040': { meaning: 'decide --all needs an option id.', hint: "e.g. 'migrate decide --all keep-apart'" },
  'CLI-041': { meaning: 'The decision has no such option.' },
  'CLI-042': { meaning: 'The step is not a decision.' },
} as const satisfies Record<string, ErrorInfo>;

export type ErrorCode = keyof typeof catalogue;

export const ERROR_CATALOGUE: Readonly<Record<ErrorCode, ErrorInfo>> = catalogue;

/**
 * Codes the federation loader raises inside aos (src/bundle/lua/federation.lua): listed here so
 * the documentation has one source, never thrown from TypeScript.
 */
export const LOADER_ERROR_CATALOGUE: Readonly<Record<string, ErrorInfo>> = {
  'FED-001': { meaning: 'A runtime module is missing (federated mode).' },
  'FED-002': { meaning: "A runtime module's version does not satisfy the required range." },
  'FED-003': { meaning: 'A module raised an error while loading (its error and traceback follow).' },
  'FED-004': { meaning: 'A require cycle among federated modules.' },
  'FED-005': { meaning: "Module code does not match its manifest's sha256." },
  'FED-006': { meaning: 'A process module and a runtime module share a name.' },
  'FED-007': { meaning: 'A runtime update of another major version, or an older one, was refused.' },
  'FED-008': { meaning: 'Unknown federation mode (also raised by the TypeScript client loader).' },
  'FED-009': { meaning: 'Module code came from a sender other than the configured registry.' },
};

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(catalogue, code);
