// Commands of services/ called directly on the file's test database, without a worker or an API: the database seeded
// with reference data, a workflow port that records what the command asked of it, and the caller's context.
import type { MikroORM } from '@mikro-orm/postgresql';
import { createOrm } from '../../db/orm.js';
import type { Actor } from '../../policies/abilities.js';
import { systemClock, type BusinessClock } from '../../services/business-clock.js';
import type { CommandContext } from '../../services/command-context.js';
import type { CaseWorkflows } from '../../services/workflow-port.js';
import type { CaseView } from '../../workflows/index.js';
import { copyOfTemplate, servicesForTest } from './services.js';
import { contextFor } from './system.js';

/** This file's database (a copy of the run's template: migrated and seeded with regions, calendars, parameters). */
export async function openTestDatabase(): Promise<MikroORM> {
  return createOrm((await servicesForTest()).databaseUrl);
}

/**
 * A second database for the file, a fresh copy of the template: for a command that reads the whole database (a
 * region-wide or system-wide sweep), which must not see rows the file's other tests wrote. `close()` closes it and
 * drops it.
 */
export async function openOwnTestDatabase(label: string): Promise<{ orm: MikroORM; close(): Promise<void> }> {
  const own = await copyOfTemplate(label);
  const orm = await createOrm(own.url);
  return {
    orm,
    async close() {
      await orm.close();
      await own.drop();
    },
  };
}

export interface RecordingWorkflows extends CaseWorkflows {
  /** Every call the command made to the port, in order: method name and arguments. */
  calls: { method: keyof CaseWorkflows; args: unknown[] }[];
}

/**
 * A workflow port that records every call and answers from `overrides`; a method without an override answers a
 * case view of status `status` (or resolves for the void ones), so a command under test never waits on Temporal.
 */
export function recordingWorkflows(overrides: Partial<CaseWorkflows> = {}, status = 'accepted'): RecordingWorkflows {
  const calls: RecordingWorkflows['calls'] = [];
  const view = (caseId: unknown): CaseView => ({ caseId: String(caseId), status, version: 1, closed: false, openTaskId: null, allowedEvents: [] });
  const port = new Proxy({} as RecordingWorkflows, {
    get(_target, name) {
      if (name === 'calls') return calls;
      if (typeof name !== 'string') return undefined;
      return async (...args: unknown[]) => {
        calls.push({ method: name as keyof CaseWorkflows, args });
        const override = overrides[name as keyof CaseWorkflows] as ((...a: unknown[]) => Promise<unknown>) | undefined;
        if (override) return override(...args);
        if (name === 'ping' || name === 'awaitSettled') return true;
        return name.startsWith('start') || name.startsWith('notify') || name === 'calendarLoaded' ? undefined : view(args[0]);
      };
    },
  });
  return port;
}

/**
 * A command context for `actor` on the test database without the rest of the system: the `contextFor` of
 * test/support/system.ts, with a recording workflow port (or the one given) and the system clock (or the one given).
 */
export function contextOn(orm: MikroORM, actor: Actor, options: { clock?: BusinessClock; workflows?: CaseWorkflows } = {}): CommandContext {
  return contextFor({ orm, cases: options.workflows ?? recordingWorkflows(), clock: options.clock ?? systemClock }, actor);
}
