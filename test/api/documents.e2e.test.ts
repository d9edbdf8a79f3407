// Official documents (正式文书, issue 14 point 3) over real HTTP: every notice of the outbox is a PDF with the CJK font
// embedded, kept once per notice with its SHA-256 and size; its recipient and staff who may read the case download it,
// anyone else gets the 404 an unknown case gets (docs/api.md "Errors").
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPendingOfficialDocuments } from '../../services/documents/render-official-documents.js';
import { citizenId, creditCode } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  return parts.join('\n');
}

describe('official documents of a case (real PostgreSQL, HTTP)', () => {
  let system: TestSystem;
  const employer = creditCode();
  const petitioner = citizenId();
  const stranger = citizenId();
  const arrears = { id: `doc-ar-${randomUUID()}`, reference: `AR2026${String(randomInt(100000, 999999))}` };
  const petition = { id: `doc-xf-${randomUUID()}`, reference: `XF2026${String(randomInt(100000, 999999))}` };

  const insertCase = (c: { id: string; reference: string }, type: string, who: { citizenId: string | null; employer: string | null; applicant: string }) =>
    system.orm.em.fork().execute(
      `insert into case_record (id, reference, case_type, business_key, status, status_version, region, citizen_id, employer_credit_code,
         applicant_id, opened_at, last_progress_at, deadlines, allowed_events, summary)
       values (?, ?, ?, ?, 'open', 1, '330102', ?, ?, ?, now(), now(), '[]', '[]', '{}')`,
      [c.id, c.reference, type, c.id, who.citizenId, who.employer, who.applicant],
    );
  const insertNotice = (caseId: string, kind: 'citizen' | 'employer', recipient: string, notice: string, payload: Record<string, unknown>) =>
    system.orm.em.fork().execute(
      `insert into notice_outbox (id, case_id, recipient_kind, recipient_id, channel, kind, payload, created_at, dedupe_key)
       values (?, ?, ?, ?, 'portal', ?, ?, now(), ?)`,
      [randomUUID(), caseId, kind, recipient, notice, JSON.stringify(payload), `doc-test:${randomUUID()}`],
    );

  beforeAll(async () => {
    system = await startSystem();
    await insertCase(arrears, 'arrears', { citizenId: null, employer, applicant: 'system' });
    await insertNotice(arrears.id, 'employer', employer, 'order_to_pay', {
      reference: arrears.reference,
      status: 'ordered',
      balance: '12345.67',
      orderDue: '2026-12-31',
    });
    await insertNotice(arrears.id, 'employer', employer, 'fine_decision', { reference: arrears.reference, status: 'fined', fine: { amount: '24691.34' } });
    await insertCase(petition, 'petition', { citizenId: petitioner, employer: null, applicant: petitioner });
    await insertNotice(petition.id, 'citizen', petitioner, 'petition_accepted', { reference: petition.reference, status: 'accepted' });
  });
  afterAll(async () => system?.close());

  const download = async (href: string, token: string) => {
    const response = await fetch(`${system.url}${href}`, { headers: { authorization: `Bearer ${token}` } });
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  };

  it('issue 14 point 3: the employer downloads the order to pay and the fine decision as PDFs with the CJK font, the reference and the title', async () => {
    const agent = await system.token({ role: 'employer', employer, sub: 'agent-doc' });
    const list = await system.call('GET', `/v1/cases/${arrears.reference}/documents`, { token: agent });
    expect(list.status).toBe(200);
    expect(list.body.items.map((d: { kind: string }) => d.kind)).toEqual(['order_to_pay', 'fine_decision']);
    const [order] = list.body.items;
    expect(order.title).toBe('社会保险费限期缴纳通知书');
    const { response, bytes } = await download(order.href, agent);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(response.headers.get('x-content-sha256')).toBe(sha);
    expect(order.sha256).toBe(sha);
    expect(order.byteSize).toBe(bytes.byteLength);
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/\/FontFile[23]?/);
    const text = await pdfText(bytes);
    expect(text).toContain('社会保险费限期缴纳通知书');
    expect(text).toContain(arrears.reference);
    expect(text).toContain('12345.67');
  });

  it('rendering again gives the same row: one document and one audit entry per notice', async () => {
    const agent = await system.token({ role: 'employer', employer, sub: 'agent-doc' });
    const first = await system.call('GET', `/v1/cases/${arrears.id}/documents`, { token: agent });
    const second = await system.call('GET', `/v1/cases/${arrears.id}/documents`, { token: agent });
    expect(second.body.items).toEqual(first.body.items);
    const em = system.orm.em.fork();
    const [documents] = await em.execute<{ n: string }[]>('select count(*) as n from official_document where case_id = ?', [arrears.id]);
    expect(Number(documents!.n)).toBe(2);
    const [audits] = await em.execute<{ n: string }[]>("select count(*) as n from audit_entry where action = 'document.rendered' and detail->>'caseId' = ?", [
      arrears.id,
    ]);
    expect(Number(audits!.n)).toBe(2);
  });

  it('the petitioner reads their letter; another citizen gets 404 for the list and the PDF, as for an unknown case', async () => {
    const own = await system.token({ role: 'citizen', sub: petitioner });
    const list = await system.call('GET', `/v1/cases/${petition.reference}/documents`, { token: own });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const [letter] = list.body.items;
    const { response, bytes } = await download(letter.href, own);
    expect(response.status).toBe(200);
    expect(await pdfText(bytes)).toContain(petition.reference);

    const other = await system.token({ role: 'citizen', sub: stranger });
    expect((await system.call('GET', `/v1/cases/${petition.reference}/documents`, { token: other })).status).toBe(404);
    expect((await download(letter.href, other)).response.status).toBe(404);
    expect((await system.call('GET', '/v1/cases/XF2026999999x/documents', { token: other })).status).toBe(404);
    // The employer of another case may not read the petitioner's letter through its own case either.
    const agent = await system.token({ role: 'employer', employer, sub: 'agent-doc' });
    expect((await download(`/v1/cases/${arrears.id}/documents/${letter.documentId}`, agent)).response.status).toBe(404);
  });

  it('staff who may read the case read every document; staff of another region get 404; a bad document ID is a 400', async () => {
    const inRegion = await system.token({ role: 'caseworker', sub: 'cw-doc', region: '330102' });
    const list = await system.call('GET', `/v1/cases/${arrears.id}/documents`, { token: inRegion });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect((await download(list.body.items[1].href, inRegion)).response.status).toBe(200);
    const elsewhere = await system.token({ role: 'caseworker', sub: 'cw-doc-2', region: '330106' });
    expect((await system.call('GET', `/v1/cases/${arrears.id}/documents`, { token: elsewhere })).status).toBe(404);
    expect((await download(list.body.items[1].href, elsewhere)).response.status).toBe(404);
    const bad = await system.call('GET', `/v1/cases/${arrears.id}/documents/not-a-uuid`, { token: inRegion });
    expect(bad.status).toBe(400);
    const unknown = await system.call('GET', `/v1/cases/${arrears.id}/documents/${randomUUID()}`, { token: inRegion });
    expect(unknown.status).toBe(404);
  });

  it('the case page links to 正式文书, which lists the recipient’s letters and downloads each PDF; another citizen sees 未找到', async () => {
    const own = await system.token({ role: 'citizen', sub: petitioner });
    const page = await fetch(`${system.url}/web/cases/${petition.reference}/documents`, { headers: { cookie: `si_token=${own}` } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('信访事项受理告知书');
    const href = /href="(\/web\/cases\/[^"]+\/documents\/[0-9a-f-]{36})"/.exec(html)?.[1];
    expect(href).toBeDefined();
    const pdf = await fetch(`${system.url}${href!}`, { headers: { cookie: `si_token=${own}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    const other = await system.token({ role: 'citizen', sub: stranger });
    const refused = await fetch(`${system.url}/web/cases/${petition.reference}/documents`, { headers: { cookie: `si_token=${other}` } });
    expect(refused.status).toBe(404);
    expect((await fetch(`${system.url}${href!}`, { headers: { cookie: `si_token=${other}` } })).status).toBe(404);
  });

  it('a rendering round (the worker’s, here with the round off) takes at most its batch, oldest first, and stamps each notice', async () => {
    // Every notice of this file's earlier tests was rendered by their listings: the three below are all that is pending.
    const later = { id: `doc-xf-${randomUUID()}`, reference: `XF2026${String(randomInt(100000, 999999))}` };
    await insertCase(later, 'petition', { citizenId: petitioner, employer: null, applicant: petitioner });
    for (const kind of ['petition_registered', 'petition_accepted', 'petition_extended']) {
      await insertNotice(later.id, 'citizen', petitioner, kind, { reference: later.reference, status: 'accepted' });
    }
    const em = system.orm.em.fork();
    const stamped = async () =>
      (
        await em.execute<{ kind: string }[]>('select kind from notice_outbox where case_id = ? and rendered_at is not null order by created_at, id', [later.id])
      ).map((row) => row.kind);
    expect(await renderPendingOfficialDocuments(em, system.clock, 2)).toMatchObject({ rendered: 2, failed: 0 });
    expect(await stamped()).toEqual(['petition_registered', 'petition_accepted']);
    expect(await renderPendingOfficialDocuments(em, system.clock, 2)).toMatchObject({ rendered: 1, failed: 0 });
    expect(await renderPendingOfficialDocuments(em, system.clock, 2)).toMatchObject({ rendered: 0, failed: 0 });
    expect(await stamped()).toHaveLength(3);
    const own = await system.token({ role: 'citizen', sub: petitioner });
    const list = await system.call('GET', `/v1/cases/${later.reference}/documents`, { token: own });
    expect(list.body.items.map((d: { kind: string }) => d.kind)).toEqual(['petition_registered', 'petition_accepted', 'petition_extended']);
  });

  it('two workers’ rounds at once claim different notices (for update skip locked): each letter is rendered once, one document and one audit entry each', async () => {
    const busy = { id: `doc-xf-${randomUUID()}`, reference: `XF2026${String(randomInt(100000, 999999))}` };
    await insertCase(busy, 'petition', { citizenId: petitioner, employer: null, applicant: petitioner });
    for (const kind of ['petition_registered', 'petition_accepted', 'petition_extended', 'petition_reply', 'petition_closed', 'petition_opinion']) {
      await insertNotice(busy.id, 'citizen', petitioner, kind, { reference: busy.reference, status: 'accepted' });
    }
    const [first, second] = await Promise.all([
      renderPendingOfficialDocuments(system.orm.em.fork(), system.clock, 4),
      renderPendingOfficialDocuments(system.orm.em.fork(), system.clock, 4),
    ]);
    expect(first.noticeIds.filter((id) => second.noticeIds.includes(id))).toEqual([]);
    expect(first.rendered + second.rendered).toBe(6);
    expect(first.failed + second.failed).toBe(0);
    const em = system.orm.em.fork();
    const [counts] = await em.execute<{ documents: string; audits: string; claimed: string }[]>(
      `select (select count(*) from official_document where case_id = ?) as documents,
              (select count(*) from audit_entry where action = 'document.rendered' and detail->>'caseId' = ?) as audits,
              (select count(*) from notice_outbox where case_id = ? and render_claimed_until is not null) as claimed`,
      [busy.id, busy.id, busy.id],
    );
    expect(counts).toEqual({ documents: '6', audits: '6', claimed: '0' });
  });

  it('a notice claimed by a round whose worker died waits for the claim to expire, then the next round renders it', async () => {
    const orphan = { id: `doc-xf-${randomUUID()}`, reference: `XF2026${String(randomInt(100000, 999999))}` };
    await insertCase(orphan, 'petition', { citizenId: petitioner, employer: null, applicant: petitioner });
    await insertNotice(orphan.id, 'citizen', petitioner, 'petition_registered', { reference: orphan.reference, status: 'accepted' });
    const em = system.orm.em.fork();
    await em.execute("update notice_outbox set render_claimed_until = clock_timestamp() + interval '1 hour' where case_id = ?", [orphan.id]);
    expect(await renderPendingOfficialDocuments(em, system.clock, 5)).toMatchObject({ rendered: 0 });
    await em.execute("update notice_outbox set render_claimed_until = clock_timestamp() - interval '1 second' where case_id = ?", [orphan.id]);
    expect(await renderPendingOfficialDocuments(em, system.clock, 5)).toMatchObject({ rendered: 1 });
  });
});
