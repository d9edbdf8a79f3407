import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CN_CALENDAR_YEARS } from '../../domain/calendar/default-calendar.js';
import { addDays, daysBetween, shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { computeDeadline } from '../../domain/case/deadline-clock.js';
import { businessDates } from '../support/business-dates.js';
import { citizenId } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

interface Stored {
  attachmentId: string;
  sha256: string;
  errors: { path: string; message: string }[];
}
interface PetitionViewBody {
  status: string;
  deliveredOn?: string | null;
  timeline?: { action: string; detail: Record<string, unknown> }[];
  deadlines: { name: string; unit: string; remainingDays: number; dueDate?: string }[];
  documents: { kind: string; content: Record<string, unknown> & { opinion?: unknown; reference?: string } }[];
}
const caseIds = (body: unknown) => (body as { items: { caseId: string }[] }).items.map((item) => item.caseId);

const petitionBody = (overrides: Record<string, unknown> = {}) => ({
  channel: 'online',
  region: '330102',
  request: `补发失业保险金 ${randomUUID()}`,
  facts: '2025年3月离职后仅发放两个月',
  reasons: '缴费满三年应领取十二个月',
  ...overrides,
});

describe('petitions through the API (real PostgreSQL, Temporal dev server, worker, HTTP)', () => {
  let system: TestSystem;
  let alice: { id: string; token: string };
  let bob: { id: string; token: string };
  let caseworker: string;
  let cityCaseworker: string;

  const upload = async (token: string, bytes: Uint8Array, name = 'letter.pdf', type = 'application/pdf') => {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), name);
    const response = await fetch(`${system.url}/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: response.status, body: (await response.json()) as Stored };
  };
  const count = async (sql: string) => Number((await system.orm.em.fork().execute<{ n: string }[]>(sql))[0]?.n);
  const counts = async () => ({
    cases: await count(`select count(*) as n from case_record where case_type = 'petition'`),
    attachments: await count('select count(*) as n from attachment'),
    petitions: await count('select count(*) as n from petition'),
  });

  beforeAll(async () => {
    system = await startSystem();
    const citizen = async () => {
      const id = citizenId();
      return { id, token: await system.token({ role: 'citizen', sub: id }) };
    };
    [alice, bob] = [await citizen(), await citizen()];
    caseworker = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-031' });
    cityCaseworker = await system.token({ role: 'caseworker', region: '330100', sub: 'cw-100' });
  });
  afterAll(async () => system?.close());

  it('registers a petition with an attachment, answers its reference, and shows the petitioner the 15-day deadline and the registration notice (§7 arts. 17, 23)', async () => {
    const stored = await upload(alice.token, PDF);
    expect(stored.status).toBe(201);
    expect(stored.body.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));

    const key = randomUUID();
    const body = petitionBody({ attachmentIds: [stored.body.attachmentId], representatives: [{ name: '李四', citizenId: citizenId() }] });
    const started = await system.call('POST', '/v1/petitions', { token: alice.token, body, headers: { 'idempotency-key': key } });
    expect(started.status).toBe(202);
    expect(started.body.reference).toMatch(/^XF2026\d{6}$/);
    const again = await system.call('POST', '/v1/petitions', { token: alice.token, body, headers: { 'idempotency-key': key } });
    expect(again.body.caseId).toBe(started.body.caseId);

    const view = await system.eventually(async () => {
      const answer = await system.call('GET', `/v1/petitions/${started.body.reference}`, { token: alice.token });
      const body = answer.body as PetitionViewBody;
      return body.status === 'registered' && body.documents.length > 0 ? body : undefined;
    });
    expect(view.deadlines).toEqual([expect.objectContaining({ name: 'acceptanceDecision', unit: 'calendar', remainingDays: expect.any(Number) })]);
    expect(view.deadlines[0]?.remainingDays).toBeGreaterThanOrEqual(15);
    expect(view.documents[0]).toMatchObject({ kind: 'petition_registered', content: { reference: started.body.reference } });
    const download = await fetch(`${system.url}/v1/attachments/${stored.body.attachmentId}`, { headers: { authorization: `Bearer ${alice.token}` } });
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
  });

  it('shows petitioner B nothing of petitioner A: not the petition by reference or ID, not the case, not the attachment (§7, docs/architecture.md Permissions)', async () => {
    const stored = await upload(alice.token, PDF);
    const started = await system.call('POST', '/v1/petitions', { token: alice.token, body: petitionBody({ attachmentIds: [stored.body.attachmentId] }) });
    for (const path of [
      `/v1/petitions/${started.body.reference}`,
      `/v1/petitions/${started.body.caseId}`,
      `/v1/cases/${started.body.reference}`,
      `/v1/attachments/${stored.body.attachmentId}`,
    ]) {
      const answer = await system.call('GET', path, { token: bob.token });
      expect(answer.status, path).toBe(404);
    }
    // B cannot file A's upload with a petition of their own either.
    const hijack = await system.call('POST', '/v1/petitions', { token: bob.token, body: petitionBody({ attachmentIds: [stored.body.attachmentId] }) });
    expect(hijack.status).toBe(400);
    expect(hijack.body.errors[0].path).toBe('attachmentIds');
    // Staff of the region read the filed attachment with the case.
    const staff = await fetch(`${system.url}/v1/attachments/${stored.body.attachmentId}`, { headers: { authorization: `Bearer ${caseworker}` } });
    expect(staff.status).toBe(200);
  });

  it('never shows a whistle-blowing petition to the staff member it accuses, in the case, the list or the attachment; a reviewer sees it (§7 art. 36 para. 3)', async () => {
    const stored = await upload(alice.token, PDF);
    const started = await system.call('POST', '/v1/petitions', {
      token: alice.token,
      body: petitionBody({ whistleblowing: { accusedStaff: ['cw-666'] }, attachmentIds: [stored.body.attachmentId] }),
    });
    expect(started.status).toBe(202);
    const accused = await system.token({ role: 'reviewer', region: '330102', sub: 'cw-666' });
    const reviewer = await system.token({ role: 'reviewer', region: '330102', sub: 'rv-001' });

    const seen = await system.call('GET', `/v1/cases/${started.body.caseId}`, { token: reviewer });
    expect(seen.status).toBe(200);
    expect((await system.call('GET', `/v1/cases/${started.body.caseId}`, { token: accused })).status).toBe(404);
    expect((await fetch(`${system.url}/v1/attachments/${stored.body.attachmentId}`, { headers: { authorization: `Bearer ${accused}` } })).status).toBe(404);
    const list = await system.call('GET', '/v1/cases?type=petition&limit=100', { token: accused });
    expect(list.status).toBe(200);
    expect(caseIds(list.body)).not.toContain(started.body.caseId);
    const reviewerList = await system.call('GET', '/v1/cases?type=petition&limit=100', { token: reviewer });
    expect(caseIds(reviewerList.body)).toContain(started.body.caseId);
    // Sensitive: a front-line caseworker of the same region does not see it either.
    expect((await system.call('GET', `/v1/cases/${started.body.caseId}`, { token: caseworker })).status).toBe(404);

    // Down to its tasks: the reviewer sees the acceptance task; the accused finds it in no worklist and cannot touch it.
    const taskId = await system.eventually(async () => {
      const team = await system.call('GET', '/v1/tasks?view=team&caseType=petition&limit=100', { token: reviewer });
      return team.body.items.find((item: { caseId: string }) => item.caseId === started.body.caseId)?.taskId as string | undefined;
    });
    for (const view of ['available', 'team', 'overdue']) {
      const worklist = await system.call('GET', `/v1/tasks?view=${view}&limit=100`, { token: accused });
      expect(worklist.body.items.map((item: { caseId: string }) => item.caseId)).not.toContain(started.body.caseId);
    }
    expect((await system.call('GET', `/v1/tasks/${taskId}`, { token: accused })).status).toBe(404);
    expect((await system.call('POST', `/v1/tasks/${taskId}/claim`, { token: accused })).status).toBe(404);
  });

  it('refuses bad input and writes nothing: six representatives, an empty request, a disallowed or oversized attachment (§7 art. 20)', async () => {
    const before = await counts();
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `代表${i}`, citizenId: citizenId() }));
    const tooMany = await system.call('POST', '/v1/petitions', { token: alice.token, body: petitionBody({ representatives: six }) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0]).toMatchObject({ path: 'representatives', message: expect.stringMatching(/at most 5/) });

    const empty = await system.call('POST', '/v1/petitions', { token: alice.token, body: petitionBody({ request: '   ' }) });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe('request');

    const script = await upload(alice.token, new TextEncoder().encode('#!/bin/sh\necho hi\n'), 'scan.pdf', 'application/pdf');
    expect(script.status).toBe(400);
    expect(script.body.errors[0]?.path).toBe('file');
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF.slice(0, 8));
    const oversized = await upload(alice.token, big);
    expect(oversized.status).toBe(400);
    expect(oversized.body.errors[0]).toMatchObject({ path: 'file', message: expect.stringMatching(/larger than/) });

    const employer = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-040' });
    expect((await system.call('POST', '/v1/petitions', { token: employer, body: petitionBody() })).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('takes a petition through acceptance, the reply, a rating and a review by the parent body through the task API; the petitioner sees each deadline and document (§7 arts. 23, 32, 34, 35)', async () => {
    const started = await system.call('POST', '/v1/petitions', { token: alice.token, body: petitionBody() });
    const decide = async (token: string, status: string, outcome: string, extra: Record<string, unknown> = {}) => {
      const task = await system.eventually(async () => {
        const list = await system.call('GET', '/v1/tasks?view=available&caseType=petition&limit=100', { token });
        return (list.body as { items?: { caseId: string; taskId: string }[] }).items?.find((t) => t.caseId === started.body.caseId);
      });
      const claimed = await system.call('POST', `/v1/tasks/${task.taskId}/claim`, { token });
      expect(claimed.status).toBe(200);
      const done = await system.call('POST', `/v1/tasks/${task.taskId}/complete`, { token, body: { outcome, comment: '', data: {}, ...extra } });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      return system.eventually(async () => {
        const view = await system.call('GET', `/v1/petitions/${started.body.reference}`, { token: alice.token });
        const body = view.body as PetitionViewBody;
        return body.status === status ? body : undefined;
      });
    };
    const inProgress = await decide(caseworker, 'inProgress', 'accept');
    expect(inProgress.deadlines).toEqual([expect.objectContaining({ name: 'handling', unit: 'calendar' })]);
    expect(inProgress.deadlines[0]?.remainingDays).toBeGreaterThanOrEqual(60);

    const grounds = { facts: '已核实缴费记录', reasons: '缴费满三年', legalBasis: '《失业保险条例》第十七条' };
    const replied = await decide(caseworker, 'opinionIssued', 'support', { data: grounds });
    expect(replied.deadlines).toEqual([expect.objectContaining({ name: 'reviewRequest', remainingDays: expect.any(Number) })]);
    expect(replied.documents.map((d) => d.kind)).toEqual(['petition_registered', 'petition_accepted', 'petition_reply']);
    expect(replied.documents[2]?.content.opinion).toMatchObject({ kind: 'support', legalBasis: grounds.legalBasis });
    expect(JSON.stringify(replied)).not.toContain('cw-031'); // no staff names in the petitioner's view

    expect((await system.call('POST', `/v1/petitions/${started.body.reference}/rating`, { token: alice.token, body: { score: 5 } })).status).toBe(200);
    expect((await system.call('POST', `/v1/petitions/${started.body.reference}/rating`, { token: alice.token, body: { score: 1 } })).status).toBe(409);
    expect((await system.call('POST', `/v1/petitions/${started.body.reference}/review-requests`, { token: bob.token, body: { stage: 'review' } })).status).toBe(
      404,
    );
    const asked = await system.call('POST', `/v1/petitions/${started.body.reference}/review-requests`, { token: alice.token, body: { stage: 'review' } });
    expect(asked.status).toBe(200);

    // The review body is the parent region (330100): its caseworker finds the task and may read the case.
    const reviewed = await decide(cityCaseworker, 'reviewed', 'explain', { data: grounds });
    expect(reviewed.documents.map((d) => d.kind)).toContain('petition_review_opinion');
    expect((await system.call('GET', `/v1/cases/${started.body.caseId}`, { token: cityCaseworker })).status).toBe(200);
    const notices = await system.orm.em
      .fork()
      .execute<{ kind: string }[]>('select kind from notice_outbox where case_id = ? order by created_at', [started.body.caseId]);
    expect(notices.map((n) => n.kind)).toEqual(['petition_registered', 'petition_accepted', 'petition_reply', 'petition_review_opinion']);
  });

  it('documents the petition and attachment routes in the OpenAPI document (docs/api.md General)', async () => {
    const doc = await system.call('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys((doc.body as { paths: Record<string, unknown> }).paths)).toEqual(
      expect.arrayContaining([
        '/v1/petitions',
        '/v1/petitions/{reference}',
        '/v1/petitions/{reference}/review-requests',
        '/v1/attachments',
        '/v1/attachments/{attachmentId}',
      ]),
    );
  });

  it('refuses a review asked for one day after the 30-day window with 422 naming the last day, and changes nothing (§7 art. 35, E12)', async () => {
    const started = await system.call('POST', '/v1/petitions', { token: alice.token, body: petitionBody() });
    await system.eventually(async () =>
      (await system.call('GET', `/v1/petitions/${started.body.reference}`, { token: alice.token })).body.status === 'registered' ? true : undefined,
    );
    // The acceptance task is opened just after the status is projected: wait for it, so "changes nothing" compares against it.
    await system.eventually(async () =>
      (await system.orm.em.fork().execute('select 1 from task where case_id = ?', [started.body.caseId])).length > 0 ? true : undefined,
    );
    // A reply whose window ended yesterday (the day count rolls over rest days, so find such a reply date).
    const today = shanghaiDateOf(Date.now());
    const yesterday = addDays(today, -1);
    const candidates = Array.from({ length: 20 }, (_, i) => addDays(today, -31 - i));
    const issuedOn = candidates.find((day) => computeDeadline(CN_CALENDAR_YEARS, day, 30, 'calendar').dueDate === yesterday) ?? candidates[10]!;
    const lastDay = computeDeadline(CN_CALENDAR_YEARS, issuedOn, 30, 'calendar').dueDate;
    expect(lastDay < today).toBe(true);
    await system.orm.em
      .fork()
      .execute(`update case_record set status = 'concluded', summary = ? where id = ?`, [
        JSON.stringify({ opinion: { kind: 'explain', issuedOn } }),
        started.body.caseId,
      ]);

    const late = await system.call('POST', `/v1/petitions/${started.body.reference}/review-requests`, { token: alice.token, body: { stage: 'review' } });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'REVIEW_WINDOW_CLOSED', detail: expect.stringContaining(`by ${lastDay}`) });
    const tasks = await system.orm.em.fork().execute<{ step: string }[]>('select step from task where case_id = ?', [started.body.caseId]);
    expect(tasks.map((t) => t.step)).toEqual(['acceptance']);
  });

  it('records a faxed petition’s reply delivery through the API by staff of the region, not by the petitioner, and shows the review window from the day of delivery (§7 arts. 17, 35)', async () => {
    const started = await system.call('POST', '/v1/petitions', { token: alice.token, body: petitionBody({ channel: 'fax' }) });
    expect(started.status).toBe(202);
    const reference = started.body.reference as string;
    const view = async () => (await system.call('GET', `/v1/petitions/${reference}`, { token: alice.token })).body as PetitionViewBody;
    const decide = async (status: string, outcome: string, data: Record<string, unknown> = {}) => {
      const task = await system.eventually(async () => {
        const list = await system.call('GET', '/v1/tasks?view=available&caseType=petition&limit=100', { token: caseworker });
        return (list.body as { items?: { caseId: string; taskId: string }[] }).items?.find((t) => t.caseId === started.body.caseId);
      });
      expect((await system.call('POST', `/v1/tasks/${task.taskId}/claim`, { token: caseworker })).status).toBe(200);
      const done = await system.call('POST', `/v1/tasks/${task.taskId}/complete`, { token: caseworker, body: { outcome, comment: '', data } });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      return system.eventually(async () => {
        const body = await view();
        return body.status === status ? body : undefined;
      });
    };
    await decide('inProgress', 'accept');
    const awaiting = await decide('opinionIssued', 'explain', { facts: '已核实缴费记录', reasons: '缴费满三年', legalBasis: '《失业保险条例》第十七条' });
    // Answered by letter: no window yet, until the receipt is back.
    expect(awaiting.deliveredOn).toBeNull();
    expect(awaiting.deadlines.map((d) => d.name)).not.toContain('reviewRequest');

    const dates = businessDates(system.clock);
    const { today } = dates;
    const deliveries = `/v1/petitions/${reference}/deliveries`;
    const record = (token: string, body: unknown) => system.call('POST', deliveries, { token, body });
    expect((await record(alice.token, { document: 'opinion', receivedOn: today })).status).toBe(403);
    expect((await record(await system.token({ role: 'caseworker', region: '330106', sub: 'cw-106' }), { document: 'opinion', receivedOn: today })).status).toBe(
      404,
    );
    for (const receivedOn of [dates.day(1), '2026-13-01', 'yesterday']) {
      const bad = await record(caseworker, { document: 'opinion', receivedOn });
      expect(bad.status, receivedOn).toBe(400);
      expect(bad.body.errors[0].path, receivedOn).toBe('receivedOn');
    }
    const noReview = await record(caseworker, { document: 'review', receivedOn: today });
    expect(noReview.status).toBe(409);
    expect(noReview.body.code).toBe('NOT_ALLOWED_NOW');

    const windowEnd = computeDeadline(CN_CALENDAR_YEARS, today, 30, 'calendar').dueDate;
    const recorded = await record(caseworker, { document: 'opinion', receivedOn: today });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body.deadlines).toEqual([expect.objectContaining({ name: 'reviewRequest', dueDate: windowEnd })]);
    // The same record sent again is answered alike and applied once (one timeline line, one audit entry below).
    expect((await record(caseworker, { document: 'opinion', receivedOn: today })).status).toBe(200);

    const shown = await view();
    expect(shown.deliveredOn).toBe(today);
    expect(shown.deadlines).toEqual([expect.objectContaining({ name: 'reviewRequest', dueDate: windowEnd, remainingDays: daysBetween(today, windowEnd) })]);
    expect(shown.timeline?.filter((line) => line.action === 'petition.delivered').map((line) => line.detail)).toEqual([
      { document: 'opinion', receivedOn: today },
    ]);
    expect(JSON.stringify(shown)).not.toContain('cw-031');
    const auditor = await system.token({ role: 'auditor', region: '330102', sub: 'au-031' });
    const audit = await system.call('GET', `/v1/audit-entries?objectId=${started.body.caseId}&action=petition.delivered`, { token: auditor });
    expect(audit.body.items.map((item: { actorId: string }) => item.actorId)).toEqual(['cw-031']);
    const doc = await system.call('GET', '/openapi.json');
    expect(Object.keys((doc.body as { paths: Record<string, unknown> }).paths)).toContain('/v1/petitions/{reference}/deliveries');
  });
});
