import { caseSubjectOf, type CaseRow } from '../../db/queries/case.query.js';
import { loadPersonalAccountPolicy, loadTransferPolicy } from '../../db/queries/settings.query.js';
import { transferDoorFacts, transferRegionOf } from '../../db/queries/transfer.query.js';
import { businessKeyOf, caseIdFor, registerCase } from '../../db/writers/case-intake.js';
import type { PersonalAccountPolicy } from '../../domain/insurance/personal-account.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { DomainError, invalidInput, refused, type InputIssue } from '../../domain/errors.js';
import { checkTransferEligibility, type TransferRefusalCode } from '../../domain/transfer/transfer-eligibility.js';
import type { TransferApplication } from '../../domain/transfer/transfer-application.js';
import type { TransferRole } from '../../domain/transfer/transfer.machine.js';
import type { TransferInsurance } from '../../domain/transfer/transfer-policy.js';
import { authorize, may } from '../authorization.js';
import { collectOnNextTransfer, collectorOf } from './collect-temporary-account.js';
import type { CommandContext } from '../command-context.js';

export interface TransferRequest {
  citizenId: string;
  insurance: TransferInsurance;
  fromRegion: string;
  toRegion: string;
  /** The move was approved by an organisation or 人社 department (the temporary-account exception, art. 5). */
  approvedTransfer?: boolean;
}

/** A case that ended this way lets the same person file the same transfer again: a new case, not the old one. */
const REOPENABLE = new Set(['refused', 'completed', 'temporaryAccount']);

/** The request field each refusal is about (problem+json `errors[].path`). */
const PATH_OF: Record<TransferRefusalCode, string> = {
  DRAWING_PENSION: 'citizenId',
  SAME_POOLING_AREA: 'toRegion',
  NOT_INSURED_IN_NEW_AREA: 'toRegion',
  TRANSFER_ALREADY_OPEN: 'insurance',
};

/**
 * 转移接续: the person, their new employer or staff of the receiving region apply at the new office (国办发〔2009〕66号
 * art. 8 (1), rules §6). Refused with every reason and nothing written: someone already drawing a pension, two
 * regions of one pooling area (a leaver plus a hire there), a person not yet insured and paying in the new area, a
 * second open transfer of the same insurance, nothing on record to move in a served old area. A pooling area this
 * system does not serve is the counterpart reached through the national platform. The workflow ID is the case ID; a
 * repeat of the same request lands on the same case.
 */
export async function startTransfer(ctx: CommandContext, request: TransferRequest): Promise<CaseRow> {
  const { em, actor } = ctx;
  const [from, to] = await Promise.all([transferRegionOf(em, request.fromRegion), transferRegionOf(em, request.toRegion)]);
  if (!to.served) {
    throw invalidInput([
      {
        path: 'toRegion',
        message: `region ${request.toRegion} is not served by this system: apply at the new office, which reaches this one through the national transfer platform`,
      },
    ]);
  }
  const businessKey = businessKeyOf('transfer', request.citizenId, request.insurance, from.poolingArea, to.poolingArea);
  const policy = await loadTransferPolicy(em);
  const accountInterest = await loadPersonalAccountPolicy(em);
  const facts = await transferDoorFacts(em, {
    citizenId: request.citizenId,
    insurance: request.insurance,
    fromPoolingArea: from.poolingArea,
    toPoolingArea: to.poolingArea,
    businessKey,
  });
  const employerCreditCode = await currentEmployerIn(ctx, request.citizenId, to.poolingArea);
  authorize(ctx, 'create', 'Transfer', { citizenId: request.citizenId, region: request.toRegion, employerCreditCode });

  const { caseId, existing } = await caseIdFor(em, 'transfer', businessKey, REOPENABLE);
  if (existing) {
    // The same transfer asked for again: the same case. Someone else's open case: say so without showing it.
    if (!may(ctx, 'read', 'Case', caseSubjectOf(existing))) throw new DomainError('NOT_ALLOWED_NOW', 'a transfer of this relationship is already open');
    if (existing.closedAt === null)
      await ctx.workflows.startTransfer(inputOf(existing, request, from, to, facts.person?.name ?? null, { policy, accountInterest }, actor));
    return existing;
  }

  const today = ctx.clock.today();
  const eligibility = checkTransferEligibility(
    {
      insurance: request.insurance,
      appliedOn: today,
      drawingPension: facts.drawingPension,
      fromPoolingArea: from.poolingArea,
      toPoolingArea: to.poolingArea,
      insuredInNewArea: facts.insuredInNewAreaSince === null ? null : { since: facts.insuredInNewAreaSince },
      openTransferReference: facts.openTransferReference,
      otherActivePensionRelationships: facts.otherActivePensionAreas,
    },
    policy.eligibility,
  );
  const issues: InputIssue[] = eligibility.refusals.map((r) => ({ path: PATH_OF[r.code], message: r.reason }));
  if (from.served && from.poolingArea !== to.poolingArea && facts.oldAreaRecords === 0) {
    issues.push({ path: 'fromRegion', message: `the person has no ${request.insurance} record in pooling area ${from.poolingArea} to transfer` });
  }
  const first = eligibility.refusals[0];
  if (first) throw new DomainError(first.code, issues.map((i) => i.message).join('; '), { issues, path: issues[0]?.path });
  if (issues.length > 0) throw refused({ code: 'NOT_INSURED_IN_OLD_AREA', reason: issues[0]!.message }, { path: 'fromRegion' });

  // 归集: moving on again collects a temporary pension account kept elsewhere into the relationship's place first (§6.1).
  await em.transactional((tx) =>
    collectOnNextTransfer(collectorOf(ctx), tx, {
      citizenId: request.citizenId,
      insurance: request.insurance,
      fromPoolingArea: from.poolingArea,
      byCase: caseId,
    }),
  );
  const row = await registerCase(em, caseId, {
    type: 'transfer',
    businessKey,
    region: request.toRegion,
    citizenId: request.citizenId,
    employerCreditCode,
    applicantId: actor.id,
    applicantRole: actor.role,
    subjectName: facts.person?.name ?? null,
    sharedWithRegions: from.served && from.code !== to.code ? [from.code] : [],
    summary: { insurance: request.insurance, fromRegion: request.fromRegion, toRegion: request.toRegion, followUps: eligibility.followUps },
    requestId: ctx.requestId,
    now: ctx.clock.now(),
  });
  // Always (re)start: if the first attempt wrote the row but never reached Temporal, the retry finishes the job.
  await ctx.workflows.startTransfer(inputOf(row, request, from, to, facts.person?.name ?? null, { policy, accountInterest }, actor));
  return row;
}

/** The employer the person works for now in the new pooling area, if any (an employer agent files for its own staff). */
async function currentEmployerIn(ctx: CommandContext, citizenId: string, poolingArea: string): Promise<string | null> {
  const [row] = await ctx.em.execute<{ employer_credit_code: string | null }[]>(
    `select r.employer_credit_code from insurance_record r join region g on g.code = r.region
      where r.citizen_id = ? and r.status = 'active' and coalesce(g.pooling_region, g.code) = ? and r.employer_credit_code is not null
      order by r.start_month desc limit 1`,
    [citizenId, poolingArea],
  );
  return row?.employer_credit_code ?? null;
}

function inputOf(
  row: CaseRow,
  request: TransferRequest,
  from: { code: string; served: boolean; poolingArea: string },
  to: { code: string; served: boolean; poolingArea: string },
  personName: string | null,
  { policy, accountInterest }: { policy: Awaited<ReturnType<typeof loadTransferPolicy>>; accountInterest: PersonalAccountPolicy },
  actor: CommandContext['actor'],
) {
  const role: TransferRole = from.served ? 'both' : 'new';
  const application: TransferApplication = {
    citizenId: request.citizenId,
    personName,
    insurance: request.insurance,
    fromRegion: request.fromRegion,
    toRegion: request.toRegion,
    fromPoolingArea: from.poolingArea,
    toPoolingArea: to.poolingArea,
    approvedTransfer: request.approvedTransfer ?? false,
    // The day the case was filed, also when a retry restarts a workflow that never started.
    appliedOn: shanghaiDateOf(Date.parse(row.openedAt)),
  };
  return {
    caseId: row.caseId,
    reference: row.reference,
    application,
    role,
    offices: {
      old: { region: from.code, poolingArea: from.poolingArea, served: from.served },
      new: { region: to.code, poolingArea: to.poolingArea, served: true },
    },
    platform: { transferId: row.reference, counterpartReference: null },
    submittedBy: { id: actor.id, role: actor.role },
    policy,
    accountInterest,
  };
}
