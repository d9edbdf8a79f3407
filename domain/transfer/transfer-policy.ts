/**
 * Every configurable value of the inter-region transfer rules (转移接续, rules §6, §9) with its default. A
 * running transfer keeps the policy it started with (workflow input), so a change applies to new transfers only.
 * None of these values is known to change over time, so none is dated; a province that needs other values passes a
 * different policy.
 */

/** The insurances whose relationship moves between pooling areas (§6.3: work injury and maternity do not move). */
export type TransferInsurance = 'pension' | 'medical' | 'unemployment';

export const TRANSFER_INSURANCES = ['pension', 'medical', 'unemployment'] as const satisfies readonly TransferInsurance[];

export interface PooledFundPolicy {
  /** Share of each year's actual contribution wage that moves with the person — 国办发〔2009〕66号 art. 4: 12 % (◐ secondary). */
  rate: string;
  /** First year that counts — 国办发〔2009〕66号 art. 4: from 1 Jan 1998 (◐ secondary). */
  fromYear: number;
}

export interface PersonalAccountPolicy {
  /**
   * First year whose whole account credit moves; before it only the individual contributions with their interest —
   * 国办发〔2009〕66号 art. 4: 1998 (◐ secondary).
   */
  wholeBalanceFromYear: number;
}

export interface TemporaryAccountPolicy {
  /** Men of this age or older on the transfer date — 国办发〔2009〕66号 art. 5: 50 (◐ secondary). */
  minAgeMale: number;
  /** Women of this age or older on the transfer date — 国办发〔2009〕66号 art. 5: 40 (◐ secondary). */
  minAgeFemale: number;
}

export interface PaymentPlacePolicy {
  /** Years (deemed years included) in a place that make it the benefit place — 国办发〔2009〕66号 art. 6: 10 (◐ secondary). */
  minYearsAtPlace: number;
}

/** Working days of each pension leg — 国办发〔2009〕66号 art. 8 (◐ secondary); ≤ 45 in all. */
export interface PensionLegDays {
  /** The new office reviews and sends the letter of acceptance (联系函) after the application: 15. */
  acceptanceLetter: number;
  /** The old office sends the information table and the money after receiving the letter: 15. */
  transferOut: number;
  /** The new office completes after receiving the relationship and the money: 15. */
  completion: number;
}

/** Working days of a two-leg transfer (medical: 医保办发〔2021〕43号, ◐ secondary). */
export interface TwoLegDays {
  /** The old office completes the transfer-out after the application: 10. */
  transferOut: number;
  /** The new office loads the relationship after receiving it: 5. */
  load: number;
}

export interface TransferLegPolicy {
  pension: PensionLegDays;
  medical: TwoLegDays;
  /**
   * No statutory day counts were found for unemployment (社会保险经办条例 arts. 14–16 only require the set limits to
   * be kept): the medical clocks are used as a suggested default (✖ unverified).
   */
  unemployment: TwoLegDays;
}

export interface MedicalContinuityPolicy {
  /** A break of at most this many months keeps cover continuous — 医保办发〔2021〕43号: 3 months (◐ secondary). */
  maxBreakMonths: number;
  /**
   * Months of waiting per month of break beyond the limit, a decimal string; the result is rounded up to whole months.
   * 43号 leaves the formula to each pooling area: "1" is a suggested default (✖ unverified).
   */
  waitingMonthsPerBreakMonth: string;
  /** Longest waiting period a pooling area may set — 医保办发〔2021〕43号: 6 months (◐ secondary). */
  maxWaitingMonths: number;
  /** Continuous cover needed before an employee ↔ resident switch keeps continuity — 43号: 24 months (◐ secondary). */
  schemeSwitchMinContinuousMonths: number;
}

export interface TransferEligibilityPolicy {
  /** Insurances a pension drawer cannot transfer — pension: 国办发〔2009〕66号 art. 2 (◐ secondary). */
  drawingPensionRefuses: readonly TransferInsurance[];
  /**
   * Insurances whose transfer needs the person insured and paying in the new area first — pension: 国办发〔2009〕66号
   * art. 8 (1) (◐ secondary). Medical and unemployment are not listed: no such precondition was verified for them.
   */
  insuredInNewAreaRequiredFor: readonly TransferInsurance[];
}

/** How the saga chases a leg that runs late (docs/architecture.md "Case = workflow"). */
export interface TransferSagaPolicy {
  /**
   * Hours between attempts while the money or the counterpart's answer has not arrived: the funds are looked for
   * again, and once the leg is overdue the request is sent again. Service practice, not statute (suggested default).
   */
  retryEveryHours: number;
}

export interface TransferPolicy {
  pooledFund: PooledFundPolicy;
  personalAccount: PersonalAccountPolicy;
  temporaryAccount: TemporaryAccountPolicy;
  paymentPlace: PaymentPlacePolicy;
  legs: TransferLegPolicy;
  medicalContinuity: MedicalContinuityPolicy;
  eligibility: TransferEligibilityPolicy;
  saga: TransferSagaPolicy;
}

export const DEFAULT_POOLED_FUND_POLICY: PooledFundPolicy = { rate: '0.12', fromYear: 1998 };

export const DEFAULT_PERSONAL_ACCOUNT_POLICY: PersonalAccountPolicy = { wholeBalanceFromYear: 1998 };

export const DEFAULT_TEMPORARY_ACCOUNT_POLICY: TemporaryAccountPolicy = { minAgeMale: 50, minAgeFemale: 40 };

export const DEFAULT_PAYMENT_PLACE_POLICY: PaymentPlacePolicy = { minYearsAtPlace: 10 };

export const DEFAULT_TRANSFER_LEG_POLICY: TransferLegPolicy = {
  pension: { acceptanceLetter: 15, transferOut: 15, completion: 15 },
  medical: { transferOut: 10, load: 5 },
  unemployment: { transferOut: 10, load: 5 },
};

export const DEFAULT_MEDICAL_CONTINUITY_POLICY: MedicalContinuityPolicy = {
  maxBreakMonths: 3,
  waitingMonthsPerBreakMonth: '1',
  maxWaitingMonths: 6,
  schemeSwitchMinContinuousMonths: 24,
};

export const DEFAULT_TRANSFER_ELIGIBILITY_POLICY: TransferEligibilityPolicy = {
  drawingPensionRefuses: ['pension'],
  insuredInNewAreaRequiredFor: ['pension'],
};

export const DEFAULT_TRANSFER_SAGA_POLICY: TransferSagaPolicy = { retryEveryHours: 24 };

export const DEFAULT_TRANSFER_POLICY: TransferPolicy = {
  pooledFund: DEFAULT_POOLED_FUND_POLICY,
  personalAccount: DEFAULT_PERSONAL_ACCOUNT_POLICY,
  temporaryAccount: DEFAULT_TEMPORARY_ACCOUNT_POLICY,
  paymentPlace: DEFAULT_PAYMENT_PLACE_POLICY,
  legs: DEFAULT_TRANSFER_LEG_POLICY,
  medicalContinuity: DEFAULT_MEDICAL_CONTINUITY_POLICY,
  eligibility: DEFAULT_TRANSFER_ELIGIBILITY_POLICY,
  saga: DEFAULT_TRANSFER_SAGA_POLICY,
};

/**
 * The policy in force: stored overrides (the `transfer.policy` setting) laid over the defaults one section deep, so an
 * override of one value keeps the others. Pure.
 */
export function transferPolicyWith(overrides: Partial<{ [K in keyof TransferPolicy]: Partial<TransferPolicy[K]> }>): TransferPolicy {
  const merged = { ...DEFAULT_TRANSFER_POLICY } as Record<keyof TransferPolicy, unknown>;
  for (const key of Object.keys(DEFAULT_TRANSFER_POLICY) as (keyof TransferPolicy)[]) {
    const override = overrides[key];
    if (override !== undefined) merged[key] = { ...DEFAULT_TRANSFER_POLICY[key], ...override };
  }
  return merged as TransferPolicy;
}
