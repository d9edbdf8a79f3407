// Petitions for the command tests: filed through the intake command (with a recording workflow port), then moved to
// the state a test needs by writing the read model the workflow would have projected.
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { CaseRow } from '../../../db/queries/case.query.js';
import type { Actor } from '../../../policies/abilities.js';
import { filePetition, type PetitionFiling } from '../../../services/petitions/file-petition.js';
import { contextOn, recordingWorkflows } from '../../support/command-context.js';
import { citizenId } from '../../support/factories.js';

export const petitionFiling = (overrides: Partial<PetitionFiling> = {}): PetitionFiling => ({
  channel: 'letter',
  region: '330102',
  request: `补发失业保险金 ${randomUUID()}`,
  facts: '2025年3月离职后仅发放两个月',
  reasons: '缴费满三年应领取十二个月',
  ...overrides,
});

export const aCitizen = (): Actor => ({ id: citizenId(), role: 'citizen' });

/** A petition filed by a new citizen; the workflow start went to a recording port. */
export async function filedPetition(orm: MikroORM, overrides: Partial<PetitionFiling> = {}): Promise<{ row: CaseRow; petitioner: Actor }> {
  const petitioner = aCitizen();
  const row = await filePetition(contextOn(orm, petitioner, { workflows: recordingWorkflows() }), petitionFiling(overrides));
  return { row, petitioner };
}

/** What the workflow projects once an opinion is issued (and, for a letter, once its delivery is recorded). */
export async function projectOpinion(
  orm: MikroORM,
  caseId: string,
  state: {
    status: string;
    opinion?: { issuedOn: string; deliveredOn?: string | null };
    review?: { issuedOn: string; deliveredOn?: string | null };
    deadlines?: unknown[];
  },
): Promise<void> {
  const summary = {
    channel: 'letter',
    opinion: state.opinion ? { kind: 'explain', ...state.opinion } : null,
    review: state.review ? { kind: 'support', ...state.review } : null,
  };
  await orm.em
    .fork()
    .execute('update case_record set status = ?, summary = ?, deadlines = ? where id = ?', [
      state.status,
      JSON.stringify(summary),
      JSON.stringify(state.deadlines ?? []),
      caseId,
    ]);
}
