// The one naming rule shared by migrate.config.json (process names), the planner (step ids embed
// process names: `36.2-federate-<name>`) and the plan schema (step ids). A process name is what
// `migrate init` derives from a file or folder name (`dataIndex`, `_market`, `micro_ucm`,
// `ant_v2`), so step ids accept the same characters: keeping one rule here is what guarantees
// every name init can write is plannable.
import { z } from 'zod';

/** Letters, digits, "_" and "-"; not starting with "-" (it would read as a flag on the command line). */
export const PROCESS_NAME_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
export const PROCESS_NAME_RULE = 'letters, digits, "_" or "-" (not starting with "-")';

/** A step id: a process name's characters plus "." (story numbers such as `36.2-...`). */
export const STEP_ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
export const STEP_ID_RULE = 'letters, digits, "_", "-" and "." (not starting with "-" or ".")';

export const processNameSchema = z.string().regex(PROCESS_NAME_PATTERN, PROCESS_NAME_RULE);
export const stepIdSchema = z.string().regex(STEP_ID_PATTERN, STEP_ID_RULE);

/** A process name made from any text (a file or folder name): other characters become "-". */
export function toProcessName(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'process';
}
