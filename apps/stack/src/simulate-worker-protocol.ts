import type { BrainSettings } from '@mana/persona-runner';

/**
 * The messages between `simulate --workers N` and its worker processes (over the
 * child-process IPC channel). The coordinator moves every worker's virtual clock to the
 * same hour and waits for all of them before the next one; the workers share the due
 * personas through the identity service's claims on the one PostgreSQL database.
 */
export type ToWorker =
  | {
      type: 'init';
      /** 0-based; names the worker's runner (`sim-w<index>`) and seeds its fault dice. */
      index: number;
      databaseUrl: string;
      brain: BrainSettings;
      seed: number;
      concurrency: number;
      modelLatency: boolean;
      /** The fault drill's spec (`formatFaults`), switched on with the first `faultsOn` tick. */
      faults: string | undefined;
      now: string;
      serviceKey: string;
      authSecret: string;
      seedSecret: string;
    }
  | { type: 'tick'; hour: number; at: string; faultsOn: boolean }
  | { type: 'close' };

/** What a worker answers. */
export type FromWorker =
  | { type: 'ready'; index: number }
  | {
      type: 'ticked';
      index: number;
      hour: number;
      /** Personas this worker's runner claimed and lived in the hour. */
      personaDays: number;
      actions: number;
      ratings: number;
      failed: number;
    }
  | { type: 'error'; index: number; message: string };
