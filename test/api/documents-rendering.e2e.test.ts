// Official documents rendered at send time (正式文书, issue 14 point 3): the worker's rendering round turns each new
// notice of the outbox into its PDF off the request path, so listing a case's documents only reads; rendering is
// idempotent by notice id whoever renders (the worker, a listing, two at once).
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOfficialDocuments } from '../../services/documents/render-official-documents.js';
import { citizenId } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';

describe('official documents rendered by the worker (real PostgreSQL, HTTP)', () => {
  let system: TestSystem;
  const petitioner = citizenId();

  const insertCase = (c: { id: string; reference: string }, who: string) =>
    system.orm.em.fork().execute(
      `insert into case_record (id, reference, case_type, business_key, status, status_version, region, citizen_id, employer_credit_code,
         applicant_id, opened_at, last_progress_at, deadlines, allowed_events, summary)
       values (?, ?, 'petition', ?, 'open', 1, '330102', ?, null, ?, now(), now(), '[]', '[]', '{}')`,
      [c.id, c.reference, c.id, who, who],
    );
  const insertNotice = async (caseId: string, reference: string, kind: string): Promise<string> => {
    const id = randomUUID();
    await system.orm.em.fork().execute(
      `insert into notice_outbox (id, case_id, recipient_kind, recipient_id, channel, kind, payload, created_at, dedupe_key)
       values (?, ?, 'citizen', ?, 'portal', ?, ?, now(), ?)`,
      [id, caseId, petitioner, kind, JSON.stringify({ reference, status: 'accepted' }), `doc-render-test:${id}`],
    );
    return id;
  };
  const newCase = async () => {
    const c = { id: `doc-render-${randomUUID()}`, reference: `XF2026${String(randomInt(100000, 999999))}` };
    await insertCase(c, petitioner);
    return c;
  };
  const documentsOf = (noticeIds: string[]) =>
    system.orm.em
      .fork()
      .execute<{ notice_id: string; id: string; rendered: boolean }[]>(
        `select d.notice_id, d.id, n.rendered_at is not null as rendered from official_document d join notice_outbox n on n.id = d.notice_id where d.notice_id in (${noticeIds.map(() => '?').join(', ')})`,
        noticeIds,
      );
  const renderedAudits = async (caseId: string) => {
    const [row] = await system.orm.em
      .fork()
      .execute<{ n: string }[]>("select count(*) as n from audit_entry where action = 'document.rendered' and detail->>'caseId' = ?", [caseId]);
    return Number(row!.n);
  };

  beforeAll(async () => {
    system = await startSystem({ documentRendering: { batch: 5, everyMs: 200 } });
  });
  afterAll(async () => system?.close());

  it('issue 14 point 3: a notice written to the outbox gets its PDF from the worker before anyone lists the case; the listing then only reads', async () => {
    const petition = await newCase();
    const noticeIds = [
      await insertNotice(petition.id, petition.reference, 'petition_registered'),
      await insertNotice(petition.id, petition.reference, 'petition_accepted'),
    ];
    const rendered = await system.eventually(async () => {
      const rows = await documentsOf(noticeIds);
      return rows.length === 2 && rows.every((row) => row.rendered) ? rows : undefined;
    });
    expect(await renderedAudits(petition.id)).toBe(2);

    const own = await system.token({ role: 'citizen', sub: petitioner });
    const list = await system.call('GET', `/v1/cases/${petition.reference}/documents`, { token: own });
    expect(list.status).toBe(200);
    expect(list.body.items.map((d: { documentId: string }) => d.documentId).sort()).toEqual(rendered.map((row) => row.id).sort());
    const response = await fetch(`${system.url}${list.body.items[0].href}`, { headers: { authorization: `Bearer ${own}` } });
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    // Nothing was rendered for the listing: still one document and one audit entry per notice.
    expect(await documentsOf(noticeIds)).toHaveLength(2);
    expect(await renderedAudits(petition.id)).toBe(2);
  });

  it('rendering the same notice twice at once, beside the worker, keeps one document and one audit entry', async () => {
    const petition = await newCase();
    const noticeId = await insertNotice(petition.id, petition.reference, 'petition_reply');
    await Promise.all([
      renderOfficialDocuments(system.orm.em.fork(), system.clock, { noticeIds: [noticeId] }),
      renderOfficialDocuments(system.orm.em.fork(), system.clock, { noticeIds: [noticeId] }),
    ]);
    await system.eventually(async () => ((await documentsOf([noticeId]))[0]?.rendered ? true : undefined));
    expect(await documentsOf([noticeId])).toHaveLength(1);
    expect(await renderedAudits(petition.id)).toBe(1);
    expect(await renderOfficialDocuments(system.orm.em.fork(), system.clock, { noticeIds: [noticeId] })).toBe(0);
  });
});
