import { caseSubjectOf, findCase, type CaseRow } from '../../db/queries/case.query.js';
import { findPetition } from '../../db/queries/petition.query.js';
import { DomainError } from '../../domain/errors.js';
import { visibleOrNotFound } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

export type PetitionRecord = NonNullable<Awaited<ReturnType<typeof findPetition>>>;

const notFound = (idOrReference: string) => new DomainError('CASE_NOT_FOUND', `No petition ${idOrReference}`);

/**
 * The caller's own petition by reference or case ID. Anything else — unknown, someone else's, not a petition, or a
 * staff caller — is the same 404, so references cannot be probed. The petition row decides, not the case row: an
 * anonymous petition carries no ID number on the case, yet stays its petitioner's.
 */
export async function ownPetition(ctx: CommandContext, idOrReference: string): Promise<{ row: CaseRow; petition: PetitionRecord }> {
  const row = await findCase(ctx.em, idOrReference);
  const petition = row && row.type === 'petition' ? await findPetition(ctx.em, row.caseId) : null;
  if (!row || !petition || ctx.actor.role !== 'citizen' || petition.petitionerId !== ctx.actor.id) throw notFound(idOrReference);
  return { row, petition };
}

/**
 * A petition case as staff may read it: 404 for an unknown one and for one the caller may not read (another region,
 * a sensitive petition below reviewer level, a whistle-blowing petition that accuses the caller — policies/abilities.ts).
 */
export async function visiblePetitionCase(ctx: CommandContext, idOrReference: string): Promise<CaseRow> {
  const row = await findCase(ctx.em, idOrReference);
  return visibleOrNotFound(ctx, row?.type === 'petition' ? row : null, 'Case', caseSubjectOf, {
    code: 'CASE_NOT_FOUND',
    message: notFound(idOrReference).message,
  });
}

/** The written opinion a delivery or a review request is about, as the case's read model holds it. */
export interface OpinionOnRecord {
  issuedOn: string;
  deliveredOn?: string | null;
}

export function opinionOnRecord(row: CaseRow, document: 'opinion' | 'review'): OpinionOnRecord | null {
  const value = row.summary[document];
  if (typeof value !== 'object' || value === null) return null;
  const { issuedOn, deliveredOn } = value as Record<string, unknown>;
  if (typeof issuedOn !== 'string') return null;
  return { issuedOn, deliveredOn: typeof deliveredOn === 'string' ? deliveredOn : null };
}
