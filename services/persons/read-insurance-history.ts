import { paidDeclaredMonths, personRecords, regionsOfPerson } from '../../db/queries/insurance-record.query.js';
import { monthOf } from '../../domain/calendar/local-date.js';
import { DomainError } from '../../domain/errors.js';
import { buildInsuranceHistory, type InsuranceHistory } from '../../domain/insurance/insurance-history.js';
import { may } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/**
 * 个人权益记录: a person's periods per insurance and employer and their contribution months, from the records and the
 * bills paid (benefit and transfer cases count these months). The person themself may read it, and staff of a region
 * where the person has a record; anyone else gets the same 404 an unknown person gets.
 */
export async function readInsuranceHistory(ctx: CommandContext, citizenId: string): Promise<InsuranceHistory & { citizenId: string; unmasked: boolean }> {
  const regions = await regionsOfPerson(ctx.em, citizenId);
  const subjects = (regions.length > 0 ? regions : ['']).map((region) => ({ citizenId, region }));
  const visible = subjects.some((s) => may(ctx, 'read', 'Person', s));
  if (!visible || regions.length === 0) throw new DomainError('PERSON_NOT_FOUND', 'No insurance record for this person', { path: 'citizenId' });
  const [records, paid] = await Promise.all([personRecords(ctx.em, citizenId), paidDeclaredMonths(ctx.em, citizenId)]);
  const history = buildInsuranceHistory(
    records,
    monthOf(ctx.clock.today()),
    (record, month) => record.employerCreditCode !== null && (paid.get(`${record.employerCreditCode}:${month}`)?.has(record.insuranceType) ?? false),
  );
  return { ...history, citizenId, unmasked: subjects.some((s) => may(ctx, 'readUnmasked', 'Person', s)) };
}
