// Battle and pokemon traces, written against part A's message formats (docs/messages-a.md).
// Battles are seeded, so every damage roll and outcome replays exactly.
import { OWNER, pid, trace, ash, misty, brock } from './trace-kit.mjs';

function battle() {
  const t = trace(1_700_800_000_000);
  t.send(ash, 'Info').send(ash, 'HEALTH_CHECK');
  for (const role of ['coordinator', 'pokemon']) {
    t.send(OWNER, 'BATTLE_COORDINATION', { op: 'REGISTER_PEER', role, processId: pid(role) });
  }
  t.fail(ash, 'BATTLE_COORDINATION', { op: 'REGISTER_PEER', role: 'coordinator', processId: ash });
  t.fail(OWNER, 'BATTLE_COORDINATION', { op: 'REGISTER_PEER', role: 'casino', processId: pid('casino') });
  t.fail(OWNER, 'BATTLE_COORDINATION', { op: 'REGISTER_PEER', role: 'pokemon' });
  t.send(pid('coordinator'), 'BATTLE_COORDINATION', { op: 'PREPARE', sessionId: 'session-ash-1', playerId: ash });
  t.send(pid('coordinator'), 'BATTLE_COORDINATION', { op: 'PREPARE', sessionId: 'session-ash-1', playerId: ash });
  t.fail(pid('coordinator'), 'BATTLE_COORDINATION', { op: 'PREPARE' });
  t.fail(ash, 'BATTLE_COORDINATION', { op: 'PREPARE', sessionId: 'mine' });
  t.send(pid('pokemon'), 'BATTLE_COORDINATION', { op: 'STATUS' });
  t.send(pid('pokemon'), 'BATTLE_COORDINATION', {}, { tags: { Operation: 'STATUS' } });
  t.fail(pid('pokemon'), 'BATTLE_COORDINATION', { op: 'ACK' }, { tags: { 'Correlation-Id': 'battle-end-unknown' } });
  t.fail(pid('pokemon'), 'BATTLE_COORDINATION', { op: 'DANCE' });
  t.fail(pid('pokemon'), 'BATTLE_COORDINATION', '{op: STATUS}');

  // a wild battle over several turns
  const wild1 = { battleId: 'ash-wild-1', seed: 'ash-wild-1', wild: true,
    playerParty: [{ speciesId: 1, level: 14 }, { speciesId: 4, level: 12 }], opponentParty: [{ speciesId: 7, level: 13 }] };
  t.send(ash, 'BATTLE_START', wild1);
  t.fail(ash, 'BATTLE_START', wild1);
  t.fail(ash, 'BATTLE_START', { battleId: 'x1', playerParty: [{ speciesId: 1, level: 5 }] });
  t.fail(ash, 'BATTLE_START', { battleId: 'x2', playerParty: [], opponentParty: [{ speciesId: 1, level: 5 }] });
  t.fail(ash, 'BATTLE_START', { battleId: 'x3', playerParty: [{ speciesId: 9999, level: 5 }], opponentParty: [{ speciesId: 1, level: 5 }] });
  t.fail(ash, 'BATTLE_START', { battleId: 'x4', playerParty: [{ speciesId: 1, level: 0 }], opponentParty: [{ speciesId: 1, level: 5 }] });
  t.fail(ash, 'BATTLE_START', { battleId: 'x5', playerParty: [1, 2, 3, 4, 5, 6, 7].map((i) => ({ speciesId: i, level: 5 })), opponentParty: [{ speciesId: 1, level: 5 }] });
  t.fail(ash, 'BATTLE_START', { battleId: 'x6', playerParty: [{ speciesId: 1, level: 5, nature: 'sneaky' }], opponentParty: [{ speciesId: 1, level: 5 }] });
  t.fail(ash, 'BATTLE_START', '{"playerParty": [');
  t.send(ash, 'BATTLE_STATE_QUERY', { battleId: 'ash-wild-1' });
  t.send(ash, 'BATTLE_PREVIEW', { battleId: 'ash-wild-1' });
  t.fail(ash, 'BATTLE_PREVIEW', { battleId: 'nope' });
  t.send(ash, 'BATTLE_COMMAND', { battleId: 'ash-wild-1', command: 'move', moveIndex: 1 });
  t.send(ash, 'BATTLE_COMMAND', { battleId: 'ash-wild-1', command: 'switch', switchTo: 2 });
  t.fail(ash, 'BATTLE_COMMAND', { battleId: 'ash-wild-1', command: 'switch', switchTo: 2 });
  t.fail(ash, 'BATTLE_COMMAND', { battleId: 'ash-wild-1', command: 'move', moveIndex: 9 });
  t.fail(misty, 'BATTLE_COMMAND', { battleId: 'ash-wild-1', command: 'move', moveIndex: 1 });
  t.fail(ash, 'BATTLE_COMMAND', { battleId: 'nope', command: 'move', moveIndex: 1 });
  t.fail(ash, 'BATTLE_COMMAND', { battleId: 'ash-wild-1', command: 'dance' });
  t.send(ash, 'BATTLE_COMMAND', { battleId: 'ash-wild-1', moveIndex: 1 }, { tags: { Command: 'move' } });
  for (let turn = 0; turn < 2; turn++) t.send(ash, 'BATTLE_COMMAND', { battleId: 'ash-wild-1', command: 'move', moveIndex: 1 + (turn % 2) });
  // the wild creature wins on turn 5: later commands are refused
  t.fail(ash, 'BATTLE_COMMAND', { battleId: 'ash-wild-1', command: 'move', moveIndex: 1 });
  t.fail(ash, 'BATTLE_PREVIEW', { battleId: 'ash-wild-1' });
  t.send(ash, 'BATTLE_HISTORY', { battleId: 'ash-wild-1' });
  t.send(ash, 'BATTLE_HISTORY', { battleId: 'ash-wild-1', fromTurn: 2, toTurn: 3 });
  t.fail(ash, 'BATTLE_HISTORY', { battleId: 'ash-wild-1', fromTurn: 4, toTurn: 2 });
  t.fail(ash, 'BATTLE_HISTORY', { battleId: 'nope' });
  t.send(ash, 'BATTLE_STATE_QUERY', { battleId: 'ash-wild-1', logEntries: 5 });
  t.send(ash, 'BATTLE_STATE_QUERY', {}).send(ash, 'BATTLE_STATE_QUERY', { status: 'active' });
  t.fail(ash, 'BATTLE_STATE_QUERY', { battleId: 'nope' });

  // a trainer battle with items: no capture, no fleeing
  const trainer = { battleId: 'misty-trainer-1', seed: 'misty-trainer-1', inventory: { potion: 2, 'basic-ball': 1 },
    playerParty: [{ speciesId: 10, level: 16 }], opponentParty: [{ speciesId: 20, level: 14 }, { speciesId: 21, level: 15 }] };
  t.send(misty, 'BATTLE_START', trainer);
  t.send(misty, 'BATTLE_COMMAND', { battleId: 'misty-trainer-1', command: 'move', moveIndex: 1 });
  t.send(misty, 'BATTLE_COMMAND', { battleId: 'misty-trainer-1', command: 'item', itemId: 'potion', targetSlot: 1 });
  t.fail(misty, 'BATTLE_COMMAND', { battleId: 'misty-trainer-1', command: 'item', itemId: 'basic-ball' });
  t.fail(misty, 'BATTLE_COMMAND', { battleId: 'misty-trainer-1', command: 'item', itemId: 'ultra-ball' });
  t.fail(misty, 'BATTLE_COMMAND', { battleId: 'misty-trainer-1', command: 'flee' });
  t.send(misty, 'BATTLE_COMMAND', { battleId: 'misty-trainer-1', command: 'move', moveIndex: 1 });
  t.fail(misty, 'BATTLE_COMMAND', { battleId: 'misty-trainer-1', command: 'move', moveIndex: 1 });
  t.send(misty, 'BATTLE_END', { battleId: 'misty-trainer-1' });
  t.fail(misty, 'BATTLE_END', { battleId: 'misty-trainer-1' });
  t.fail(ash, 'BATTLE_END', { battleId: 'ash-wild-1-none' });

  // a wild capture and a flight
  t.send(brock, 'BATTLE_START', { battleId: 'brock-wild-1', seed: 'brock-wild-1', wild: true, inventory: { 'great-ball': 3 },
    playerParty: [{ speciesId: 30, level: 20 }], opponentParty: [{ speciesId: 31, level: 4, currentHp: 3 }] });
  t.send(brock, 'BATTLE_COMMAND', { battleId: 'brock-wild-1', command: 'item', itemId: 'great-ball' });
  t.send(brock, 'BATTLE_START', { battleId: 'brock-wild-2', seed: 'brock-wild-2', wild: true,
    playerParty: [{ speciesId: 30, level: 20 }], opponentParty: [{ speciesId: 32, level: 5 }] });
  t.send(brock, 'BATTLE_COMMAND', { battleId: 'brock-wild-2', command: 'flee' });
  t.send(pid('coordinator'), 'BATTLE_END', { battleId: 'brock-wild-1' });
  t.fail(misty, 'BATTLE_END', { battleId: 'ash-wild-1' });
  t.send(ash, 'BATTLE_END', { battleId: 'ash-wild-1' });

  // encounters drawn from a biome and a trainer class (wave 10 is the biome boss)
  t.send(misty, 'BATTLE_START', { battleId: 'misty-meadow-3', seed: 'misty-meadow-3', biome: 'verdant-meadow', wave: 3,
    playerParty: [{ speciesId: 10, level: 12 }] });
  t.send(misty, 'BATTLE_START', { battleId: 'misty-boss-10', seed: 'misty-boss-10', biome: 'coral-reef', wave: 10,
    playerParty: [{ speciesId: 10, level: 15 }] });
  t.send(misty, 'BATTLE_START', { battleId: 'misty-hiker-1', seed: 'misty-hiker-1', trainer: 'hiker', wave: 4,
    playerParty: [{ speciesId: 10, level: 12 }] });
  t.fail(misty, 'BATTLE_START', { battleId: 'misty-x1', biome: 'moon-base', playerParty: [{ speciesId: 10, level: 12 }] });
  t.fail(misty, 'BATTLE_START', { battleId: 'misty-x2', trainer: 'pirate', playerParty: [{ speciesId: 10, level: 12 }] });
  t.fail(misty, 'BATTLE_START', { battleId: 'misty-x3', biome: 'coral-reef', wave: -2, playerParty: [{ speciesId: 10, level: 12 }] });
  t.send(misty, 'BATTLE_PREVIEW', { battleId: 'misty-meadow-3' });

  // replays: a stored battle, and one rebuilt from its start and commands
  t.send(ash, 'BATTLE_REPLAY', { battleId: 'ash-wild-1' });
  t.send(ash, 'BATTLE_REPLAY', { battleId: 'misty-trainer-1', includeState: true });
  t.send(ash, 'BATTLE_REPLAY', { start: { ...wild1, battleId: 'replay-1' }, commands: [
    { command: 'move', moveIndex: 1 }, { command: 'move', moveIndex: 2 }] });
  t.fail(ash, 'BATTLE_REPLAY', { commands: [] });
  t.fail(ash, 'BATTLE_REPLAY', { battleId: 'nope' });
  t.fail(ash, 'BATTLE_REPLAY', { start: { ...wild1, battleId: 'replay-2' }, commands: 'move' });
  t.send(ash, 'HEALTH_CHECK');
  return t;
}

function pokemon() {
  const t = trace(1_700_900_000_000);
  t.send(ash, 'Info').send(ash, 'HEALTH_CHECK');
  t.send(OWNER, 'POKEMON_COORDINATION', { op: 'REGISTER_PEER', role: 'battle', processId: pid('battle') });
  t.send(OWNER, 'POKEMON_COORDINATION', { op: 'REGISTER_PEER', role: 'economy', processId: pid('economy') });
  t.fail(ash, 'POKEMON_COORDINATION', { op: 'REGISTER_PEER', role: 'battle', processId: ash });
  t.fail(OWNER, 'POKEMON_COORDINATION', { op: 'REGISTER_PEER', role: 'casino', processId: pid('casino') });
  t.send(pid('battle'), 'POKEMON_COORDINATION', { op: 'STATUS' });
  t.fail(pid('battle'), 'POKEMON_COORDINATION', { op: 'DANCE' });

  t.send(ash, 'CREATE_POKEMON', { speciesId: 1, level: 22, seed: 'ash-1' });
  t.send(ash, 'CREATE_POKEMON', { speciesId: 12, level: 15, seed: 'ash-2', nature: 'adamant' });
  t.send(ash, 'CREATE_POKEMON', { speciesId: 4, level: 8, seed: 'ash-3', heldItem: 'oran-berry' });
  t.send(misty, 'CREATE_POKEMON', { speciesId: 7, level: 10, seed: 'misty-1' });
  t.fail(ash, 'CREATE_POKEMON', { speciesId: 9999 });
  t.fail(ash, 'CREATE_POKEMON', { speciesId: 'pikachu' });
  t.fail(ash, 'CREATE_POKEMON', { speciesId: 1, level: 101 });
  t.fail(ash, 'CREATE_POKEMON', { speciesId: 1, nature: 'sneaky' });
  t.fail(ash, 'CREATE_POKEMON', { speciesId: 1, heldItem: 'golden-apple' });
  t.fail(ash, 'CREATE_POKEMON', '{"speciesId": 1');
  t.send(ash, 'GET_POKEMON', { uid: 'pkm-000001' });
  t.send(misty, 'GET_POKEMON', {}, { tags: { Uid: 'pkm-000004' } });
  t.fail(ash, 'GET_POKEMON', { uid: 'pkm-999999' });
  t.send(ash, 'GET_PARTY').send(brock, 'GET_PARTY', { playerId: misty });
  t.send(ash, 'PARTY_SWAP', { from: 1, to: 3 });
  t.fail(ash, 'PARTY_SWAP', { from: 2, to: 2 });
  t.fail(ash, 'PARTY_SWAP', { from: 1, to: 9 });
  t.send(ash, 'PARTY_SWAP', { from: 3, to: 1 });

  // experience from the battle process levels species 1 past 23; then it evolves by level
  t.send(pid('battle'), 'GAIN_EXPERIENCE', { uid: 'pkm-000001', amount: 3000 });
  t.fail(ash, 'GAIN_EXPERIENCE', { uid: 'pkm-000001', amount: 100000 });
  t.fail(pid('battle'), 'GAIN_EXPERIENCE', { uid: 'pkm-000001', amount: -5 });
  t.fail(pid('battle'), 'GAIN_EXPERIENCE', { uid: 'pkm-999999', amount: 5 });
  t.send(pid('battle'), 'GAIN_EXPERIENCE', { playerId: ash, battleId: 'b-1', rewards: [{ slot: 2, amount: 250 }, { slot: 3, amount: 250 }] });
  t.send(ash, 'GET_POKEMON', { uid: 'pkm-000001' });
  t.send(ash, 'EVOLVE', { uid: 'pkm-000001' });
  t.fail(misty, 'EVOLVE', { uid: 'pkm-000002' });
  t.fail(ash, 'EVOLVE', { uid: 'pkm-000003' });
  t.fail(ash, 'EVOLVE', { uid: 'pkm-000002' });
  t.fail(ash, 'EVOLVE', { uid: 'pkm-000002', item: 'fire-stone' });
  t.send(ash, 'EVOLVE', { uid: 'pkm-000002', item: 'normal-stone' });
  t.fail(ash, 'EVOLVE', { uid: 'pkm-999999' });

  t.send(ash, 'CAPTURE_ATTEMPT', { speciesId: 20, level: 5, ball: 'great-ball', hpPercent: 10, status: 'sleep', seed: 'cap-1' });
  t.send(ash, 'CAPTURE_ATTEMPT', { speciesId: 21, level: 30, hpPercent: 100, seed: 'cap-2' });
  t.send(ash, 'CAPTURE_ATTEMPT', { speciesId: 22, level: 10, ball: 'master-ball', seed: 'cap-3' });
  t.fail(ash, 'CAPTURE_ATTEMPT', { speciesId: 22, ball: 'potion' });
  t.fail(ash, 'CAPTURE_ATTEMPT', { speciesId: 22, hpPercent: 0 });
  t.fail(ash, 'CAPTURE_ATTEMPT', { speciesId: 22, status: 'cursed' });
  t.fail(ash, 'CAPTURE_ATTEMPT', { speciesId: 9999 });

  // pkm-000001 is species 2 at level 23 now: move 15 is in its learnset (level 1), 95 only at 33
  t.send(ash, 'LEARN_MOVE', { uid: 'pkm-000001', moveId: 15, replaceIndex: 1 });
  t.fail(ash, 'LEARN_MOVE', { uid: 'pkm-000001', moveId: 15, replaceIndex: 2 });
  t.fail(ash, 'LEARN_MOVE', { uid: 'pkm-000001', moveId: 95, replaceIndex: 2 });
  t.fail(ash, 'LEARN_MOVE', { uid: 'pkm-000001', moveId: 9999 });
  t.fail(ash, 'LEARN_MOVE', { uid: 'pkm-000001', moveId: 400 });
  t.fail(misty, 'LEARN_MOVE', { uid: 'pkm-000001', moveId: 15 });
  t.send(pid('economy'), 'SET_HELD_ITEM', { playerId: ash, uid: 'pkm-000001', itemId: 'sitrus-berry' });
  t.send(pid('economy'), 'USE_ITEM', { playerId: ash, uid: 'pkm-000003', itemId: 'rare-candy' });
  t.fail(ash, 'USE_ITEM', { playerId: ash, uid: 'pkm-000003', itemId: 'rare-candy' });
  t.fail(pid('economy'), 'USE_ITEM', { playerId: ash, uid: 'pkm-000004', itemId: 'rare-candy' });

  t.send(ash, 'BOX_DEPOSIT', { slot: 3 });
  t.send(ash, 'BOX_WITHDRAW', { boxIndex: 1 });
  t.fail(ash, 'BOX_WITHDRAW', { boxIndex: 4 });
  t.send(ash, 'BOX_DEPOSIT', { slot: 4 });
  t.send(ash, 'GET_POKEDEX');
  t.send(ash, 'PARTY_RELEASE', { slot: 2 });
  t.fail(misty, 'PARTY_RELEASE', { slot: 1 });
  t.fail(ash, 'PARTY_RELEASE', { slot: 9 });
  t.send(ash, 'GET_PARTY');

  // nicknames, stats, learnable moves, healing
  t.send(ash, 'RENAME', { uid: 'pkm-000001', nickname: "Scaly" });
  t.fail(ash, 'RENAME', { uid: 'pkm-000001', nickname: 'x'.repeat(30) });
  t.fail(misty, 'RENAME', { uid: 'pkm-000001', nickname: 'Mine' });
  t.send(ash, 'GET_STATS', { uid: 'pkm-000001' }).send(ash, 'GET_LEARNABLE', { uid: 'pkm-000001' });
  t.fail(ash, 'GET_STATS', { uid: 'pkm-999999' });
  t.fail(misty, 'GET_LEARNABLE', { uid: 'pkm-000001' });
  t.send(ash, 'HEAL_PARTY');
  t.fail(ash, 'HEAL_PARTY');
  t.skip(60_000).send(ash, 'HEAL_PARTY');

  // save records: export, validate, import (owner only)
  t.send(ash, 'EXPORT_PARTY');
  t.fail(misty, 'EXPORT_PARTY', { playerId: ash });
  const record = { speciesId: 7, level: 10, exp: 1000, nature: 'hardy', ability: 'iron-will', heldItem: 'none',
    ivs: { hp: 10, attack: 10, defense: 10, spAttack: 10, spDefense: 10, speed: 10 },
    evs: { hp: 0, attack: 0, defense: 0, spAttack: 0, spDefense: 0, speed: 0 }, moves: [4, 22, 75], nickname: 'Imported', currentHp: 30, status: 'none' };
  t.send(misty, 'VALIDATE_POKEMON', { pokemon: record });
  t.send(misty, 'VALIDATE_POKEMON', { pokemon: { ...record, level: 250 } });
  t.send(OWNER, 'IMPORT_POKEMON', { playerId: brock, pokemon: [record] });
  t.fail(OWNER, 'IMPORT_POKEMON', { playerId: brock, pokemon: [] });
  t.fail(brock, 'IMPORT_POKEMON', { playerId: brock, pokemon: [record] });

  // trades between players (misty needs a second healthy member to give one away)
  t.send(misty, 'CREATE_POKEMON', { speciesId: 8, level: 6, seed: 'misty-2' });
  t.send(ash, 'TRADE_OFFER', { to: misty, uid: 'pkm-000003' });
  t.fail(ash, 'TRADE_OFFER', { to: ash, uid: 'pkm-000003' });
  t.send(misty, 'TRADE_LIST');
  t.fail(brock, 'TRADE_ACCEPT', { offerId: 'trade-0001', uid: 'pkm-000004' });
  t.send(misty, 'TRADE_ACCEPT', { offerId: 'trade-0001', uid: 'pkm-000004' });
  t.fail(misty, 'TRADE_ACCEPT', { offerId: 'trade-0001', uid: 'pkm-000004' });
  t.send(misty, 'TRADE_OFFER', { to: ash, uid: 'pkm-000003' });
  t.fail(ash, 'TRADE_CANCEL', { offerId: 'trade-0002' });
  t.fail(ash, 'TRADE_ACCEPT', { offerId: 'trade-0002', uid: 'pkm-999999' });
  t.send(misty, 'TRADE_CANCEL', { offerId: 'trade-0002' });
  t.fail(misty, 'TRADE_CANCEL', { offerId: 'trade-9999' });
  t.send(ash, 'GET_PARTY').send(misty, 'GET_PARTY');
  t.send(ash, 'HEALTH_CHECK');
  return t;
}

export const builders = { battle, pokemon };
