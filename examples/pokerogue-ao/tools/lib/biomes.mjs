// Biomes: where wild creatures appear. Each biome favours a few types, has weather odds, a
// weighted encounter pool with level ranges, a boss and the biomes a run can move on to.
import { luaModule, recordList } from './lua-writer.mjs';

const PLACES = ['Meadow', 'Crater', 'Reef', 'Plant', 'Forest', 'Glacier', 'Dojo', 'Marsh', 'Canyon', 'Summit',
  'Temple', 'Thicket', 'Quarry', 'Graveyard', 'Lair', 'Alley', 'Factory', 'Garden', 'Beach', 'Cave',
  'Tundra', 'Volcano', 'Lake', 'Ruins', 'Desert', 'Jungle', 'Seabed', 'Badlands', 'Wasteland', 'Island'];
const ADJECTIVES = ['Verdant', 'Ashen', 'Coral', 'Humming', 'Elder', 'Frozen', 'Iron', 'Murky', 'Dusty', 'Windy',
  'Silent', 'Tangled', 'Broken', 'Misty', 'Ancient', 'Neon', 'Rusted', 'Sunlit', 'Golden', 'Echoing',
  'Pale', 'Molten', 'Still', 'Sunken', 'Shifting', 'Overgrown', 'Deep', 'Scarred', 'Forsaken', 'Distant'];
const PLACE_TYPES = {
  Meadow: ['normal', 'grass', 'bug'], Crater: ['fire', 'rock'], Reef: ['water', 'fairy'], Plant: ['electric', 'steel'],
  Forest: ['grass', 'bug', 'poison'], Glacier: ['ice', 'water'], Dojo: ['fighting', 'normal'], Marsh: ['poison', 'water', 'ground'],
  Canyon: ['ground', 'rock'], Summit: ['flying', 'dragon', 'rock'], Temple: ['psychic', 'ghost'], Thicket: ['bug', 'grass'],
  Quarry: ['rock', 'steel', 'ground'], Graveyard: ['ghost', 'dark'], Lair: ['dragon', 'dark'], Alley: ['dark', 'poison', 'normal'],
  Factory: ['steel', 'electric'], Garden: ['fairy', 'grass'], Beach: ['water', 'ground'], Cave: ['rock', 'ground', 'dark'],
  Tundra: ['ice', 'normal'], Volcano: ['fire', 'ground', 'dragon'], Lake: ['water', 'psychic'], Ruins: ['psychic', 'ghost', 'rock'],
  Desert: ['ground', 'fire'], Jungle: ['grass', 'bug', 'poison'], Seabed: ['water', 'dark'], Badlands: ['ground', 'fighting'],
  Wasteland: ['dragon', 'poison'], Island: ['water', 'flying', 'fairy'],
};
const WEATHER_BY_TYPE = { fire: 'sun', water: 'rain', ground: 'sand', rock: 'sand', ice: 'hail' };
const RARITY = [['common', 40], ['uncommon', 20], ['rare', 8], ['very_rare', 2]];
const ENCOUNTERS_PER_BIOME = 12;

export function buildBiomes(rng, species) {
  const biomes = PLACES.map((place, i) => {
    const types = PLACE_TYPES[place];
    const id = `${ADJECTIVES[i]}-${place}`.toLowerCase();
    const pool = species.filter((s) => s.types.some((t) => types.includes(t)) && !s.evolvesFrom);
    const evolved = species.filter((s) => s.types.some((t) => types.includes(t)) && s.evolvesFrom);
    const picked = new Set();
    const encounters = [];
    while (encounters.length < ENCOUNTERS_PER_BIOME && picked.size < pool.length + evolved.length) {
      const fromEvolved = encounters.length >= ENCOUNTERS_PER_BIOME - 3 && evolved.length > 0;
      const s = rng.pick(fromEvolved ? evolved : pool.length ? pool : species);
      if (picked.has(s.id)) continue;
      picked.add(s.id);
      const [rarity, weight] = fromEvolved ? RARITY[2 + rng.int(0, 1)] : RARITY[rng.int(0, 1)];
      const minLevel = fromEvolved ? rng.int(18, 35) : rng.int(2, 15);
      encounters.push({
        species: s.id, rarity, weight, minLevel, maxLevel: minLevel + rng.int(5, 20),
        __comment: `${s.name} (${s.types.join('/')}), ${rarity}`,
      });
    }
    const weather = { none: 60 };
    for (const t of types) if (WEATHER_BY_TYPE[t]) weather[WEATHER_BY_TYPE[t]] = (weather[WEATHER_BY_TYPE[t]] ?? 0) + 20;
    const bossPool = evolved.length ? evolved : pool;
    return {
      id, name: `${ADJECTIVES[i]} ${place}`, index: i + 1, types: types.slice(), weather,
      terrain: types.includes('electric') ? 'electric' : types.includes('grass') ? 'grassy' : types.includes('psychic') ? 'psychic' : types.includes('fairy') ? 'misty' : 'none',
      boss: rng.pick(bossPool).id,
      encounters,
      __flavour: `${ADJECTIVES[i]} ${place}: home of ${types.join(', ')} creatures.`,
    };
  });
  for (const b of biomes) {
    const links = new Set();
    while (links.size < 2) {
      const other = rng.pick(biomes);
      if (other.id !== b.id) links.add(other.id);
    }
    b.next = [...links].sort();
  }
  return biomes;
}

export function biomesModule(biomes) {
  const body = recordList('biomes', biomes, (b) => b.__flavour);
  return luaModule('Biome data: encounter pools, weather odds, bosses and links.', [
    body,
    '',
    'M.byId = {}',
    'M.sortedIds = {}',
    'for _, biome in ipairs(M.biomes) do',
    '  M.byId[biome.id] = biome',
    '  M.sortedIds[#M.sortedIds + 1] = biome.id',
    'end',
    'table.sort(M.sortedIds)',
    '',
    'function M.get(id)',
    '  return M.byId[id]',
    'end',
    '',
    'function M.ids()',
    '  local out = {}',
    '  for i, id in ipairs(M.sortedIds) do out[i] = id end',
    '  return out',
    'end',
  ].join('\n'));
}
