// The worker's housekeeping rounds on shutdown (docs/operations.md "Stopping a worker"): stop waits for the round under
// way, within a bound, before the connections and the ORM close, so no round runs on a destroyed driver.
import { randomInt, randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPeriodicRound } from '../../bin/periodic-round.js';
import { installSdkLogging, startWorker } from '../../bin/worker-runtime.js';
import { createOrm } from '../../db/orm.js';
import { MemoryNoticeChannel } from '../../services/adapters/notice-channel.js';
import { citizenId } from '../support/factories.js';
import { servicesForTest } from '../support/services.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('periodic rounds stop after the round under way', () => {
  it('stop during a round resolves only when the round has finished, and starts no other', async () => {
    const events: string[] = [];
    let runs = 0;
    const round = startPeriodicRound({
      name: 'test',
      everyMs: 10,
      round: async (stopped) => {
        runs += 1;
        events.push('start');
        await sleep(150);
        events.push(stopped() ? 'end (stopped)' : 'end');
      },
      onError: (error) => events.push(`error ${String(error)}`),
    });
    await vi.waitUntil(() => events.includes('start'), { timeout: 2_000, interval: 5 });
    await round.stop();
    events.push('stopped');
    await sleep(50);
    expect(events).toEqual(['start', 'end (stopped)', 'stopped']);
    expect(runs).toBe(1);
  });

  it('a round that outlives the bound is logged, and stop returns at the bound', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      let release!: () => void;
      const round = startPeriodicRound({
        name: 'stuck',
        everyMs: 10,
        round: () => new Promise<void>((resolve) => (release = resolve)),
        onError: () => undefined,
      });
      await vi.waitUntil(() => release !== undefined, { timeout: 2_000, interval: 5 });
      const started = Date.now();
      await round.stop(100);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(errors).toHaveBeenCalledWith(expect.stringContaining('stuck round still running 100 ms after stop'));
      release();
    } finally {
      errors.mockRestore();
    }
  });
});

describe('worker shutdown during a rendering round (real PostgreSQL and Temporal)', () => {
  let observer: MikroORM;
  const petitioner = citizenId();
  const caseId = `shutdown-${randomUUID()}`;

  beforeAll(async () => {
    observer = await createOrm((await servicesForTest()).databaseUrl);
  });
  afterAll(async () => observer?.close());

  it('stopping the worker while it renders letters finishes the letter under way, gives back the other claims, then closes with no error', async () => {
    const services = await servicesForTest();
    installSdkLogging('WARN');
    const reference = `XF2026${String(randomInt(100000, 999999))}`;
    const em = observer.em.fork();
    await em.execute(
      `insert into case_record (id, reference, case_type, business_key, status, status_version, region, citizen_id, employer_credit_code,
         applicant_id, opened_at, last_progress_at, deadlines, allowed_events, summary)
       values (?, ?, 'petition', ?, 'open', 1, '330102', ?, null, ?, now(), now(), '[]', '[]', '{}')`,
      [caseId, reference, caseId, petitioner, petitioner],
    );
    for (let n = 0; n < 12; n += 1) {
      await em.execute(
        `insert into notice_outbox (id, case_id, recipient_kind, recipient_id, channel, kind, payload, created_at, dedupe_key)
         values (?, ?, 'citizen', ?, 'portal', 'petition_registered', ?, now(), ?)`,
        [randomUUID(), caseId, petitioner, JSON.stringify({ reference, status: 'accepted' }), `shutdown-test:${randomUUID()}`],
      );
    }
    const rendered = async () => Number((await em.execute<{ n: string }[]>('select count(*) as n from official_document where case_id = ?', [caseId]))[0]!.n);

    const errors = vi.spyOn(console, 'error');
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const orm = await createOrm(services.databaseUrl);
      const worker = await startWorker({
        orm,
        temporalAddress: services.temporalAddress,
        namespace: services.namespace,
        taskQueue: `test-${randomUUID()}`,
        notices: new MemoryNoticeChannel(),
        housekeepingMs: 50,
        workflowBundlePath: services.workflowBundleCodePath,
        documentRendering: { batch: 50, everyMs: 50 },
      });
      await vi.waitUntil(async () => (await rendered()) >= 1, { timeout: 60_000, interval: 20 });
      await worker.shutdown();
      await orm.close();
      await sleep(300);
      expect(errors).not.toHaveBeenCalled();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      errors.mockRestore();
    }
    // The round stopped after its letter: some letters wait for the next worker, unclaimed, none half-stored.
    const [state] = await em.execute<{ documents: string; stamped: string; claimed: string }[]>(
      `select (select count(*) from official_document where case_id = ?) as documents,
              (select count(*) from notice_outbox where case_id = ? and rendered_at is not null) as stamped,
              (select count(*) from notice_outbox where case_id = ? and render_claimed_until is not null) as claimed`,
      [caseId, caseId, caseId],
    );
    expect(Number(state!.documents)).toBeLessThan(12);
    expect(state!.stamped).toBe(state!.documents);
    expect(state!.claimed).toBe('0');
  });
});
