import type { BenefitType, Entitlement, PayrollLine, PayrollLineKind, Suspension } from './entitlement.js';
import { dueLines } from './entitlement.js';
import { checkPayrollLine, controlMonth, type HoldReason, type PersonFacts } from './pre-payment-controls.js';

/*
 * How a monthly payroll turns `benefit_entitlement` rows into payroll lines (待遇拨付, docs/payroll.md): the rows and the
 * facts the controls need arrive together from one SQL query per chunk, and this pure code builds each line with
 * `dueLines` and runs `checkPayrollLine` on it. No I/O, so a million rows are a loop, not a million queries.
 */

/** One entitlement row as the gathering query reads it, with the facts about its person. */
export interface EntitlementRow {
  id: string;
  caseId: string;
  citizenId: string;
  claimType: string;
  /** The entitlement line's own benefit name (domain/benefit/entitlement.ts `EntitlementBenefit`). */
  benefit: string;
  kind: 'monthly' | 'oneOff';
  amount: string;
  startMonth: string;
  endMonth: string | null;
  firstPayrollMonth: string;
  deathDate: string | null;
  imprisonments: { from: string; to: string | null }[];
  /** Another case's active basic pension for the same person (one person, one pension relationship, §2). */
  otherPensionEntitlementId: string | null;
  /** Start of the newest employee enrollment that began in or after the benefit's first month (re-employment). */
  newEnrollmentOn: string | null;
  bankCode: string | null;
  bankAccount: string | null;
  payeeName: string | null;
  /**
   * Payment held back for an overdue verification (待遇资格认证, §8): an open suspension pays nothing from its first
   * month; a closed one with back-pay pays its months as one back-pay line in the payroll of its resumption month.
   */
  suspensions?: readonly Suspension[];
}

/** A gathered line ready to be written: the domain line, its key in the payroll_line table and its holds. */
export interface GatheredLine {
  lineKey: string;
  entitlementId: string;
  citizenId: string;
  benefit: string;
  /** `adjust`: a recalculation's difference paid back (补发, domain/payroll/difference-settlement.ts). */
  kind: PayrollLineKind | 'adjust';
  months: number;
  /** The months the line pays for; left out on a difference (补发), which counts as paying for its period. */
  paidMonths?: string[];
  amount: string;
  holds: HoldReason[];
  bankCode: string | null;
  bankAccount: string | null;
  payeeName: string | null;
  /** How a back-pay line's amount came about (the months, the monthly amount, why they were held); null otherwise. */
  workings: string[] | null;
}

/** The benefit a control understands, from the entitlement line's benefit and the claim type. */
export function payrollBenefitOf(benefit: string, claimType: string): BenefitType {
  switch (benefit) {
    case 'basicPension':
    case 'accountPension':
    case 'transitionalPension':
      return 'pension';
    case 'unemploymentBenefit':
      return 'unemployment';
    case 'maternityAllowance':
      return 'maternity';
    case 'disabilitySubsidy':
    case 'disabilityAllowance':
      return 'workInjury';
    case 'funeralGrant':
    case 'deathGrant':
      return 'funeral';
    case 'dependantPension':
    case 'survivorLumpSum':
    case 'accountInheritance':
      return 'survivor';
    default:
      return claimType === 'medical' || claimType.startsWith('medical') ? 'medical' : 'maternity';
  }
}

/** Benefits paid because the person died: their death is the reason for payment, not a control hit. */
const PAID_FOR_A_DEATH: ReadonlySet<BenefitType> = new Set(['funeral', 'survivor']);

/**
 * The key that makes a line unique across every payroll: the domain line ID (entitlement, month, kind) — except a
 * one-off, which is keyed by its entitlement alone, so that it is paid once whichever month's payroll takes it.
 */
export function lineKeyOf(line: PayrollLine): string {
  return line.kind === 'oneOff' ? `${line.entitlementId}:oneOff` : line.lineId;
}

function entitlementOf(row: EntitlementRow, benefit: BenefitType): Entitlement {
  if (row.kind === 'oneOff') {
    return {
      entitlementId: row.id,
      citizenId: row.citizenId,
      benefit,
      status: 'active',
      kind: 'oneOff',
      amount: row.amount,
      payableMonth: row.firstPayrollMonth,
    };
  }
  return {
    entitlementId: row.id,
    citizenId: row.citizenId,
    benefit,
    status: 'active',
    kind: 'monthly',
    monthlyAmount: row.amount,
    startMonth: row.startMonth,
    endMonth: row.endMonth,
    firstPayrollMonth: row.firstPayrollMonth,
    ...(row.suspensions !== undefined && row.suspensions.length > 0 ? { suspensions: row.suspensions } : {}),
  };
}

function workingsOf(line: PayrollLine, row: EntitlementRow): string[] | null {
  if (line.kind !== 'backPay') return null;
  const span = `${line.months[0]} – ${line.months.at(-1)}`;
  const sum = `${row.amount} × ${line.months.length} months = ${line.amount}`;
  if (line.cause === 'lateStart') return [`approved after the benefit began: back-pay for ${span}: ${sum}`];
  const held =
    row.suspensions?.find((s) => s.resumedIn === line.period && s.backPay && s.from === line.months[0]) ??
    row.suspensions?.find((s) => s.resumedIn === line.period);
  return [
    `payment suspended from ${held?.from ?? line.months[0]} (${held?.reason ?? 'suspended'}), resumed in ${line.period}`,
    `back-pay (补发) for ${span}: ${sum}`,
  ];
}

/**
 * The lines one chunk of active fund entitlements owes in `period`, each checked by the pre-payment controls (§8): a
 * death, a prison term, another active pension, re-employment for unemployment benefit, and — the payroll's own — no
 * account to pay into. Death and prison do not apply to benefits paid for a death (funeral grant, survivors). Pure.
 */
export function gatherLines(rows: readonly EntitlementRow[], period: string): GatheredLine[] {
  const month = controlMonth(period);
  const out: GatheredLine[] = [];
  for (const row of rows) {
    const benefit = payrollBenefitOf(row.benefit, row.claimType);
    const forDeath = PAID_FOR_A_DEATH.has(benefit);
    const facts: PersonFacts = {
      deathDate: forDeath ? null : row.deathDate,
      imprisonments: forDeath ? [] : row.imprisonments,
      otherActivePensions: row.otherPensionEntitlementId === null ? [] : [{ entitlementId: row.otherPensionEntitlementId, source: 'system' }],
      newEnrollmentOn: row.newEnrollmentOn,
      entitlementStatus: 'active',
      verification: 'verified',
    };
    for (const line of dueLines([entitlementOf(row, benefit)], period)) {
      const checked = checkPayrollLine(line, facts, month);
      const holds = checked.hold ? [...checked.reasons] : [];
      if (row.bankAccount === null) holds.push({ code: 'NO_ACCOUNT', reason: 'no bank or social security card account on record' });
      out.push({
        lineKey: lineKeyOf(line),
        entitlementId: row.id,
        citizenId: row.citizenId,
        benefit: row.benefit,
        kind: line.kind,
        months: Math.max(1, line.months.length),
        paidMonths: line.months.length > 0 ? line.months : [line.period],
        amount: line.amount,
        holds,
        bankCode: row.bankCode,
        bankAccount: row.bankAccount,
        payeeName: row.payeeName,
        workings: workingsOf(line, row),
      });
    }
  }
  return out;
}

/** Entitlements per gathering activity: large enough that a million take ~200 activities, small enough to retry. */
export const DEFAULT_PAYROLL_CHUNK_SIZE = 5_000;

/**
 * Gathering lanes walked at once: while one lane's lines are built and checked in the worker, the others' queries and
 * inserts keep the database busy (docs/performance.md "Payroll": 4 gathered a third faster than 1 and a little faster
 * than 2 on the 2-core bench machine). Entitlement IDs are random UUIDs, so equal slices of the ID space hold about
 * equal numbers of entitlements. A workflow input, so a running payroll keeps its lanes.
 */
export const DEFAULT_PAYROLL_LANES = 4;

/** One slice of the entitlement ID space: IDs after `after` (null: from the first) and before `before` (null: to the last). */
export interface GatheringLane {
  after: string | null;
  before: string | null;
}

const uuidAt = (prefix: number, fill: '0' | 'f') => {
  const tail = fill.repeat(12);
  return `${prefix.toString(16).padStart(8, '0')}-${fill.repeat(4)}-${fill.repeat(4)}-${fill.repeat(4)}-${tail}`;
};

/**
 * The entitlement ID space cut into `lanes` equal slices by the first 32 bits, in order, together covering every ID
 * exactly once: slice k holds the IDs from k·2³²/lanes up to (not including) the next slice's first ID. Pure.
 */
export function gatheringLanes(lanes: number): GatheringLane[] {
  const n = Math.max(1, Math.min(16, Math.floor(lanes)));
  const starts = Array.from({ length: n }, (_, k) => Math.floor((k * 0x1_0000_0000) / n));
  return starts.map((start, k) => ({
    after: k === 0 ? null : uuidAt(start - 1, 'f'),
    before: k === n - 1 ? null : uuidAt(starts[k + 1]!, '0'),
  }));
}
