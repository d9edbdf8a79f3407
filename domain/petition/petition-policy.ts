/**
 * Configurable petition clocks with their statutory defaults (rules §7, §9: provinces may set other internal
 * limits). A running case keeps the policy it started with (workflow input).
 */
export interface PetitionPolicy {
  /** Art. 23: tell the petitioner within 15 days of receipt whether it is accepted, not accepted (and where to go) or forwarded. */
  acceptanceDays: number;
  /** Art. 23: a body that receives a petition outside its competence objects within 5 working days. */
  transferObjectionWorkingDays: number;
  /** Art. 32: handled within 60 days of acceptance. */
  handlingDays: number;
  /** Art. 32: one extension of at most 30 days, approved by the head of the body. */
  maxExtensionDays: number;
  /** Internal SLA for the supervisor's extension decision (not in the regulation; unverified — configurable). */
  extensionDecisionWorkingDays: number;
  /** Art. 35: review requested within 30 days of receiving the reply; art. 36: re-review within 30 days of the review opinion. */
  reviewRequestDays: number;
  /** Arts. 35–36: the review and re-review opinions within 30 days of the request. */
  reviewOpinionDays: number;
  /** Art. 20: a group visit names at most five representatives. */
  maxRepresentatives: number;
  /** Continue as new once the history has this many events, besides on the server's suggestion (absent: only then). */
  continueAsNewAfterEvents?: number;
}

export const DEFAULT_PETITION_POLICY: PetitionPolicy = {
  acceptanceDays: 15,
  transferObjectionWorkingDays: 5,
  handlingDays: 60,
  maxExtensionDays: 30,
  extensionDecisionWorkingDays: 3,
  reviewRequestDays: 30,
  reviewOpinionDays: 30,
  maxRepresentatives: 5,
};
