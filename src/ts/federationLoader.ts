// The client-side federation loader that ts/federate-imports writes to
// `<runtimeDir>/federation.ts`: the TypeScript twin of src/bundle/lua/federation.lua, with
// the same mode flag and the same error code for a missing module.
export const FEDERATION_LOADER_HEADER = '// ao-federate: client federation loader, written by ts/federate-imports.';

export const federationLoaderSource = `${FEDERATION_LOADER_HEADER}
// Mode flag (same as the Lua side): monolith | hybrid | federated, from globalThis.FEDERATION_MODE
// or the FEDERATION_MODE environment variable; default hybrid.
//   monolith  -> always the statically bundled fallback
//   hybrid    -> the shared (registered) module when present, else the fallback and one warning
//   federated -> the shared module only; missing is an error (FED-001)
export type FederationMode = 'monolith' | 'hybrid' | 'federated';

interface SharedEntry {
  version: string;
  module: object;
}

interface FederationGlobals {
  FEDERATION_MODE?: string;
  process?: { env?: Record<string, string | undefined> };
  __AO_FEDERATION__?: { modules: Map<string, SharedEntry>; warned: Set<string> };
}

const globals = globalThis as FederationGlobals;
const registry = (globals.__AO_FEDERATION__ ??= { modules: new Map(), warned: new Set() });

export function federationMode(): FederationMode {
  const raw = globals.FEDERATION_MODE ?? globals.process?.env?.['FEDERATION_MODE'] ?? 'hybrid';
  if (raw === 'monolith' || raw === 'hybrid' || raw === 'federated') return raw;
  throw new Error(\`FED-008 unknown FEDERATION_MODE '\${raw}' (monolith | hybrid | federated)\`);
}

/** Makes a shared module available (a runtime chunk calls this once it is loaded). */
export function registerShared(name: string, module: object, version = '1.0.0'): void {
  registry.modules.set(name, { version, module });
}

/** The shared module \`name\` for the current mode, or \`fallback\` (the static import). */
export async function loadShared<T extends object>(name: string, fallback: T): Promise<T> {
  const mode = federationMode();
  if (mode === 'monolith') return fallback;
  const shared = registry.modules.get(name);
  if (shared) return shared.module as T;
  if (mode === 'federated') throw new Error(\`FED-001 shared module '\${name}' is not registered (federated mode has no fallback)\`);
  if (!registry.warned.has(name)) {
    registry.warned.add(name);
    console.warn(\`[ao-federate] FED-001 shared module '\${name}' is not registered: using the bundled fallback\`);
  }
  return fallback;
}
`;
