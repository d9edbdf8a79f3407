import { createHash } from 'node:crypto';
import { regionsOfPerson } from '../../db/queries/insurance-record.query.js';
import { recordCertificate } from '../../db/writers/certificates.js';
import { DomainError } from '../../domain/errors.js';
import { maskName } from '../../domain/identity/masking.js';
import type { CommandContext } from '../command-context.js';
import { renderCertificatePdf } from './certificate-pdf.js';
import { newCertificateCode } from './certificate-code.js';
import { readPersonalRecord } from './read-personal-record.js';

/** The public page where a code is checked (api/web/pages/verify.page.tsx). */
export const VERIFY_PATH = '/web/verify';

/**
 * 参保证明 (POST /v1/persons/{citizenId}/certificates): renders the person's record as a PDF with a new verification
 * code and records the code, the masked name and the PDF's SHA-256. The person themself asks for it, or staff who may
 * read the person unmasked print it at the counter; others who may read the record get 403, anyone else 404.
 */
export async function issueCertificate(ctx: CommandContext, citizenId: string): Promise<{ code: string; sha256: string; pdf: Buffer }> {
  const record = await readPersonalRecord(ctx, citizenId);
  if (!record.unmasked)
    throw new DomainError('FORBIDDEN', 'A certificate shows the full ID number: only the person or staff of their region may have one issued');
  const code = newCertificateCode();
  const issuedAt = ctx.clock.now();
  const issuedOn = ctx.clock.today();
  const pdf = await renderCertificatePdf({ record, code, issuedOn, issuedAt, verifyPath: VERIFY_PATH });
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const [region] = await regionsOfPerson(ctx.em, citizenId);
  await recordCertificate(
    ctx.em,
    { code, citizenId, maskedName: maskName(record.name ?? ''), issuedOn, sha256 },
    { actor: ctx.actor, requestId: ctx.requestId, now: issuedAt, region: region ?? null },
  );
  return { code, sha256, pdf };
}
