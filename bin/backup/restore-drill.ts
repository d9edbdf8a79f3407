// The restore drill (`npm run restore:drill`; a small version in `npm test`): a running system with live cases (some
// finished, some waiting for a caseworker) and a large history of closed cases is backed up while it runs, then
// destroyed — both servers stopped and their folders deleted — and restored onto new servers. The drill reconciles
// workflows against case rows, checks every table's row count against the manifest, takes a decision on a restored
// waiting case to show the two halves still fit, and prints RPO and RTO.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { signToken } from '../../api/auth/tokens.js';
import { startApiServer } from '../../api/server.js';
import { migrateToLatest } from '../../db/migrator.js';
import { createOrm } from '../../db/orm.js';
import { seedReferenceData } from '../../db/seed/reference-data.js';
import { MemoryNoticeChannel } from '../../services/adapters/notice-channel.js';
import { systemClock } from '../../services/business-clock.js';
import { citizenIdSequence, shanghaiDate } from '../bench/citizen-ids.js';
import { EMPLOYER_330102 } from '../bench/register-hire.js';
import { startEmbeddedPostgres } from '../tools/embedded-postgres.js';
import { freePort } from '../tools/free-port.js';
import { startTemporalDevServer, type RunningTemporal } from '../tools/temporal-dev-server.js';
import { installSdkLogging, startWorker } from '../worker-runtime.js';
import { restoreBackup, takeBackup } from './backup-folder.js';

export interface RestoreDrillOptions {
  /** Closed cases of earlier years written straight into the database: the size of the history that is restored. */
  historicCases: number;
  /** Hires registered through the API that finish (workflows completed). */
  finishedCases: number;
  /** Petitions left waiting at acceptance (workflows running, tasks open). */
  waitingCases: number;
  /** Petitions filed after the backup: lost by the restore, which is what RPO means. */
  writesAfterBackup: number;
  say: (line: string) => void;
}

export interface RestoreDrillResult {
  caseRows: number;
  backupSeconds: number;
  backupMiB: number;
  /** From the destruction to a decision taken on a restored case. */
  rtoSeconds: number;
  /** Age of the snapshot when the system was destroyed, and the acknowledged writes that are therefore gone. */
  rpoSeconds: number;
  writesLost: number;
  /** Open case rows whose workflow is not running after the restore. */
  openCasesWithoutWorkflow: number;
  /** Running workflows that have no case row after the restore. */
  workflowsWithoutCase: number;
  /** Tables whose row count differs from the manifest. */
  tablesDiffering: string[];
  decisionAfterRestore: number;
}

interface Running {
  orm: MikroORM;
  temporalServer: RunningTemporal;
  client: Client;
  url: string;
  stop(): Promise<void>;
}

const JWT_SECRET = `drill-${randomBytes(24).toString('hex')}`;
const TASK_QUEUE = 'restore-drill';

export async function runRestoreDrill(options: RestoreDrillOptions): Promise<RestoreDrillResult> {
  installSdkLogging('WARN');
  const work = await mkdtemp(join(tmpdir(), 'sis-restore-drill-'));
  const cleanups: (() => Promise<void>)[] = [() => rm(work, { recursive: true, force: true })];
  try {
    const postgresA = await startEmbeddedPostgres({ dataDir: join(work, 'postgres-a'), port: await freePort(), persistent: false });
    cleanups.push(() => postgresA.stop());
    const temporalFileA = join(work, 'temporal-a', 'temporal.db');
    const first = await startSystem(postgresA.url, temporalFileA, true);
    cleanups.push(() => first.stop());

    const api = caller(first.url);
    const employer = await signToken(JWT_SECRET, { role: 'employer', sub: 'drill-agent', employer: EMPLOYER_330102 });
    const nextCitizenId = citizenIdSequence();
    options.say(`live cases: ${options.finishedCases} hires, ${options.waitingCases} petitions waiting at acceptance`);
    const finished: string[] = [];
    for (let i = 0; i < options.finishedCases; i += 1) {
      const body = {
        person: { citizenId: nextCitizenId(), name: '演练' },
        employerCreditCode: EMPLOYER_330102,
        hireDate: shanghaiDate(0, systemClock),
        insuranceTypes: ['pension', 'medical'],
        monthlyWage: '8000.00',
        region: '330102',
      };
      finished.push(String((await api('POST', '/v1/enrollments', employer, body)).caseId));
    }
    const waiting: string[] = [];
    const filePetition = async () => {
      const citizen = await signToken(JWT_SECRET, { role: 'citizen', sub: nextCitizenId() });
      return String(
        (
          await api('POST', '/v1/petitions', citizen, {
            channel: 'online',
            region: '330102',
            request: '补发失业保险金',
            facts: '离职后仅发放两个月',
            reasons: '缴费满三年',
          })
        ).caseId,
      );
    };
    for (let i = 0; i < options.waitingCases; i += 1) waiting.push(await filePetition());
    await until(first.orm, `select count(*) as n from case_record where id in (?) and status = 'insured'`, [finished], finished.length);
    await until(first.orm, `select count(*) as n from task where case_id in (?) and status = 'open'`, [waiting], waiting.length);

    options.say(`history: ${options.historicCases} closed cases`);
    await writeHistory(first.orm, options.historicCases);
    const [{ n: caseRows } = { n: '0' }] = await first.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from case_record');

    options.say('backing up the running system');
    const backupDir = join(work, 'backup');
    const backupStarted = performance.now();
    const manifest = await takeBackup({ databaseUrl: postgresA.url, temporalDbFile: temporalFileA, to: backupDir });
    const backupSeconds = (performance.now() - backupStarted) / 1000;
    const backupMiB = (manifest.tables.reduce((sum, t) => sum + t.bytes, 0) + (manifest.temporal?.bytes ?? 0)) / 2 ** 20;

    for (let i = 0; i < options.writesAfterBackup; i += 1) await filePetition();

    options.say('destroying both servers and their folders');
    const destroyedAt = performance.now();
    const rpoSeconds = (Date.now() - Date.parse(manifest.takenAt)) / 1000;
    await first.stop();
    await postgresA.stop();
    await rm(join(work, 'temporal-a'), { recursive: true, force: true });

    options.say('restoring onto new servers');
    const postgresB = await startEmbeddedPostgres({ dataDir: join(work, 'postgres-b'), port: await freePort(), persistent: false });
    cleanups.push(() => postgresB.stop());
    const temporalFileB = join(work, 'temporal-b', 'temporal.db');
    await restoreBackup({ from: backupDir, databaseUrl: postgresB.url, temporalDbFile: temporalFileB });
    const second = await startSystem(postgresB.url, temporalFileB, false);
    cleanups.push(() => second.stop());

    const reconciliation = await reconcileWorkflows(second);
    const tablesDiffering: string[] = [];
    for (const table of manifest.tables) {
      const [{ n } = { n: '-1' }] = await second.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from "${table.table}"`);
      if (Number(n) !== table.rows) tablesDiffering.push(`${table.table}: ${n} ≠ ${table.rows}`);
    }
    const [{ n: lostRows } = { n: '0' }] = await second.orm.em
      .fork()
      .execute<{ n: string }[]>(`select count(*) as n from case_record where case_type = 'petition'`);
    const writesLost = options.waitingCases + options.writesAfterBackup - Number(lostRows);

    // A restored case still works: a caseworker accepts one waiting petition through the API.
    const caseworker = await signToken(JWT_SECRET, { role: 'caseworker', sub: 'cw-drill', region: '330102' });
    const [task] = await second.orm.em.fork().execute<{ id: string }[]>(`select id from task where case_id = ? and status = 'open'`, [waiting[0]]);
    const secondApi = caller(second.url);
    let decisionAfterRestore = 0;
    if (task) {
      await secondApi('POST', `/v1/tasks/${task.id}/claim`, caseworker);
      decisionAfterRestore = (await fetchStatus(second.url, `/v1/tasks/${task.id}/complete`, caseworker, { outcome: 'accept', comment: '', data: {} })) ?? 0;
    }
    const rtoSeconds = (performance.now() - destroyedAt) / 1000;
    return {
      caseRows: Number(caseRows),
      backupSeconds,
      backupMiB,
      rtoSeconds,
      rpoSeconds,
      writesLost,
      ...reconciliation,
      tablesDiffering,
      decisionAfterRestore,
    };
  } finally {
    for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) await cleanup().catch(() => undefined);
  }

  async function startSystem(databaseUrl: string, temporalDbFile: string, fresh: boolean): Promise<Running> {
    const temporalServer = await startTemporalDevServer({ port: await freePort(), uiPort: null, dbFile: temporalDbFile });
    const orm = await createOrm(databaseUrl, { poolMax: 10 });
    if (fresh) {
      await migrateToLatest(orm);
      await seedReferenceData(orm);
    }
    const worker = await startWorker({
      orm,
      temporalAddress: temporalServer.address,
      namespace: 'default',
      taskQueue: TASK_QUEUE,
      notices: new MemoryNoticeChannel(),
    });
    const api = await startApiServer({
      orm,
      temporal: { address: temporalServer.address, namespace: 'default', taskQueue: TASK_QUEUE },
      port: 0,
      jwtSecret: JWT_SECRET,
      log: () => undefined,
    });
    const connection = await Connection.connect({ address: temporalServer.address });
    let stopped = false;
    return {
      orm,
      temporalServer,
      client: new Client({ connection, namespace: 'default' }),
      url: api.url,
      async stop() {
        if (stopped) return;
        stopped = true;
        await api.close();
        await worker.shutdown();
        await connection.close();
        await orm.close();
        await temporalServer.stop();
      },
    };
  }
}

/** Every open case row has a running workflow, every running workflow has its case row. */
async function reconcileWorkflows(system: Running): Promise<{ openCasesWithoutWorkflow: number; workflowsWithoutCase: number }> {
  const open = await system.orm.em.fork().execute<{ id: string }[]>(`select id from case_record where closed_at is null`);
  let openCasesWithoutWorkflow = 0;
  for (const { id } of open) {
    try {
      const { status } = await system.client.workflow.getHandle(id).describe();
      if (status.name !== 'RUNNING') openCasesWithoutWorkflow += 1;
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      openCasesWithoutWorkflow += 1;
    }
  }
  const running: string[] = [];
  for await (const execution of system.client.workflow.list({ query: `ExecutionStatus = 'Running'` })) running.push(execution.workflowId);
  const known = running.length === 0 ? [] : await system.orm.em.fork().execute<{ id: string }[]>(`select id from case_record where id in (?)`, [running]);
  // The arrears sweep's schedule runs workflows of its own that are not cases.
  const caseLike = running.filter((id) => !id.startsWith('arrears-sweep'));
  return { openCasesWithoutWorkflow, workflowsWithoutCase: caseLike.length - known.length };
}

/**
 * Closed cases of earlier years, as an agency of a million insured has them: set-based, one statement, so the drill
 * measures the backup and restore of that size rather than the time to build it.
 */
async function writeHistory(orm: MikroORM, count: number): Promise<void> {
  if (count === 0) return;
  await orm.em.fork().execute(
    `insert into case_record (id, reference, case_type, business_key, status, status_version, region, citizen_id, employer_credit_code,
                              applicant_id, subject_name, opened_at, closed_at, last_progress_at, deadlines, allowed_events, summary)
     select 'hist-' || g, 'HX' || lpad(g::text, 12, '0'), 'enrollment', 'history:' || g, 'insured', 5, '330102', null, ?,
            'history-import', '历史', now() - interval '3 years', now() - interval '3 years', now() - interval '3 years', '[]', '[]', '{}'
       from generate_series(1, ?) g`,
    [EMPLOYER_330102, count],
  );
}

async function until(orm: MikroORM, sql: string, params: unknown[], expected: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const [{ n } = { n: '0' }] = await orm.em.fork().execute<{ n: string }[]>(sql, params);
    if (Number(n) >= expected) return;
    if (Date.now() > deadline) throw new Error(`waited 120 s for ${expected} rows of: ${sql} (have ${n})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function caller(url: string) {
  return async (method: string, path: string, token: string, body?: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
    return answer;
  };
}

async function fetchStatus(url: string, path: string, token: string, body: unknown): Promise<number> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.body?.cancel();
  return response.status;
}
