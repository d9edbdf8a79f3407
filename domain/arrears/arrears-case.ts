import type { ContributionPolicy } from './arrears-policy.js';

/** What starts (or joins) an arrears case: the workflow's input (docs/architecture.md "Case = workflow"). */
export interface ArrearsCaseStart {
  caseId: string;
  reference: string;
  employer: string;
  region: string;
  periods: string[];
  openedOn: string;
  policy: ContributionPolicy;
}

/** A statement in plain JSON, as the workflow receives it from its activity. */
export interface ArrearsBalance {
  asOf: string;
  principal: string;
  lateFee: string;
  fine: string;
  total: string;
  /** Principal, late fee and fine are all paid: the case can settle. */
  settled: boolean;
  periods: { period: string; principal: string; lateFee: string; lateFeeDays: number }[];
}
