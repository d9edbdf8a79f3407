import { hasRecordWith, personName } from '../../db/queries/benefit.query.js';
import { loadCalendarYears } from '../../db/queries/calendar.query.js';
import { caseSubjectOf, type CaseRow } from '../../db/queries/case.query.js';
import { categoriesOf, heldInvoices, loadMedicalExpenseConfig } from '../../db/queries/medical-expense.query.js';
import { findAttachments } from '../../db/queries/petition.query.js';
import { businessKeyOf, caseIdFor, registerCase } from '../../db/writers/case-intake.js';
import { fileDeclarationAttachments, holdInvoices } from '../../db/writers/medical-expenses.js';
import { type MedicalCategory } from '../../domain/declarations/eligibility-list.js';
import { invoiceKey, type MedicalExpenseDeclaration, type MedicalRefusal, validateMedicalExpense } from '../../domain/declarations/medical-expense.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { authorize, may } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/** POST /v1/medical-expense-declarations as the route parsed it. */
export interface MedicalExpenseRequest {
  category: MedicalCategory;
  citizenId: string;
  region: string;
  hospital: { code: string; name: string };
  serviceFrom: string;
  serviceTo: string;
  invoices: { invoiceNo: string; issuedOn: string; items: { description: string; amount: string }[] }[];
  attachmentIds?: string[];
}

/** Statuses after which the same declaration may be sent again (corrected): a new case. */
const REOPENABLE = new Set(['rejected']);

const RULE_CODES: ReadonlySet<string> = new Set(['NOT_ELIGIBLE', 'DUPLICATE_INVOICE', 'UNKNOWN_HOSPITAL']);

/**
 * The domain's refusals as one problem naming every field: input that can never be right (dates, amounts, empty
 * items) is a 400; when only business rules refuse it (not on the list, an invoice used, a hospital not designated)
 * it is a 422 with the first rule's code.
 */
function refusalError(refusals: readonly MedicalRefusal[]): DomainError {
  const issues = refusals.map((r) => ({ path: r.path, message: r.reason }));
  const rule = refusals[0]!;
  if (refusals.every((r) => RULE_CODES.has(r.code)))
    return new DomainError(rule.code as 'NOT_ELIGIBLE' | 'DUPLICATE_INVOICE' | 'UNKNOWN_HOSPITAL', rule.reason, { path: rule.path, issues });
  return invalidInput(issues);
}

/**
 * 离休人员 / 二乙 医疗费申报 (rules §5.6): the employer (the person's former unit) or the agency declares itemised
 * expenses for a person on the category's list. Refused at the door with the field named and nothing written: a
 * person not on the list (422 NOT_ELIGIBLE), an invoice number another declaration holds (422 DUPLICATE_INVOICE,
 * naming it), dates out of order or amounts that are not positive with at most two decimals (400). The case row and
 * the hold on the invoice numbers are written in one transaction, so two declarations of one invoice sent together
 * cannot both pass; then the workflow starts (review, four-eyes approval, booking). The same declaration sent again
 * by the same declarer finds its case.
 */
export async function declareMedicalExpense(ctx: CommandContext, request: MedicalExpenseRequest): Promise<CaseRow> {
  const { actor, em } = ctx;
  const agentEmployer = actor.role === 'employer' ? (actor.employer ?? null) : null;
  authorize(ctx, 'create', 'MedicalDeclaration', { region: request.region, employerCreditCode: agentEmployer });
  if (agentEmployer !== null && !(await hasRecordWith(em, request.citizenId, agentEmployer))) {
    throw new DomainError('FORBIDDEN', 'employer: this person has no insurance record with your employer', { path: 'citizenId' });
  }
  const keys = request.invoices.map((i) => invoiceKey(i.invoiceNo));
  const businessKey = businessKeyOf('medicalExpense', request.category, request.citizenId, ...[...keys].sort());
  const { caseId, existing } = await caseIdFor(em, 'medicalExpense', businessKey, REOPENABLE);
  // The declarer's repeat (or staff who see it) finds the case; an open one is (re)started below, in case the first
  // attempt wrote the row but never reached Temporal.
  const mine = existing !== null && (existing.applicantId === actor.id || may(ctx, 'read', 'Case', caseSubjectOf(existing)));
  if (existing && mine && existing.closedAt !== null) return existing;

  const today = ctx.clock.today();
  const declaration: MedicalExpenseDeclaration = {
    declarationId: caseId,
    category: request.category,
    citizenId: request.citizenId,
    hospital: request.hospital,
    serviceFrom: request.serviceFrom,
    serviceTo: request.serviceTo,
    declaredOn: today,
    invoices: request.invoices,
  };
  const [listed, held, config] = await Promise.all([categoriesOf(em, request.region, request.citizenId), heldInvoices(em, keys), loadMedicalExpenseConfig(em)]);
  const result = validateMedicalExpense(declaration, {
    eligibility: new Map([[request.citizenId, new Set(listed)]]),
    hospitals: new Set(config.designatedHospitals),
    knownInvoices: new Map([...held].filter(([, h]) => !(mine && h.caseId === caseId)).map(([key, h]) => [key, h.reference])),
    policy: config,
  });
  if (!result.accepted) throw refusalError(result.refusals);

  const attachmentIds = [...new Set(request.attachmentIds ?? [])];
  const attachments = await findAttachments(em, attachmentIds);
  const foreign = attachmentIds.filter((id) => !attachments.some((a) => a.id === id && a.ownerId === actor.id && (a.caseId === null || a.caseId === caseId)));
  if (foreign.length > 0) throw invalidInput([{ path: 'attachmentIds', message: `${foreign.join(', ')}: not an unfiled attachment you uploaded` }]);

  const now = ctx.clock.now();
  const row =
    mine && existing
      ? existing
      : await em.transactional(async (tx) => {
          const registered = await registerCase(tx, caseId, {
            type: 'medicalExpense',
            businessKey,
            region: request.region,
            citizenId: request.citizenId,
            employerCreditCode: agentEmployer,
            applicantId: actor.id,
            applicantRole: actor.role,
            subjectName: await personName(tx, request.citizenId),
            summary: { category: request.category, declaredOn: today, total: result.total, reimbursable: result.reimbursable, attachmentIds },
            requestId: ctx.requestId,
            now,
          });
          await holdInvoices(tx, { caseId, reference: registered.reference, category: request.category, region: request.region, invoiceKeys: keys }, now);
          await fileDeclarationAttachments(tx, caseId, attachmentIds);
          return registered;
        });
  await ctx.workflows.startMedicalExpenseDeclaration({
    caseId: row.caseId,
    reference: row.reference,
    region: row.region,
    declaration: { ...declaration, declaredOn: typeof row.summary.declaredOn === 'string' ? row.summary.declaredOn : today },
    assessment: { ledger: result.ledger, invoices: result.invoices, total: result.total, reimbursable: result.reimbursable, workings: result.workings },
    declaredBy: { id: actor.id, role: actor.role },
    employerCreditCode: agentEmployer,
    attachmentIds,
    calendar: await loadCalendarYears(em),
  });
  return row;
}
