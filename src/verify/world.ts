// The world: every process of a project booted in one simulated AO. A player's message goes
// to its Target process; a FIFO scheduler then delivers each outbox message whose Target is
// a process of the world (From = the sending process, as a MU would push it) until the world
// is quiet. Everything that happens is recorded as events: messages crossing a process
// boundary, replies leaving the world (to players), errors and prints, in delivery order.
import { MigrateError } from '../errors.ts';
import type { AoMessageInput } from './aosRuntime.ts';
import { bootFromPlan, bootPlan, type BootPlanOptions } from './bootBuilds.ts';
import type { AosProcess } from './aosRuntime.ts';
import { normaliseMessage, toAnswer } from './normalise.ts';
import type { TraceMessage } from './trace.ts';
import type { BuildMode, BuildOutput, NormalisedMessage } from './types.ts';

export type WorldEvent =
  | { kind: 'cross'; from: string; to: string; message: NormalisedMessage }
  | { kind: 'reply'; from: string; message: NormalisedMessage }
  | { kind: 'error'; at: string; error: string; rawError: string }
  | { kind: 'output'; at: string; output: string };

export interface WorldDelivery {
  to: string;
  ms: number;
}

/** Deterministic process id of `name` in a world (43 characters, like an Arweave id). */
export function worldProcessId(name: string): string {
  return `PROCESS_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`.padEnd(43, '0');
}

const PLACEHOLDER = /\$\{process:([A-Za-z0-9_-]+)\}/g;

export interface WorldOptions extends BootPlanOptions {
  /** Maximum deliveries caused by one player message before VERIFY-040 (a message loop). */
  maxDeliveries?: number;
}

export class World {
  readonly mode: BuildMode;
  /** name -> process, and id -> name. */
  readonly processes = new Map<string, AosProcess>();
  readonly names = new Map<string, string>();
  readonly bootMs = new Map<string, number>();
  readonly deliveries: WorldDelivery[] = [];
  private readonly maxDeliveries: number;

  private constructor(mode: BuildMode, maxDeliveries: number) {
    this.mode = mode;
    this.maxDeliveries = maxDeliveries;
  }

  /** Boots every process named in `processNames` from `build` in `mode`. */
  static async boot(build: BuildOutput, mode: BuildMode, processNames: string[], opts: WorldOptions = {}): Promise<World> {
    const world = new World(mode, opts.maxDeliveries ?? 10_000);
    const tags = Object.fromEntries(processNames.map((n) => [`Process-Id-${n}`, worldProcessId(n)]));
    for (const name of processNames) {
      const id = worldProcessId(name);
      const booted = await bootFromPlan(bootPlan(build, mode, name, opts), { processId: id, tags });
      world.processes.set(name, booted.proc);
      world.names.set(id, name);
      world.bootMs.set(name, booted.bootMs);
    }
    return world;
  }

  idOf(nameOrId: string): string | undefined {
    if (this.names.has(nameOrId)) return nameOrId;
    return this.processes.has(nameOrId) ? worldProcessId(nameOrId) : undefined;
  }

  /** `${process:name}` in tag values and Data becomes that process's id. */
  substitute(text: string): string {
    return text.replace(PLACEHOLDER, (whole, name: string) => (this.processes.has(name) ? worldProcessId(name) : whole));
  }

  private resolveMessage(m: TraceMessage): AoMessageInput {
    const tags = m.msg.Tags ?? {};
    const resolvedTags = Array.isArray(tags)
      ? tags.map((t) => ({ name: t.name, value: this.substitute(t.value) }))
      : Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, this.substitute(String(v))]));
    return { ...m.msg, Tags: resolvedTags, Data: this.substitute(m.msg.Data ?? '') };
  }

  /** Sends a player's trace message to its Target and runs the world until quiet. */
  async send(m: TraceMessage, file = 'trace'): Promise<WorldEvent[]> {
    const targetName = m.target ?? (this.processes.size === 1 ? [...this.processes.keys()][0] : undefined);
    const to = targetName === undefined ? undefined : this.idOf(targetName);
    if (!to) {
      throw new MigrateError('VERIFY-041', `world trace message has no Target process${targetName ? ` ('${targetName}' is not in the world)` : ''}`, {
        location: { file, line: m.line, column: 1 },
        hint: `set "Target" to one of: ${[...this.processes.keys()].join(', ')}`,
      });
    }
    return this.run([{ to, msg: this.resolveMessage(m) }]);
  }

  private async run(queue: { to: string; msg: AoMessageInput }[]): Promise<WorldEvent[]> {
    const events: WorldEvent[] = [];
    let count = 0;
    while (queue.length) {
      const { to, msg } = queue.shift()!;
      if (++count > this.maxDeliveries) {
        throw new MigrateError('VERIFY-040', `the world did not become quiet after ${this.maxDeliveries} deliveries (a message loop between processes?)`, {
          hint: 'look at the last messages exchanged; pass a higher limit only if the scenario really needs it',
        });
      }
      const name = this.names.get(to)!;
      const r = await this.processes.get(name)!.send(msg);
      this.deliveries.push({ to: name, ms: r.ms });
      const answer = toAnswer(r);
      if (answer.output) events.push({ kind: 'output', at: name, output: answer.output });
      if (answer.error !== null) events.push({ kind: 'error', at: name, error: answer.error, rawError: answer.rawError ?? '' });
      for (const out of r.Messages) {
        const message = normaliseMessage(out);
        const target = out.Target ?? '';
        if (this.names.has(target)) {
          events.push({ kind: 'cross', from: name, to: this.names.get(target)!, message });
          const tags = [...out.Tags.filter((t) => t.name !== 'From-Process'), { name: 'From-Process', value: to }];
          queue.push({
            to: target,
            msg: { From: to, Owner: to, Tags: tags, Data: out.Data ?? '', ...(msg.Timestamp !== undefined ? { Timestamp: msg.Timestamp } : {}) },
          });
        } else {
          events.push({ kind: 'reply', from: name, message });
        }
      }
    }
    return events;
  }
}
