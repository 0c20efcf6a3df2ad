// Coordinator and admin traces.
import { OWNER, NAMES, pid, trace, ash, misty, brock, gary } from './trace-kit.mjs';

function coordinator() {
  const t = trace(1_700_000_000_000);
  t.send(ash, 'Info').send(ash, 'HEALTH_CHECK').send(ash, 'PROCESS_LIST');
  t.fail(ash, 'REGISTER_PROCESS', { name: 'battle', id: pid('battle') });
  t.send(OWNER, 'REGISTER_PROCESS', { processes: { battle: pid('battle'), economy: pid('economy'), security: pid('security') } });
  t.send(OWNER, 'REGISTER_PROCESS', { name: 'admin', id: pid('admin') });
  t.fail(OWNER, 'REGISTER_PROCESS', { name: 'casino', id: pid('casino') });
  t.fail(OWNER, 'REGISTER_PROCESS', {});
  t.send(ash, 'PROCESS_LIST');
  t.fail(ash, 'SESSION_QUERY');
  t.send(ash, 'SESSION_START', { mode: 'classic', difficulty: 'normal' });
  t.fail(ash, 'SESSION_START', { mode: 'classic' });
  t.send(misty, 'SESSION_START', { mode: 'endless', difficulty: 'hard' });
  t.fail(brock, 'SESSION_START', { mode: 'speedrun' });
  t.fail(brock, 'SESSION_START', { difficulty: 'nightmare' });
  t.fail(brock, 'SESSION_START', '{"mode": classic}');
  t.fail(brock, 'SESSION_START', { playerId: ash });
  t.send(OWNER, 'SESSION_START', { playerId: brock, mode: 'daily' });
  t.send(ash, 'SESSION_QUERY').send(OWNER, 'SESSION_QUERY', { playerId: misty });
  t.fail(misty, 'SESSION_QUERY', { playerId: ash });
  t.send(ash, 'BATTLE_COORDINATION', { command: 'START' });
  t.fail(ash, 'BATTLE_COORDINATION', { command: 'TURN', move: 1 });
  t.send(ash, 'BATTLE_COORDINATION', { command: 'TURN', move: 1, battleId: 'battle-ash-1' });
  t.fail(ash, 'BATTLE_COORDINATION', { command: 'TURN', move: 9, battleId: 'battle-ash-1' });
  t.send(ash, 'BATTLE_COORDINATION', { command: 'STATE' });
  t.send(ash, 'BATTLE_COORDINATION', { command: 'FORFEIT', battleId: 'battle-ash-1' });
  t.fail(ash, 'BATTLE_COORDINATION', { command: 'DANCE' });
  t.fail(ash, 'BATTLE_COORDINATION', {});
  t.fail(gary, 'BATTLE_COORDINATION', { command: 'START' });
  // answers that match no request (or come from a non-battle sender) are logged, never answered
  t.send(ash, 'BATTLE_COORDINATION-Response', { ok: true, data: { battleId: 'forged' } }, { tags: { 'Correlation-Id': 'battle-unknown' } });
  t.send(pid('battle'), 'BATTLE_COMMAND-Error', { error: true, code: 'BATTLE_NOT_FOUND' }, { tags: { 'Correlation-Id': 'battle-000000000000000000000000' } });
  t.send(pid('battle'), 'BATTLE_RESULT', { playerId: ash, winner: 'player', money: 400, battleId: 'battle-ash-1' });
  t.send(pid('battle'), 'BATTLE_RESULT', { playerId: ash, winner: 'player', money: 350 });
  t.send(pid('battle'), 'BATTLE_RESULT', { playerId: misty, winner: 'opponent', money: 0 });
  t.fail(pid('battle'), 'BATTLE_RESULT', { winner: 'player' });
  t.fail(pid('battle'), 'BATTLE_RESULT', { playerId: gary, winner: 'player' });
  t.fail(ash, 'BATTLE_RESULT', { playerId: ash, winner: 'player', money: 99999 });
  t.send(ash, 'SESSION_QUERY');
  const party = [{ speciesId: 1, level: 7, uid: 'p1' }, { speciesId: 4, level: 6, uid: 'p2' }];
  t.send(ash, 'SAVE_GAME', { slot: 1, state: { wave: 3, money: 1750, party } });
  t.send(ash, 'SAVE_GAME', { slot: 2, state: { wave: 3, money: 1750, party: party.slice(0, 1) } });
  t.fail(ash, 'SAVE_GAME', { slot: 9, state: { wave: 3, money: 1750 } });
  t.fail(ash, 'SAVE_GAME', { slot: 1, state: { wave: 0, money: 10 } });
  t.fail(ash, 'SAVE_GAME', { slot: 1, state: { wave: 2, money: -5 } });
  t.fail(ash, 'SAVE_GAME', { slot: 1, state: { wave: 2, money: 5, party: [1, 2, 3, 4, 5, 6, 7] } });
  t.fail(ash, 'SAVE_GAME', { slot: 1, state: { wave: 2, money: 5, party: [{ speciesId: -3, level: 5 }] } });
  t.fail(ash, 'SAVE_GAME', { slot: 1, state: { wave: 2, money: 5, party: ['pikachu'] } });
  t.fail(ash, 'SAVE_GAME', { slot: 1 });
  t.fail(gary, 'SAVE_GAME', { slot: 1, state: { wave: 1, money: 0 } });
  t.fail(ash, 'SAVE_GAME', 'not json at all');
  t.send(ash, 'LOAD_GAME', { slot: 1 }).send(ash, 'LOAD_GAME', { slot: '2' });
  t.fail(ash, 'LOAD_GAME', { slot: 4 });
  t.fail(ash, 'LOAD_GAME', { slot: 'first' });
  t.fail(misty, 'LOAD_GAME', { slot: 1 });
  t.send(pid('security'), 'VALIDATE_STATE-Response', { ok: true, data: { valid: true } }, { tags: { 'Correlation-Id': 'security-unknown' } });
  t.send(ash, 'HEALTH_CHECK');
  t.send(ash, 'SESSION_END');
  t.fail(ash, 'SESSION_END');
  t.send(OWNER, 'SESSION_END', { playerId: misty, reason: 'timeout' });
  t.fail(gary, 'SESSION_END', { playerId: brock });
  t.send(ash, 'SESSION_START', { mode: 'daily' });
  t.send(ash, 'RUN_HISTORY').send(ash, 'RUN_HISTORY', { limit: 1 });
  t.fail(ash, 'RUN_HISTORY', { limit: 0 });
  t.fail(ash, 'SESSION_SWEEP', { maxIdleMs: 60000 });
  t.fail(OWNER, 'SESSION_SWEEP', { maxIdleMs: 5 });
  // brock's session (started by the owner long ago in trace time) is idle: swept
  t.skip(120_000).send(ash, 'SESSION_QUERY');
  t.send(OWNER, 'SESSION_SWEEP', { maxIdleMs: 60000 });
  t.fail(brock, 'SESSION_QUERY');
  t.send(ash, 'LEADERBOARD_QUERY').send(ash, 'LEADERBOARD_QUERY', { mode: 'endless', limit: 5 });
  t.fail(ash, 'LEADERBOARD_QUERY', { mode: 'speedrun' });
  t.fail(ash, 'LEADERBOARD_QUERY', { limit: 500 });
  t.send(ash, 'ACHIEVEMENTS_GET').send(misty, 'ACHIEVEMENTS_GET', { playerId: ash });
  t.send(ash, 'DAILY_CHALLENGE').send(ash, 'DAILY_CHALLENGE', { enter: true }).send(misty, 'DAILY_CHALLENGE', { enter: true });
  t.fail(ash, 'DAILY_CHALLENGE', { enter: true });
  t.send(ash, 'DAILY_CHALLENGE', {}, { timestamp: 1_700_086_400_000 });
  t.send(ash, 'Info');
  return t;
}

function admin() {
  const t = trace(1_700_100_000_000);
  t.send(ash, 'Info').send(ash, 'HEALTH_CHECK');
  t.fail(ash, 'ADMIN_STATUS').fail(ash, 'ADMIN_PROCESS_LIST');
  t.fail(ash, 'ADMIN_SET_CONFIG', { key: 'maintenance', value: true });
  t.send(OWNER, 'ADMIN_STATUS').send(OWNER, 'ADMIN_PROCESS_LIST');
  t.send(OWNER, 'ADMIN_SET_CONFIG', { processes: Object.fromEntries(NAMES.filter((n) => n !== 'admin').map((n) => [n, pid(n)])) });
  t.send(OWNER, 'ADMIN_PROCESS_LIST');
  t.send(OWNER, 'ADMIN_SET_CONFIG', { key: 'motd', value: 'Double EXP weekend!\nHave fun.' });
  t.send(OWNER, 'ADMIN_SET_CONFIG', { config: { expMultiplier: 2, shopDiscount: 10 } });
  t.fail(OWNER, 'ADMIN_SET_CONFIG', { key: 'shopDiscount', value: 75 });
  t.fail(OWNER, 'ADMIN_SET_CONFIG', { key: 'difficulty', value: 'nightmare' });
  t.fail(OWNER, 'ADMIN_SET_CONFIG', { key: 'maintenance', value: 'yes' });
  t.fail(OWNER, 'ADMIN_SET_CONFIG', { key: 'godMode', value: true });
  t.fail(OWNER, 'ADMIN_SET_CONFIG', {});
  t.fail(OWNER, 'ADMIN_SET_CONFIG', '{"key": "motd", ');
  t.fail(OWNER, 'ADMIN_SET_CONFIG', { processes: { casino: pid('casino') } });
  t.send(OWNER, 'ADMIN_SET_CONFIG', { key: 'maintenance', value: true });
  t.send(OWNER, 'ADMIN_BROADCAST', { message: 'Maintenance in 10 minutes' });
  t.send(OWNER, 'ADMIN_BROADCAST', { message: 'Health sweep', action: 'HEALTH_CHECK' });
  t.fail(OWNER, 'ADMIN_BROADCAST', { message: 'x', action: 'SHOP_PURCHASE' });
  t.fail(OWNER, 'ADMIN_BROADCAST', {});
  t.fail(ash, 'ADMIN_BROADCAST', { message: 'I am the admin now' });
  for (const n of ['coordinator', 'battle', 'economy']) {
    t.send(pid(n), 'HEALTH_CHECK-Response', { status: 'healthy', messages: 12, errors: 0 });
  }
  t.send(pid('security'), 'HEALTH_CHECK-Response', { status: 'degraded', messages: 40, errors: 25 });
  t.send(pid('pokemon'), 'HEALTH_CHECK-Response', 'garbage');
  t.send(pid('coordinator'), 'ADMIN_STATUS');
  t.send(OWNER, 'ADMIN_PROCESS_LIST').send(OWNER, 'ADMIN_STATUS');
  t.send(OWNER, 'REGISTER_PROCESS', { name: 'pokemon', id: pid('pokemon') });
  t.fail(ash, 'REGISTER_PROCESS', { name: 'pokemon', id: ash });
  t.send(ash, 'PROCESS_LIST');
  // maintenance windows: timestamps in ms, relative to this trace's clock (1700100000000 + n s)
  t.send(OWNER, 'ADMIN_MAINTENANCE', { startsAt: 1_700_100_100_000, durationMs: 3_600_000, reason: 'database upgrade' });
  t.fail(OWNER, 'ADMIN_MAINTENANCE', { startsAt: 1_700_100_200_000, durationMs: 600_000 });
  t.send(OWNER, 'ADMIN_MAINTENANCE', { startsAt: 1_700_200_000_000, durationMs: 600_000 });
  t.fail(OWNER, 'ADMIN_MAINTENANCE', { startsAt: 1_600_000_000_000, durationMs: 600_000 });
  t.fail(OWNER, 'ADMIN_MAINTENANCE', { startsAt: 1_700_300_000_000, durationMs: 999_999_999 });
  t.fail(OWNER, 'ADMIN_MAINTENANCE', { cancel: 'mw-forged' });
  t.fail(ash, 'ADMIN_MAINTENANCE', { startsAt: 1_700_400_000_000, durationMs: 600_000 });
  t.send(OWNER, 'ADMIN_STATUS', {}, { timestamp: 1_700_100_150_000 });
  t.send(OWNER, 'ADMIN_SET_CONFIG', { key: 'maintenance', value: false });
  t.send(ash, 'HEALTH_CHECK').send(OWNER, 'Info');
  return t;
}

export const builders = { coordinator, admin };
