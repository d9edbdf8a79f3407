import { createHash } from 'node:crypto';
import { creditedOrHeld, loadAccountSubsidyConfig, subsidyPeople } from '../../db/queries/account-subsidy.query.js';
import { loadCalendarYears } from '../../db/queries/calendar.query.js';
import type { CaseRow } from '../../db/queries/case.query.js';
import { holdSubsidyLines } from '../../db/writers/account-subsidies.js';
import { businessKeyOf, caseIdFor, registerCase } from '../../db/writers/case-intake.js';
import { regionalBasesOn } from '../../domain/declarations/account-subsidy-config.js';
import { assessAccountSubsidy, subsidyRefusalError, type SubsidyRow } from '../../domain/declarations/account-subsidy-declaration.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/** POST /v1/account-subsidy-declarations as the route parsed it. */
export interface AccountSubsidyRequest {
  ruleId: string;
  period: string;
  region: string;
  persons: SubsidyRow[];
}

/** A rejected declaration may be sent again (corrected): a new case. */
const REOPENABLE = new Set(['rejected']);

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * 医疗帐户补助金申报 (rules §5.6, configuration: docs/declarations.md): an employer for its own people, or the agency's
 * front office for anyone insured in the region, asks a configured rule's credit for a period for a list of persons.
 * Refused at the door with every row and field named and nothing written: bad input or a rule not in force (400), a
 * person the employer has no record of (403), a person the rule does not cover (422 NOT_ELIGIBLE), a credit booked or
 * declared before (422 ALREADY_CREDITED). The case row and the lines holding the credits are one transaction, then
 * the workflow starts (review, four-eyes approval, booking). The same request again — by its Idempotency-Key, or the
 * same body — returns the same case; the same key with another body is refused (422 IDEMPOTENCY_KEY_REUSED).
 */
export async function declareAccountSubsidy(ctx: CommandContext, request: AccountSubsidyRequest, idempotencyKey?: string): Promise<CaseRow> {
  const { actor, em } = ctx;
  const agentEmployer = actor.role === 'employer' ? (actor.employer ?? null) : null;
  authorize(ctx, 'create', 'MedicalDeclaration', { region: request.region, employerCreditCode: agentEmployer });
  const requestHash = sha256(request);
  const businessKey = businessKeyOf('accountSubsidy', actor.id, idempotencyKey ?? requestHash);
  const { caseId, existing } = await caseIdFor(em, 'accountSubsidy', businessKey, REOPENABLE);
  if (existing) {
    if (existing.summary.requestHash !== requestHash)
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for another declaration: the first one stands', {
        path: 'idempotency-key',
      });
    if (existing.closedAt === null) await start(ctx, existing, agentEmployer);
    return existing;
  }

  const ids = request.persons.map((p) => p.citizenId);
  const [people, credited, config] = await Promise.all([
    subsidyPeople(em, { region: request.region, citizenIds: ids, employer: agentEmployer }),
    creditedOrHeld(em, { ruleId: request.ruleId, period: request.period, citizenIds: ids, caseId }),
    loadAccountSubsidyConfig(em),
  ]);
  if (agentEmployer !== null) {
    const foreign = ids.flatMap((id, i) =>
      people.get(id)?.withEmployer === true ? [] : [{ path: `persons[${i}].citizenId`, message: 'has no insurance record with your employer' }],
    );
    if (foreign.length > 0)
      throw new DomainError('FORBIDDEN', 'employer: a person has no insurance record with your employer', { path: foreign[0]!.path, issues: foreign });
  }
  const today = ctx.clock.today();
  const assessment = assessAccountSubsidy(
    { ...request, today },
    { rules: config.rules, people, regionalBases: (date) => regionalBasesOn(config.regionalBases, request.region, date), credited },
  );
  if (!assessment.accepted) throw subsidyRefusalError(assessment.refusals);

  const row = await em.transactional(async (tx) => {
    const registered = await registerCase(tx, caseId, {
      type: 'accountSubsidy',
      businessKey,
      region: request.region,
      citizenId: null,
      employerCreditCode: agentEmployer,
      applicantId: actor.id,
      applicantRole: actor.role,
      subjectName: null,
      summary: {
        ruleId: assessment.rule.ruleId,
        period: request.period,
        basis: assessment.rule.basis,
        declaredOn: today,
        persons: assessment.lines.length,
        total: assessment.total,
        requestHash,
      },
      requestId: ctx.requestId,
      now: ctx.clock.now(),
    });
    await holdSubsidyLines(tx, { caseId, ruleId: request.ruleId, period: request.period, lines: assessment.lines });
    return registered;
  });
  await start(ctx, row, agentEmployer);
  return row;
}

/** (Re)starts the case's workflow from its row: a retry after the row was written but Temporal was not reached. */
async function start(ctx: CommandContext, row: CaseRow, employerCreditCode: string | null): Promise<void> {
  const s = row.summary;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  await ctx.workflows.startAccountSubsidyDeclaration({
    caseId: row.caseId,
    reference: row.reference,
    region: row.region,
    ruleId: text(s.ruleId),
    period: text(s.period),
    basis: text(s.basis),
    declaredOn: text(s.declaredOn),
    persons: Number(s.persons ?? 0),
    total: text(s.total),
    requestHash: text(s.requestHash),
    declaredBy: { id: row.applicantId ?? ctx.actor.id, role: ctx.actor.role },
    employerCreditCode,
    calendar: await loadCalendarYears(ctx.em),
  });
}
