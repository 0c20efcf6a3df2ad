// World scenarios: messages addressed to processes by name ("Target"); the verify world
// (src/verify/world.ts) delivers every cross-process message until the world is quiet.
// Processes learn their peers' ids from the world's spawn tags (Process-Id-<name>).
import { OWNER, trace, ash, misty, gary } from './trace-kit.mjs';

const at = (target) => ({ target });
const failAt = (target) => ({ target, error: true });

/** The owner introduces the peers that do not read spawn tags (battle, pokemon). */
function registerPeers(t) {
  for (const role of ['coordinator', 'pokemon', 'security']) {
    t.send(OWNER, 'BATTLE_COORDINATION', { op: 'REGISTER_PEER', role, processId: `\${process:${role}}` }, at('battle'));
  }
  for (const role of ['battle', 'coordinator']) {
    t.send(OWNER, 'POKEMON_COORDINATION', { op: 'REGISTER_PEER', role, processId: `\${process:${role}}` }, at('pokemon'));
  }
}

/** One player's session across all six processes. */
function playerSession() {
  const t = trace(1_700_500_000_000);
  registerPeers(t);
  t.send(ash, 'Info', undefined, at('coordinator'));
  t.send(ash, 'SESSION_START', { mode: 'classic' }, at('coordinator'));
  t.send(ash, 'CREATE_POKEMON', { speciesId: 1, level: 5, seed: 'ash-starter' }, at('pokemon'));
  t.send(ash, 'CREATE_POKEMON', { speciesId: 4, level: 5, seed: 'ash-second' }, at('pokemon'));
  t.send(ash, 'GET_PARTY', undefined, at('pokemon'));
  t.send(ash, 'GET_BALANCE', undefined, at('economy'));
  t.send(ash, 'SHOP_PURCHASE', { itemId: 'potion', quantity: 2 }, at('economy'));
  t.send(ash, 'SHOP_PURCHASE', { itemId: 'oran-berry', quantity: 1 }, at('economy'));
  t.send(ash, 'SHOP_PURCHASE', { itemId: 'basic-ball', quantity: 5 }, at('economy'));
  t.fail(ash, 'SHOP_PURCHASE', { itemId: 'ultra-ball', quantity: 20 }, failAt('economy'));
  t.send(ash, 'BATTLE_COORDINATION', { command: 'START' }, at('coordinator'));
  t.send(ash, 'BATTLE_START', { battleId: 'ash-wave-1', seed: 'ash-wave-1', wild: true,
    playerParty: [{ speciesId: 1, level: 12 }], opponentParty: [{ speciesId: 10, level: 3 }] }, at('battle'));
  // the coordinator's turn knocks the wild level-3 creature out; the player's own command comes too late
  t.send(ash, 'BATTLE_COORDINATION', { command: 'TURN', move: 1, battleId: 'ash-wave-1' }, at('coordinator'));
  t.fail(ash, 'BATTLE_COMMAND', { battleId: 'ash-wave-1', command: 'move', moveIndex: 1 }, failAt('battle'));
  t.send(ash, 'BATTLE_STATE_QUERY', { battleId: 'ash-wave-1' }, at('battle'));
  t.send(ash, 'BATTLE_COORDINATION', { command: 'FORFEIT', battleId: 'ash-wave-1' }, at('coordinator'));
  t.send(ash, 'BATTLE_COORDINATION', { command: 'STATE' }, at('coordinator'));
  t.send(ash, 'BERRY_ACTIVATE', { berryId: 'oran-berry', pokemon: { hp: 8, maxHp: 40, status: 'none' } }, at('economy'));
  t.send(ash, 'INVENTORY_USE', { itemId: 'potion', pokemon: { hp: 18, maxHp: 40, status: 'none' } }, at('economy'));
  t.send(ash, 'CAPTURE_ATTEMPT', { speciesId: 10, level: 3, ball: 'basic-ball', hpPercent: 20, seed: 'ash-catch-1' }, at('pokemon'));
  t.send(ash, 'VALIDATE_ACTION', { action: 'SHOP_PURCHASE', details: { itemId: 'potion', quantity: 1 } }, at('security'));
  t.send(ash, 'SESSION_QUERY', undefined, at('coordinator'));
  t.send(ash, 'SAVE_GAME', { slot: 1, state: { wave: 2, money: 3000, party: [{ speciesId: 1, level: 12, uid: 'a1' }] } }, at('coordinator'));
  t.send(ash, 'LOAD_GAME', { slot: 1 }, at('coordinator'));
  t.send(ash, 'INVENTORY_GET', undefined, at('economy'));
  t.send(ash, 'SESSION_END', undefined, at('coordinator'));
  return t;
}

/** A cheater: a save with impossible money is rejected by security, which ends the session. */
function cheater() {
  const t = trace(1_700_600_000_000);
  t.send(gary, 'SESSION_START', { mode: 'classic' }, at('coordinator'));
  t.send(gary, 'SAVE_GAME', { slot: 1, state: { wave: 1, money: 3000, party: [{ speciesId: 4, level: 5, uid: 'g1' }] } }, at('coordinator'));
  t.send(gary, 'SAVE_GAME', { slot: 2, state: { wave: 2, money: 900000, party: [{ speciesId: 4, level: 60, uid: 'g1' }] } }, at('coordinator'));
  t.fail(gary, 'SESSION_QUERY', undefined, failAt('coordinator'));
  t.send(OWNER, 'GET_VIOLATIONS', { playerId: gary }, at('security'));
  return t;
}

/** The operator: configuration, a health sweep over every process, a broadcast. */
function adminSweep() {
  const t = trace(1_700_700_000_000);
  registerPeers(t);
  t.send(OWNER, 'ADMIN_PROCESS_LIST', undefined, at('admin'));
  t.send(OWNER, 'ADMIN_BROADCAST', { message: 'health sweep', action: 'HEALTH_CHECK' }, at('admin'));
  t.send(OWNER, 'ADMIN_PROCESS_LIST', undefined, at('admin'));
  t.send(OWNER, 'ADMIN_SET_CONFIG', { key: 'motd', value: 'Season 2 is live' }, at('admin'));
  t.send(OWNER, 'ADMIN_BROADCAST', { message: 'Season 2 is live' }, at('admin'));
  t.send(misty, 'HEALTH_CHECK', undefined, at('economy'));
  t.send(OWNER, 'ADMIN_STATUS', undefined, at('admin'));
  return t;
}

export const builders = {
  'world/player-session': playerSession,
  'world/cheater': cheater,
  'world/admin-sweep': adminSweep,
};
