// Invented names and flavour text (no game's names or data are used).
const ONSETS = ['br', 'cr', 'dr', 'fl', 'gl', 'gr', 'kr', 'pl', 'sk', 'sn', 'sp', 'st', 'tr', 'v', 'z', 'm', 'n', 'l', 'r', 't', 'b', 'p', 'qu', 'th', 'sh', 'ch', 'wh'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ae', 'ou', 'ee', 'y', 'io'];
const CODAS = ['', 'n', 'r', 'l', 'x', 'th', 'sk', 'mp', 'nd', 'rk', 'ss', 'ff', 'lt', 'ck'];
const SUFFIX_BY_TYPE = {
  normal: ['pup', 'kin', 'mole'], fire: ['flare', 'cind', 'pyre'], water: ['fin', 'tide', 'drip'],
  electric: ['volt', 'zap', 'spark'], grass: ['leaf', 'sprout', 'bloom'], ice: ['frost', 'rime', 'chill'],
  fighting: ['fist', 'brawl', 'grip'], poison: ['toxa', 'venom', 'miasm'], ground: ['dune', 'clod', 'burrow'],
  flying: ['wing', 'glide', 'plume'], psychic: ['mind', 'psy', 'aura'], bug: ['skitter', 'mite', 'buzz'],
  rock: ['stone', 'crag', 'pebble'], ghost: ['shade', 'wisp', 'haunt'], dragon: ['drake', 'wyrm', 'scale'],
  dark: ['murk', 'gloom', 'fang'], steel: ['bolt', 'forge', 'plate'], fairy: ['glim', 'fae', 'charm'],
};

function cap(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function creatureName(rng, type, used) {
  for (;;) {
    const core = rng.pick(ONSETS) + rng.pick(VOWELS) + rng.pick(CODAS);
    const name = cap(core + rng.pick(SUFFIX_BY_TYPE[type]));
    if (!used.has(name) && name.length <= 14) {
      used.add(name);
      return name;
    }
  }
}

const HABITATS = ['tall grass', 'volcanic vents', 'tidal caves', 'abandoned power plants', 'old forests',
  'frozen ridges', 'mountain dojos', 'swamps', 'dry canyons', 'cloud banks', 'quiet temples', 'hollow logs',
  'rocky coasts', 'ruined towers', 'high peaks', 'city alleys', 'scrap yards', 'flower meadows'];
const HABITS = ['hums at dawn', 'stores food in its cheeks', 'sheds its skin each season',
  'follows travellers at a distance', 'sleeps through storms', 'hoards shiny pebbles',
  'marks its territory with scratches', 'glows faintly when excited', 'mimics the calls of other creatures',
  'hides when it hears footsteps', 'grooms its companions', 'sunbathes for hours',
  'travels in small herds', 'builds nests from twigs and wire', 'dislikes loud noises'];

export function flavourText(rng, name) {
  return `${name} lives in ${rng.pick(HABITATS)} and ${rng.pick(HABITS)}.`;
}

const MOVE_ADJ = {
  normal: ['Quick', 'Heavy', 'Wild', 'Double', 'Steady', 'Mega', 'Giga', 'Sly'],
  fire: ['Blazing', 'Ember', 'Scorch', 'Cinder', 'Inferno', 'Molten', 'Flare', 'Ash'],
  water: ['Tidal', 'Bubble', 'Hydro', 'Surging', 'Brine', 'Torrent', 'Mist', 'Rain'],
  electric: ['Static', 'Volt', 'Thunder', 'Arc', 'Charged', 'Spark', 'Ion', 'Surge'],
  grass: ['Leaf', 'Vine', 'Petal', 'Thorn', 'Spore', 'Root', 'Bloom', 'Seed'],
  ice: ['Frost', 'Glacial', 'Hail', 'Rime', 'Frozen', 'Snow', 'Ice', 'Polar'],
  fighting: ['Iron', 'Rising', 'Crushing', 'Spinning', 'Focused', 'Low', 'Cross', 'Brutal'],
  poison: ['Toxic', 'Venom', 'Acid', 'Sludge', 'Noxious', 'Miasma', 'Bile', 'Smog'],
  ground: ['Quake', 'Mud', 'Sand', 'Earthen', 'Tremor', 'Dust', 'Bone', 'Fissure'],
  flying: ['Gale', 'Sky', 'Aerial', 'Wing', 'Gust', 'Feather', 'Air', 'Swoop'],
  psychic: ['Mind', 'Psi', 'Dream', 'Astral', 'Prism', 'Lucid', 'Zen', 'Echo'],
  bug: ['Swarm', 'Silk', 'Sting', 'Chitin', 'Buzz', 'Larva', 'Hive', 'Mandible'],
  rock: ['Boulder', 'Shale', 'Crag', 'Stone', 'Granite', 'Pebble', 'Rock', 'Quartz'],
  ghost: ['Shadow', 'Phantom', 'Spectral', 'Hex', 'Grave', 'Wraith', 'Night', 'Ghost'],
  dragon: ['Dragon', 'Draco', 'Wyrm', 'Scale', 'Ancient', 'Outrage', 'Fang', 'Roar'],
  dark: ['Dark', 'Sucker', 'Foul', 'Snarl', 'Night', 'Thief', 'Bite', 'Shade'],
  steel: ['Steel', 'Iron', 'Metal', 'Chrome', 'Alloy', 'Gear', 'Bullet', 'Mirror'],
  fairy: ['Moon', 'Charm', 'Pixie', 'Dazzle', 'Sweet', 'Glitter', 'Fae', 'Bright'],
};
const MOVE_NOUN = ['Strike', 'Blast', 'Wave', 'Slash', 'Beam', 'Punch', 'Kick', 'Burst', 'Storm', 'Fang',
  'Claw', 'Pulse', 'Tackle', 'Crash', 'Shot', 'Spin', 'Lance', 'Whip', 'Rush', 'Dance', 'Veil', 'Barrage'];

export function moveName(rng, type, used) {
  for (let attempt = 0; ; attempt++) {
    let name = `${rng.pick(MOVE_ADJ[type])} ${rng.pick(MOVE_NOUN)}`;
    if (attempt > 20) name += ` ${['II', 'III', 'IV', 'V'][attempt % 4]}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}
