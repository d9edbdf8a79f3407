import { addMonths, compareDates } from '../calendar/local-date.js';
import { backPaymentSupervision, type LegalDocument } from '../declarations/back-payment-policy.js';
import { monthsInclusive } from '../payroll/payroll-month.js';
import type { BenefitType, EntitlementStatus } from '../payroll/entitlement.js';
import type { PaidMonth } from '../payroll/overpayment.js';
import { Money } from '../money.js';
import { DEFAULT_SUPERVISION_POLICY, type SupervisionHit, type SupervisionPolicy } from './supervision-policy.js';

/*
 * The continuous fund-supervision controls (基金监督, rules §8 "detection rules to implement"; 社会保险经办条例
 * arts. 36–38 internal control). Each is a pure predicate over facts: a hit, or null.
 */

export interface BenefitFact {
  entitlementId: string;
  benefit: BenefitType;
  status: EntitlementStatus;
}

function live(benefits: readonly BenefitFact[]): BenefitFact[] {
  return benefits.filter((b) => b.status !== 'stopped');
}

function sumOf(months: readonly PaidMonth[]): string | undefined {
  return months.length === 0 ? undefined : Money.sum(months.map((m) => Money.of(m.amount))).toString();
}

/** A death record against a benefit still active or suspended; the amount is what was paid for months after death. */
export function deceasedWithActiveBenefit(
  death: { citizenId: string; deathDate: string },
  benefits: readonly BenefitFact[],
  paid: readonly PaidMonth[] = [],
): SupervisionHit | null {
  const open = live(benefits);
  if (open.length === 0) return null;
  const deathMonth = death.deathDate.slice(0, 7);
  const amount = sumOf(paid.filter((p) => p.period > deathMonth));
  return {
    control: 'DECEASED_ACTIVE_BENEFIT',
    subjectKey: `DECEASED_ACTIVE_BENEFIT:${death.citizenId}`,
    reason: `died ${death.deathDate}; ${open.map((b) => `${b.benefit} ${b.entitlementId}`).join(', ')} not stopped (§8 pattern 1)`,
    ...(amount === undefined ? {} : { amount }),
  };
}

/** A prison term against an active benefit, running on `today` or overlapping months that were paid. */
export function imprisonedWithActiveBenefit(
  term: { citizenId: string; from: string; to: string | null },
  benefits: readonly BenefitFact[],
  today: string,
  paid: readonly PaidMonth[] = [],
): SupervisionHit | null {
  const open = live(benefits);
  const overlapping = paid.filter((p) => `${p.period}-01` <= (term.to ?? '9999-12-31') && `${p.period}-31` >= term.from);
  const running = compareDates(term.from, today) <= 0 && (term.to === null || compareDates(today, term.to) <= 0);
  if (open.length === 0 || (!running && overlapping.length === 0)) return null;
  const amount = sumOf(overlapping);
  return {
    control: 'IMPRISONED_ACTIVE_BENEFIT',
    subjectKey: `IMPRISONED_ACTIVE_BENEFIT:${term.citizenId}:${term.from}`,
    reason: `sentence from ${term.from}${term.to === null ? '' : ` to ${term.to}`} while ${open.map((b) => b.benefit).join(', ')} is paid (§8 pattern 2)`,
    ...(amount === undefined ? {} : { amount }),
  };
}

export interface PensionRelationship {
  citizenId: string;
  relationshipId: string;
  region: string;
  scheme: 'employee' | 'resident';
  active: boolean;
}

/** Everyone with two or more active pension relationships (one person, one relationship, §2; §8 pattern 3). */
export function duplicatePensions(relationships: readonly PensionRelationship[]): SupervisionHit[] {
  const byPerson = new Map<string, PensionRelationship[]>();
  for (const r of relationships) {
    if (!r.active) continue;
    byPerson.set(r.citizenId, [...(byPerson.get(r.citizenId) ?? []), r]);
  }
  const hits: SupervisionHit[] = [];
  for (const [citizenId, list] of [...byPerson.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (list.length < 2) continue;
    const where = list
      .map((r) => `${r.scheme} in ${r.region}`)
      .sort()
      .join(', ');
    hits.push({
      control: 'DUPLICATE_PENSION',
      subjectKey: `DUPLICATE_PENSION:${citizenId}`,
      reason: `${list.length} active pension relationships: ${where}`,
    });
  }
  return hits;
}

/** An employer with many enrollees and not one wage record in the period looked at (§8 pattern 4, 挂靠). */
export function enrolleesWithoutWages(
  employer: { creditCode: string; enrollees: number; wageRecords: number; from: string; to: string },
  policy: SupervisionPolicy = DEFAULT_SUPERVISION_POLICY,
): SupervisionHit | null {
  if (employer.enrollees < policy.enrolleeThreshold || employer.wageRecords > 0) return null;
  return {
    control: 'ENROLLEES_WITHOUT_WAGES',
    subjectKey: `ENROLLEES_WITHOUT_WAGES:${employer.creditCode}`,
    reason: `${employer.enrollees} enrollees ≥ ${policy.enrolleeThreshold} (enrolleeThreshold) and no wage record ${employer.from} – ${employer.to}`,
  };
}

/** A back-payment of ≥ 36 months without a legal document issued before it (人社厅发〔2019〕94号; §8). */
export function longBackPaymentWithoutDocuments(
  bp: {
    citizenId: string;
    from: string;
    to: string;
    paymentDate: string;
    legalDocuments: readonly LegalDocument[];
    total?: string;
  },
  policy: SupervisionPolicy = DEFAULT_SUPERVISION_POLICY,
): SupervisionHit | null {
  const check = backPaymentSupervision(monthsInclusive(bp.from, bp.to), bp.legalDocuments, bp.paymentDate, {
    supervisionThresholdMonths: policy.backPaymentThresholdMonths,
  });
  if (!check.needsSupervisor) return null;
  return {
    control: 'LONG_BACK_PAYMENT_WITHOUT_DOCUMENTS',
    subjectKey: `LONG_BACK_PAYMENT_WITHOUT_DOCUMENTS:${bp.citizenId}:${bp.from}:${bp.to}`,
    reason: `back-payment ${bp.from} – ${bp.to}: ${check.reason}`,
    ...(bp.total === undefined ? {} : { amount: Money.of(bp.total).toString() }),
  };
}

/** An ID number or birth date changed within the window before retirement (§8 pattern 5, falsified age). */
export function identityChangeBeforeRetirement(
  person: {
    citizenId: string;
    retirementDate: string;
    changes: readonly { field: 'citizenId' | 'birthDate'; changedOn: string }[];
  },
  policy: SupervisionPolicy = DEFAULT_SUPERVISION_POLICY,
): SupervisionHit | null {
  const windowStart = addMonths(person.retirementDate, -policy.identityChangeWindowMonths);
  const inWindow = person.changes.filter((c) => compareDates(windowStart, c.changedOn) <= 0 && compareDates(c.changedOn, person.retirementDate) <= 0);
  if (inWindow.length === 0) return null;
  const list = inWindow.map((c) => `${c.field} on ${c.changedOn}`).join(', ');
  return {
    control: 'IDENTITY_CHANGE_BEFORE_RETIREMENT',
    subjectKey: `IDENTITY_CHANGE_BEFORE_RETIREMENT:${person.citizenId}`,
    reason: `${list}, within ${policy.identityChangeWindowMonths} months (identityChangeWindowMonths) before retirement on ${person.retirementDate}`,
  };
}

/** A staff member deciding a case about their own records, or a linked person's (§8 pattern 8; 经办条例 art. 37). */
export function selfDealing(
  decision: { staffId: string; caseId: string; subjectCitizenIds: readonly string[] },
  links: readonly { staffId: string; citizenId: string; relation: 'self' | 'relative' }[],
): SupervisionHit | null {
  const subjects = new Set(decision.subjectCitizenIds.map((id) => id.toUpperCase()));
  const hit = links.filter((l) => l.staffId === decision.staffId && subjects.has(l.citizenId.toUpperCase()));
  if (hit.length === 0) return null;
  return {
    control: 'SELF_DEALING',
    subjectKey: `SELF_DEALING:${decision.staffId}:${decision.caseId}`,
    reason: `staff ${decision.staffId} decided case ${decision.caseId}, which concerns ${hit.map((l) => (l.relation === 'self' ? 'their own record' : 'a linked relative')).join(' and ')}`,
  };
}
