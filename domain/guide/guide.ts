/**
 * 办事指南: what the public guide says about each procedure the system runs. Every number in it is read from the same
 * configuration the commands and workflows are given (`GuideConfiguration`), so the guide cannot disagree with what
 * the system does (issue 14 point 1). Pure: the configuration comes in, the procedures go out.
 */
import type { ContributionPolicy } from '../arrears/arrears-policy.js';
import type { BenefitPolicy } from '../benefit/benefit-policy.js';
import type { EnrollmentPolicy } from '../enrollment/enrollment-policy.js';
import type { PetitionPolicy } from '../petition/petition-policy.js';
import type { TransferPolicy } from '../transfer/transfer-policy.js';

/** The configuration in force, exactly as the commands load it (db/queries/*-policy, settings). */
export interface GuideConfiguration {
  enrollment: EnrollmentPolicy;
  contribution: ContributionPolicy;
  petition: PetitionPolicy;
  transfer: TransferPolicy;
  /** The benefit configuration in force on `asOf`. */
  benefit: BenefitPolicy;
  /** The business day the guide is read for (dated rules: the minimum contribution years of a retirement this year). */
  asOf: string;
}

/** calendar days (日, with the rollover of rules §9), working days (工作日), months, years, or a rate. */
export type GuideUnit = 'days' | 'workingDays' | 'months' | 'years' | 'percent' | 'percentPerDay' | 'multiple';

/**
 * A deadline or figure of a procedure. `statutory`: the law or a State Council regulation sets it; `agency`: the
 * agency's own service limit or local practice (configurable, rules "unverified"). `setting` names where it is
 * configured (`<setting key>#<path>`), so an administrator knows what to change.
 */
export interface GuideDeadline {
  label: string;
  value: number | string;
  unit: GuideUnit;
  kind: 'statutory' | 'agency';
  basis: string;
  setting: string;
}

export interface GuideProcedure {
  /** Stable id, also the anchor on the page (`#enrollment`). */
  id: string;
  title: string;
  titleEn: string;
  summary: string;
  whoMayApply: string[];
  documents: string[];
  steps: string[];
  deadlines: GuideDeadline[];
  legalBasis: string[];
  /** Where it is done: the API route and the page, when there is one. */
  channel: { route: string; page: string | null };
}

export type ProcedureSection = (config: GuideConfiguration) => GuideProcedure[];

/** Every searchable text of a procedure, one string (numbers included, so "60日" finds the petition). */
export function searchableText(procedure: GuideProcedure): string {
  const deadlineText = procedure.deadlines.map((d) => `${d.label} ${d.value}${unitText(d.unit)} ${d.basis}`);
  return [
    procedure.title,
    procedure.titleEn,
    procedure.summary,
    ...procedure.whoMayApply,
    ...procedure.documents,
    ...procedure.steps,
    ...deadlineText,
    ...procedure.legalBasis,
  ]
    .join('\n')
    .toLowerCase();
}

/** The unit as the guide prints it after a number. */
export function unitText(unit: GuideUnit): string {
  switch (unit) {
    case 'days':
      return '日';
    case 'workingDays':
      return '个工作日';
    case 'months':
      return '个月';
    case 'years':
      return '年';
    case 'percent':
      return '%';
    case 'percentPerDay':
      return '%/日';
    case 'multiple':
      return '倍';
  }
}

/**
 * The procedures a query finds. Chinese has no spaces between words, so a query is split on whitespace only and each
 * term must occur somewhere in the procedure (substring match, case-insensitive for Latin letters): "失业 期限" finds
 * the unemployment benefit. An empty query finds everything.
 */
export function searchGuide(procedures: readonly GuideProcedure[], query: string): GuideProcedure[] {
  const terms = query
    .trim()
    .toLowerCase()
    .split(/\s+/u)
    .filter((term) => term.length > 0);
  if (terms.length === 0) return [...procedures];
  return procedures.filter((procedure) => {
    const text = searchableText(procedure);
    return terms.every((term) => text.includes(term));
  });
}
