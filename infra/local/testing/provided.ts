import type { EmulatorPorts, Endpoints } from '#local/emulators';

/** What the integration/e2e global setup hands to every test file (vitest's provide/inject). */
declare module 'vitest' {
  export interface ProvidedContext {
    emulators: { ports: EmulatorPorts; endpoints: Endpoints; dataDir: string };
  }
}
