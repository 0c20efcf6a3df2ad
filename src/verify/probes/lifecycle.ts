// Names that say what a message does to the lifecycle of something (a session, a battle, an
// entry): start/create/register it, or end/remove/reset it. Probes order handlers and values
// by them (synthesize.ts, variants.ts), so a pass builds state before using it and ends it last.
/**
 * Words of handler names that end, remove or reset something (a session, a battle, an entry),
 * or hold it against its subject (a violation reported, a player flagged or banned: every later
 * message about that player is refused, so those go last too), or give it away (a sold item is
 * no longer there to use).
 */
const ENDING = new Set(
  (
    'end close delete remove release logout terminate reset clear burn cancel forfeit finish sweep expire revoke withdraw unregister leave quit exit abandon surrender flee ' +
    'ban block flag report violation penalty penalize punish slash blacklist suspend sell discard destroy'
  ).split(' '),
);
const words = (name: string): string[] =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
export const isEnding = (name: string): boolean => words(name).some((w) => ENDING.has(w));
const STARTING = new Set('start open create register init begin join spawn setup new'.split(' '));
export const isStarting = (name: string): boolean => !isEnding(name) && words(name).some((w) => STARTING.has(w));
/** Words of handler names that check something about a subject (and may record the outcome against it). */
const CHECKING = new Set('validate check verify audit inspect'.split(' '));
export const isChecking = (name: string): boolean => words(name).some((w) => CHECKING.has(w));
