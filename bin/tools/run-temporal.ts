// The Temporal server a bench or drill runs against: the one TEMPORAL_ADDRESS names (a cluster, to measure scale-out:
// docs/performance.md "Scale-out"), else a fresh in-memory dev server of its own that `stop()` takes down again.
import { freePort } from './free-port.js';
import { startTemporalDevServer } from './temporal-dev-server.js';

export interface RunTemporal {
  address: string;
  namespace: string;
  /** True when the server is someone else's: nothing of it is stopped, and its figures are the cluster's. */
  external: boolean;
  stop(): Promise<void>;
}

export async function runTemporal(options: { address: string | undefined; namespace: string; say: (line: string) => void }): Promise<RunTemporal> {
  if (options.address !== undefined) {
    options.say(`using the Temporal server at ${options.address} (TEMPORAL_ADDRESS), namespace ${options.namespace}`);
    return { address: options.address, namespace: options.namespace, external: true, stop: async () => {} };
  }
  options.say('starting the Temporal dev server (in memory)');
  const server = await startTemporalDevServer({ port: await freePort(), uiPort: null, dbFile: null });
  return { address: server.address, namespace: 'default', external: false, stop: () => server.stop() };
}
