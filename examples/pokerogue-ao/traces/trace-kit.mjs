// Helpers to write trace lines: deterministic timestamps, process and player ids as in a test world.
export const OWNER = 'OWNER_WALLET_0000000000000000000000000000000001';
export const pid = (name) => `PROCESS_${name.toUpperCase()}`.padEnd(43, '0');
export const player = (name) => `PLAYER_${name.toUpperCase()}`.padEnd(43, '0');
export const NAMES = ['coordinator', 'battle', 'pokemon', 'economy', 'security', 'admin'];

export function trace(start) {
  let ts = start;
  const lines = [];
  const api = {
    /** data: object (JSON-encoded), string (sent as is) or undefined. */
    send(from, action, data, extra = {}) {
      ts += 1000;
      const m = { From: from, Tags: { Action: action, ...(extra.tags ?? {}) } };
      if (data !== undefined) m.Data = typeof data === 'string' ? data : JSON.stringify(data);
      m.Timestamp = extra.timestamp ?? ts;
      if (extra.owner) m.Owner = extra.owner;
      if (extra.target) m.Target = extra.target;
      if (extra.error) m.expect = { error: true };
      lines.push(m);
      return api;
    },
    fail(from, action, data, extra = {}) {
      return api.send(from, action, data, { ...extra, error: true });
    },
    skip(ms) {
      ts += ms;
      return api;
    },
    text: () => lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
    lines,
  };
  return api;
}

export const ash = player('ash');
export const misty = player('misty');
export const brock = player('brock');
export const gary = player('gary');

