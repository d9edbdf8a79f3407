// The filing forms the public and front office use, one per case type that people file (参保登记, 信访). A new case
// type plugs in by adding an entry to `filings`; the pages (file.page.tsx, case.page.tsx) render whatever is here.
import type { FC } from 'hono/jsx';
import type { Actor, Role } from '../../../policies/abilities.js';
import type { ApiAnswer, ApiCall } from '../api-client.js';
import type { Lang, Translate } from '../i18n/messages.js';
import type { Session } from '../web-env.js';
import type { Label } from './case-type-labels.js';
import { accountSubsidyFiling } from './account-subsidy.filing.js';
import { backPaymentFiling } from './back-payment.filing.js';
import { benefitFiling } from './benefit.filing.js';
import { enrollmentFiling } from './enrollment.filing.js';
import { medicalExpenseFiling } from './medical-expense.filing.js';
import { petitionFiling } from './petition.filing.js';
import { transferFiling } from './transfer.filing.js';

export type PostedForm = Record<string, string | File | (string | File)[]>;

export interface FormProps {
  t: Translate;
  lang: Lang;
  session: Session;
  /** The values the user sent, to refill the form after a refusal. */
  values: Record<string, string>;
  regions: { code: string; name: string }[];
}

export interface Filed {
  caseId: string;
  reference: string;
  status: string;
}

export interface CaseTypeFiling {
  type: string;
  title: Label;
  /** Who is offered the form; the API still decides every submission. */
  roles: readonly Role[];
  Form: FC<FormProps>;
  /** Turns the posted form into API calls (attachments first, then the filing). */
  submit(form: PostedForm, call: ApiCall, actor: Actor): Promise<ApiAnswer<Filed>>;
  /**
   * A post that only draws the form again with what was typed (e.g. "add a dependant", a form usable without
   * JavaScript): nothing is sent to the API.
   */
  isRedraw?: (form: PostedForm) => boolean;
  /** The applicant's answer to a return for correction, when the type has one. */
  correctionPath?: (caseId: string) => string;
  withdrawalPath?: (caseId: string) => string;
  /** The applicant's own part of the case page (documents, replies, follow-up requests), when the type has one. */
  followUp?: ApplicantFollowUp;
}

export interface FollowUpProps {
  data: unknown;
  reference: string;
  session: Session;
  t: Translate;
  lang: Lang;
  now: Date;
}

/** A case type's applicant panel: loaded through the JSON API, its forms post back to the API through the page. */
export interface ApplicantFollowUp {
  /** What the panel shows, or null when the caller is not the applicant (the API answers 404). */
  load(call: ApiCall, reference: string): Promise<unknown>;
  Panel: FC<FollowUpProps>;
  /** Posted to /web/cases/{reference}/follow-up/{name}; each is one JSON API call. */
  actions: Record<string, (form: PostedForm, call: ApiCall, reference: string) => Promise<ApiAnswer<unknown>>>;
}

export const filings: CaseTypeFiling[] = [
  enrollmentFiling,
  petitionFiling,
  benefitFiling,
  transferFiling,
  medicalExpenseFiling,
  accountSubsidyFiling,
  backPaymentFiling,
];

export const filingFor = (type: string): CaseTypeFiling | undefined => filings.find((filing) => filing.type === type);
