import type { EntityManager } from '@mikro-orm/postgresql';

/** An official document as lists show it (the bytes are fetched one document at a time). */
export interface OfficialDocumentView {
  id: string;
  noticeId: string;
  caseId: string;
  kind: string;
  title: string;
  issuedOn: string;
  sha256: string;
  byteSize: number;
  recipientKind: 'citizen' | 'employer';
  recipientId: string;
}

interface Row {
  id: string;
  notice_id: string;
  case_id: string;
  kind: string;
  title: string;
  issued_on: string | Date;
  sha256: string;
  byte_size: number;
  recipient_kind: 'citizen' | 'employer';
  recipient_id: string;
}

const COLUMNS = 'id, notice_id, case_id, kind, title, issued_on::text as issued_on, sha256, byte_size, recipient_kind, recipient_id';

function view(row: Row): OfficialDocumentView {
  return {
    id: row.id,
    noticeId: row.notice_id,
    caseId: row.case_id,
    kind: row.kind,
    title: row.title,
    issuedOn: String(row.issued_on),
    sha256: row.sha256,
    byteSize: Number(row.byte_size),
    recipientKind: row.recipient_kind,
    recipientId: row.recipient_id,
  };
}

/**
 * The case's documents, oldest first. `recipient` scopes the list in SQL to the documents addressed to that one
 * citizen or employer (what a non-staff caller may read); without it, every document of the case (staff who may read it).
 */
export async function listCaseDocuments(
  em: EntityManager,
  caseId: string,
  recipient: { kind: 'citizen' | 'employer'; id: string } | null,
): Promise<OfficialDocumentView[]> {
  const scope = recipient ? 'and recipient_kind = ? and recipient_id = ?' : '';
  const params = recipient ? [caseId, recipient.kind, recipient.id] : [caseId];
  const rows = await em.execute<Row[]>(`select ${COLUMNS} from official_document where case_id = ? ${scope} order by created_at, id`, params);
  return rows.map(view);
}

/** One document of the case with its bytes, or null. */
export async function findCaseDocument(em: EntityManager, caseId: string, documentId: string): Promise<(OfficialDocumentView & { content: Buffer }) | null> {
  const [row] = await em.execute<(Row & { content: Buffer })[]>(`select ${COLUMNS}, content from official_document where case_id = ? and id = ?`, [
    caseId,
    documentId,
  ]);
  return row ? { ...view(row), content: Buffer.from(row.content) } : null;
}

/** True when the case has a notice addressed to this recipient (they may see the case's documents sent to them). */
export async function isNoticeRecipient(em: EntityManager, caseId: string, recipient: { kind: 'citizen' | 'employer'; id: string }): Promise<boolean> {
  const rows = await em.execute<{ one: number }[]>('select 1 as one from notice_outbox where case_id = ? and recipient_kind = ? and recipient_id = ? limit 1', [
    caseId,
    recipient.kind,
    recipient.id,
  ]);
  return rows.length > 0;
}
