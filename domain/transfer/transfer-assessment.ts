import type { PersonalAccountPolicy } from '../insurance/personal-account.js';
import { addMonths } from '../calendar/local-date.js';
import { parseCitizenId } from '../identity/citizen-id.js';
import { monthsBetweenInclusive } from '../insurance/insurance-history.js';
import type { InformationTableYear } from './exchange-message.js';
import { assessMedicalContinuity, type MedicalContinuityResult } from './medical-continuity.js';
import { decidePaymentPlace, type InsuredPeriod, type PaymentPlaceDecision } from './payment-place.js';
import { decideTemporaryAccount, type TemporaryAccountDecision } from './temporary-account.js';
import type { TransferApplication } from './transfer-application.js';
import { type AccountCredit, type AccountPeriod, transferAmountsOf } from './transfer-amounts.js';
import { yearSegmentsOf } from './pooled-fund.js';
import type { TransferRole } from './transfer.machine.js';
import type { TransferPolicy } from './transfer-policy.js';
import type { TransferAmounts } from './transfer-reconciliation.js';
import { carryOverUnemploymentMonths, type UnemploymentCarryOver } from './unemployment-carry-over.js';

/** What the old office says about the person when it is a counterpart agency (its TRANSFER_OUT message). */
export interface CounterpartInformation {
  amounts: TransferAmounts;
  years: readonly InformationTableYear[];
  months: number;
  lastCoveredMonth: string | null;
}

export interface TransferAssessmentInput {
  application: TransferApplication;
  role: TransferRole;
  policy: TransferPolicy;
  /** The month counted up to ('YYYY-MM'): the current month. */
  throughMonth: string;
  /** The hukou region on the person's record, if any; else the address code of the ID number (the hukou at issue). */
  hukouRegion: string | null;
  /** The old office's record spans of the insurance (this system runs the old office), else null. */
  oldPeriods: readonly AccountPeriod[] | null;
  /** Personal-account credits a transfer in from a counterpart brought to the old place besides its spans. */
  oldCredits?: readonly AccountCredit[];
  /** The counterpart's information table (it runs the old office and has sent it), else null. */
  counterpart: CounterpartInformation | null;
  /** Every pension span per pooling area on this system's records. */
  pensionSpans: readonly { poolingArea: string; startMonth: string; endMonth: string | null }[];
  /** The new pooling area's open records by insurance (this system runs the new office). */
  newAreaRecords: readonly { insurance: string; startMonth: string }[];
  /** The yearly 记账利率 credited to a pension account the old office's records give (transfer-amounts.ts). */
  accountInterest?: PersonalAccountPolicy;
}

/** Everything a transfer case shows besides its legs, each with its workings; null where it does not apply (yet). */
export interface TransferAssessment {
  amounts: TransferAmounts | null;
  /** Contribution months that move. */
  months: number | null;
  amountWorkings: string[];
  temporaryAccount: TemporaryAccountDecision | null;
  pensionPaymentPlace: PaymentPlaceDecision | null;
  medicalContinuity: MedicalContinuityResult | null;
  unemploymentCarryOver: UnemploymentCarryOver | null;
}

const previousMonth = (month: string) => addMonths(`${month}-01`, -1).slice(0, 7);
const lastOf = (spans: readonly { endMonth: string | null }[], through: string) =>
  spans
    .map((s) => (s.endMonth === null || s.endMonth > through ? through : s.endMonth))
    .sort()
    .at(-1) ?? null;

/** The months of the spans per place they were paid in (a span without `paidIn` is `ownPlace`'s), the own place first. */
function monthsByPlace(periods: readonly AccountPeriod[], throughMonth: string, ownPlace: string): { poolingArea: string; months: number }[] {
  const byPlace = new Map<string, number>([[ownPlace, 0]]);
  for (const s of yearSegmentsOf(periods, throughMonth)) {
    const place = periods[s.period]!.paidIn ?? ownPlace;
    byPlace.set(place, (byPlace.get(place) ?? 0) + s.months);
  }
  return [...byPlace.entries()].map(([poolingArea, months]) => ({ poolingArea, months }));
}

/**
 * What a transfer moves and what follows from it (rules §6), from the facts one side or both sides hold: the
 * amounts (pooled fund and personal account for a pension, the account balance for medical, none for unemployment);
 * for a pension the temporary-account rule (art. 5) and where the pension will be paid (arts. 6, 12: the relationship
 * is then in the new place, and each place counts the years paid there); for medical the continuity of cover (医保办发〔2021〕43号); for
 * unemployment the months that carry over (社会保险法 art. 52). Pure.
 */
export function assessTransfer(input: TransferAssessmentInput): TransferAssessment {
  const { application: app, policy, throughMonth } = input;
  const person = parseCitizenId(app.citizenId);
  const hukouRegion = input.hukouRegion ?? app.citizenId.slice(0, 6);

  let amounts: TransferAmounts | null = null;
  let months: number | null = null;
  let amountWorkings: string[] = [];
  let oldYears: { poolingArea: string; months: number; lastMonth: string } | null = null;
  let lastCoveredMonth: string | null = null;
  if (input.oldPeriods !== null) {
    const calculated = transferAmountsOf(
      {
        insurance: app.insurance,
        periods: input.oldPeriods,
        throughMonth,
        ...(input.accountInterest && { accountInterest: input.accountInterest }),
        ...(input.oldCredits && { accountCredits: input.oldCredits }),
      },
      policy,
    );
    amounts = calculated.amounts;
    months = calculated.months;
    amountWorkings = calculated.workings;
    lastCoveredMonth = lastOf(input.oldPeriods, throughMonth);
  } else if (input.counterpart !== null) {
    amounts = input.counterpart.amounts;
    months = input.counterpart.months;
    lastCoveredMonth = input.counterpart.lastCoveredMonth;
    amountWorkings = [
      ...input.counterpart.years.map(
        (y) => `${y.year}: ${y.months} months, contribution wage ${y.contributionWage} (information table of ${app.fromPoolingArea})`,
      ),
      `pooled fund ${amounts.pooledFund}, personal account ${amounts.personalAccount}, as paid out by the old office ${app.fromPoolingArea}`,
    ];
    if (lastCoveredMonth !== null) oldYears = { poolingArea: app.fromPoolingArea, months: input.counterpart.months, lastMonth: lastCoveredMonth };
  }

  const assessment: TransferAssessment = {
    amounts,
    months,
    amountWorkings,
    temporaryAccount: null,
    pensionPaymentPlace: null,
    medicalContinuity: null,
    unemploymentCarryOver: null,
  };
  const newRecord =
    input.newAreaRecords
      .filter((r) => r.insurance === app.insurance)
      .map((r) => r.startMonth)
      .sort()[0] ?? null;

  if (app.insurance === 'pension') {
    if (input.role !== 'old') {
      assessment.temporaryAccount = decideTemporaryAccount(
        {
          person: { sex: person.sex, birthDate: person.birthDate },
          transferDate: app.appliedOn,
          hukouRegion,
          toRegion: app.toRegion,
          approvedTransfer: app.approvedTransfer,
        },
        policy.temporaryAccount,
      );
    }
    // After the transfer the relationship is in the new place; each place keeps the years paid there (a moved year is
    // not a year paid in the new place — art. 6 counts the contribution years accumulated where the relationship is).
    const periods: InsuredPeriod[] = [];
    for (const span of input.pensionSpans) {
      const end = span.endMonth === null || span.endMonth > throughMonth ? throughMonth : span.endMonth;
      const spanMonths = monthsBetweenInclusive(span.startMonth, end);
      if (spanMonths === 0) continue;
      periods.push({ poolingArea: span.poolingArea, months: spanMonths, lastMonth: end });
    }
    if (oldYears !== null) periods.push(oldYears);
    assessment.pensionPaymentPlace = decidePaymentPlace({ hukouRegion, currentPoolingArea: app.toPoolingArea, periods }, policy.paymentPlace);
  }

  if (app.insurance === 'medical' && lastCoveredMonth !== null) {
    // The new cover resumes with the new place's own record, or with the take-over month when it has none yet.
    const resumedMonth = newRecord ?? throughMonth;
    const last = lastCoveredMonth >= resumedMonth ? previousMonth(resumedMonth) : lastCoveredMonth;
    assessment.medicalContinuity = assessMedicalContinuity(
      { lastCoveredMonth: last, resumedMonth, fromScheme: 'employee', toScheme: 'employee', continuousMonthsBefore: months ?? 0 },
      policy.medicalContinuity,
    );
  }

  if (app.insurance === 'unemployment') {
    const newMonths = newRecord === null ? 0 : monthsBetweenInclusive(newRecord, throughMonth);
    // Months a transfer carried into the old place count as the places they were paid in (rules §6.3: the years add up).
    const carried =
      input.oldPeriods === null
        ? [{ poolingArea: app.fromPoolingArea, months: months ?? 0 }]
        : monthsByPlace(input.oldPeriods, throughMonth, app.fromPoolingArea);
    assessment.unemploymentCarryOver = carryOverUnemploymentMonths([...carried, { poolingArea: app.toPoolingArea, months: newMonths }]);
  }
  return assessment;
}
