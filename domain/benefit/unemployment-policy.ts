/*
 * Configurable 失业保险金 rules with national defaults (rules §5.3). A claim keeps the policy it started with.
 */

/** Why employment ended — the reasons of POST /v1/employers/{code}/leavers. */
export type LeaveReason = 'resigned' | 'dismissed' | 'contractEnded' | 'retired' | 'died' | 'other';

/** A maximum benefit period from a contribution length: from `fromMonths` contributed, at most `maxMonths`. */
export interface UnemploymentCap {
  fromMonths: number;
  maxMonths: number;
}

/** One band of a provincial formula: each full `everyMonths` contributed inside the band grants `grantMonths`. */
export interface UnemploymentMonthsTier {
  /** Upper end of the band in contribution months (exclusive of later bands); null = no upper end. */
  upToMonths: number | null;
  everyMonths: number;
  grantMonths: number;
}

/** A provincial months formula: bands of contribution months, at most `maxMonths`, named by its `source`. */
export interface TieredMonthsFormula {
  kind: 'tiered';
  source: string;
  tiers: UnemploymentMonthsTier[];
  maxMonths: number;
}

/** The national caps alone, or a provincial formula that is then bounded by them (rules §5.3). */
export type UnemploymentMonthsFormula = { kind: 'nationalCap' } | TieredMonthsFormula;

/**
 * 广东省失业保险条例 (2022) art. 17 (rules §5.3, ✔ provincial): 1 month per full year for years 1–4, then 1 more
 * per further full half year, at most 24 (E4: 7 years → 10 months).
 */
export const GUANGDONG_MONTHS_FORMULA: TieredMonthsFormula = {
  kind: 'tiered',
  source: '广东省失业保险条例 (2022) art. 17',
  tiers: [
    { upToMonths: 48, everyMonths: 12, grantMonths: 1 },
    { upToMonths: null, everyMonths: 6, grantMonths: 1 },
  ],
  maxMonths: 24,
};

/**
 * From which month payment stops after re-employment: the month of re-employment (default) or the next month
 * (local practice). 社会保险法 art. 51 stops the benefit on re-employment but does not fix the month; unverified.
 */
export type UnemploymentStopFrom = 'reemploymentMonth' | 'nextMonth';

export interface UnemploymentPolicy {
  /** Premiums paid ≥ 1 year — 社会保险法 art. 45; 失业保险条例 art. 14 (✔). */
  minimumContributionMonths: number;
  /** Leave reasons that count as involuntary (非本人意愿). 'retired' and 'died' never qualify. Local lists vary. */
  involuntaryLeaveReasons: LeaveReason[];
  /** 1–5 years ≤ 12, 5–10 ≤ 18, ≥ 10 ≤ 24 — 社会保险法 art. 46; 失业保险条例 art. 17 (✔). */
  nationalCaps: UnemploymentCap[];
  /** This spell plus unused months of an earlier one, at most 24 — 失业保险条例 art. 17 (✔). */
  combinedCapMonths: number;
  /** Default the national caps; a province configures its formula (e.g. GUANGDONG_MONTHS_FORMULA). */
  monthsFormula: UnemploymentMonthsFormula;
  /** Share of the minimum wage paid when the input gives none: 90 % (人社部发〔2017〕71号 guidance, ◐). */
  benefitRate: string;
  stopFrom: UnemploymentStopFrom;
}

export const DEFAULT_UNEMPLOYMENT_POLICY: UnemploymentPolicy = {
  minimumContributionMonths: 12,
  involuntaryLeaveReasons: ['dismissed', 'contractEnded', 'other'],
  nationalCaps: [
    { fromMonths: 12, maxMonths: 12 },
    { fromMonths: 60, maxMonths: 18 },
    { fromMonths: 120, maxMonths: 24 },
  ],
  combinedCapMonths: 24,
  monthsFormula: { kind: 'nationalCap' },
  benefitRate: '0.90',
  stopFrom: 'reemploymentMonth',
};
