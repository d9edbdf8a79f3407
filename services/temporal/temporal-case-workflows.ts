import { createHash } from 'node:crypto';
import { type Client, ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, isDomainErrorCode } from '../../domain/errors.js';
import {
  arrears,
  arrearsPaymentReceived,
  arrearsPeriodsJoined,
  benefitClaim,
  medicalExpenseDeclaration,
  accountSubsidyDeclaration,
  investigation,
  backPayment,
  calendarLoaded,
  completeTask,
  enrollment,
  getCaseView,
  petition,
  ratePetition,
  recordPetitionDelivery,
  requestArrearsDeferral,
  requestPetitionReview,
  requestReassessment,
  payroll,
  payrollBankReturn,
  pensionRecalculation,
  resubmitEnrollment,
  transfer,
  transferMessageArrived,
  withdrawEnrollment,
  type CaseView,
} from '../../workflows/index.js';
import type { CaseWorkflows } from '../workflow-port.js';

/** The same request sent twice carries the same update ID, so Temporal applies it once and answers both alike. */
const updateIdOf = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);

/** Already ran to completion under this ID: the case exists, which is what the caller wants. */
const alreadyStarted = (err: unknown) => {
  if (err instanceof Error && err.name === 'WorkflowExecutionAlreadyStartedError') return;
  throw err;
};

/** A finished case ignores what happens to it afterwards: a payment is booked all the same, a calendar changes nothing. */
const finishedIsFine = (err: unknown) => {
  if (!(err instanceof WorkflowNotFoundError)) throw err;
};

/**
 * gRPC codes with which the server refuses an Update for a while rather than for good: the workflow task is failing or
 * timed out (a worker was killed and its task has not moved to another worker yet: FAILED_PRECONDITION), the update
 * registry was cleared (UNAVAILABLE, ABORTED), the server is busy (RESOURCE_EXHAUSTED). Found by the crash drill.
 */
const RECOVERING_GRPC_CODES = new Set([4, 8, 9, 10, 14]);

/**
 * How long a caller waits for a case to take a request. An Update handler answers once the case has settled; a case
 * whose own step is retrying (a worker gone, a database that refuses) would keep the request open until the caller
 * gives up. Past this the answer is 503 CASE_UNAVAILABLE; the Update itself stays in the case's history if it was
 * accepted, and the same request sent again — same update ID — answers its result once the case has taken it.
 */
const UPDATE_ANSWER_MS = 20_000;

async function withinAnswerTime(caseId: string, work: Promise<CaseView>): Promise<CaseView> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new DomainError(
            'CASE_UNAVAILABLE',
            `case ${caseId} did not take the request within ${UPDATE_ANSWER_MS / 1000} s; send the same request again — it is applied once`,
          ),
        ),
      UPDATE_ANSWER_MS,
    );
  });
  work.catch(() => undefined); // a late failure of the abandoned wait is not an unhandled rejection
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** How often a wait for a case to settle asks it again. */
const SETTLED_POLL_MS = 20;

/**
 * Asks the case's view until it says `settled` (or has no such notion), the case has finished, or `withinMs` have
 * passed. A query writes nothing to the case's history; one that cannot be answered now (no worker) counts as not
 * settled yet, and is given up on when the time is out.
 */
async function settledWithin(ask: () => Promise<CaseView>, withinMs: number): Promise<boolean> {
  const giveUpAt = performance.now() + withinMs;
  for (;;) {
    const left = giveUpAt - performance.now();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), Math.max(1, left));
    });
    const asked = ask();
    asked.catch(() => undefined); // an abandoned query's late failure is not an unhandled rejection
    try {
      const view = await Promise.race([asked, late]);
      if (view !== null && view.settled !== false) return true;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return true;
    } finally {
      clearTimeout(timer);
    }
    if (performance.now() + SETTLED_POLL_MS >= giveUpAt) return false;
    await new Promise((resolve) => setTimeout(resolve, SETTLED_POLL_MS));
  }
}

/**
 * Whether an Update failed only because the case is being brought back on a worker (503, send it again): its RPC timed
 * out, the server is unavailable, or the workflow was replayed from the start — a worker killed, its cache gone — and
 * the Update arrived in the replay's first activation, before the workflow had registered its handler again (the
 * handlers are set once the case is opened). A rejected Update leaves nothing in history, so the same request sent
 * again, with the same update ID, is applied once (found by the crash drill, docs/operations.md "Crash drill").
 */
export function caseIsRecovering(err: unknown): boolean {
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.message.startsWith('No registered handler for update')) {
    return true;
  }
  if (!(err instanceof ServiceError)) return false;
  const code = (err.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' && RECOVERING_GRPC_CODES.has(code);
}

/**
 * The workflow port on a Temporal client (docs/architecture.md "Case = workflow"): the workflow ID is the case ID, starts use a
 * conflict policy that returns the running case, decisions are Updates with a deterministic update ID. A validator's
 * refusal arrives as an ApplicationFailure whose type is the domain error code it chose (workflows/messages.ts).
 */
export function temporalCaseWorkflows(client: Client, taskQueue: string): CaseWorkflows {
  const update = async (caseId: string, run: () => Promise<CaseView>): Promise<CaseView> => {
    try {
      return await withinAnswerTime(caseId, run());
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && isDomainErrorCode(err.cause.type)) {
        throw new DomainError(err.cause.type, err.cause.message, { cause: err });
      }
      if (err instanceof WorkflowNotFoundError) {
        throw new DomainError('NOT_ALLOWED_NOW', `case ${caseId} has finished; nothing can change it now`, { cause: err });
      }
      if (caseIsRecovering(err)) {
        throw new DomainError(
          'CASE_UNAVAILABLE',
          `case ${caseId} cannot take the request right now (its worker is restarting); send the same request again — it is applied once`,
          { cause: err },
        );
      }
      throw err;
    }
  };
  const start = { taskQueue, workflowIdConflictPolicy: 'USE_EXISTING', workflowIdReusePolicy: 'REJECT_DUPLICATE' } as const;
  const handle = (caseId: string) => client.workflow.getHandle(caseId);

  return {
    startEnrollment: (input) => client.workflow.start(enrollment, { ...start, workflowId: input.caseId, args: [input] }).then(() => undefined, alreadyStarted),

    startPetition: (input) => client.workflow.start(petition, { ...start, workflowId: input.caseId, args: [input] }).then(() => undefined, alreadyStarted),

    completeTask: (caseId, completion, basis) =>
      update(caseId, () =>
        handle(caseId).executeUpdate(completeTask, {
          args: [completion],
          updateId: updateIdOf('complete', completion.taskId, String(basis), completion.actorId, completion.outcome, completion.comment),
        }),
      ),

    awaitSettled: (caseId, withinMs) => settledWithin(() => handle(caseId).query(getCaseView), withinMs),

    resubmitEnrollment: (caseId, correction, actorId, basis) =>
      update(caseId, () =>
        handle(caseId).executeUpdate(resubmitEnrollment, {
          args: [{ correction, actorId }],
          updateId: updateIdOf('resubmit', caseId, String(basis), actorId, JSON.stringify(correction)),
        }),
      ),

    withdrawEnrollment: (caseId, reason, actorId) =>
      update(caseId, () =>
        handle(caseId).executeUpdate(withdrawEnrollment, { args: [{ reason, actorId }], updateId: updateIdOf('withdraw', caseId, actorId) }),
      ),

    requestPetitionReview: (caseId, stage, actorId) =>
      update(caseId, () =>
        handle(caseId).executeUpdate(requestPetitionReview, { args: [{ stage, actorId }], updateId: updateIdOf('petition-review', caseId, stage) }),
      ),

    ratePetition: (caseId, rating, actorId) =>
      update(caseId, () =>
        handle(caseId).executeUpdate(ratePetition, {
          args: [{ ...rating, actorId }],
          updateId: updateIdOf('petition-rating', caseId, String(rating.score), rating.comment),
        }),
      ),

    // The same record sent twice is applied once; another day for the same document is a new (refused) request.
    recordPetitionDelivery: (caseId, delivery, actorId) =>
      update(caseId, () =>
        handle(caseId).executeUpdate(recordPetitionDelivery, {
          args: [{ ...delivery, actorId }],
          updateId: updateIdOf('petition-delivery', caseId, delivery.document, delivery.receivedOn),
        }),
      ),

    // One call per case (signal-with-start): the case ID is the workflow ID, so a case is never started twice.
    async startArrearsCases(starts) {
      for (const input of starts) {
        await client.workflow.signalWithStart(arrears, {
          taskQueue,
          workflowId: input.caseId,
          args: [input],
          signal: arrearsPeriodsJoined,
          signalArgs: [{ periods: input.periods }],
        });
      }
    },

    notifyArrearsPayment: (caseId, paymentId) => handle(caseId).signal(arrearsPaymentReceived, { paymentId }).catch(finishedIsFine),

    requestArrearsDeferral: (caseId, request) =>
      update(caseId, () =>
        handle(caseId).executeUpdate(requestArrearsDeferral, {
          args: [request],
          updateId: updateIdOf('arrears-deferral', caseId, request.actorId, request.until, request.reason),
        }),
      ),

    startTransfer: (input) => client.workflow.start(transfer, { ...start, workflowId: input.caseId, args: [input] }).then(() => undefined, alreadyStarted),

    deliverTransferMessage: (caseId, message) => handle(caseId).signal(transferMessageArrived, { message }).catch(finishedIsFine),
    startBenefitClaim: (input) =>
      client.workflow.start(benefitClaim, { ...start, workflowId: input.caseId, args: [input] }).then(() => undefined, alreadyStarted),
    startMedicalExpenseDeclaration: (input) =>
      client.workflow.start(medicalExpenseDeclaration, { ...start, workflowId: input.caseId, args: [input] }).then(() => undefined, alreadyStarted),
    startAccountSubsidyDeclaration: (input) =>
      client.workflow.start(accountSubsidyDeclaration, { ...start, workflowId: input.caseId, args: [input] }).then(() => undefined, alreadyStarted),
    startBackPayment: (input) =>
      client.workflow.start(backPayment, { ...start, workflowId: input.caseId, args: [input] }).then(() => undefined, alreadyStarted),

    requestReassessment: (caseId, actorId) =>
      update(caseId, () => handle(caseId).executeUpdate(requestReassessment, { args: [{ actorId }], updateId: updateIdOf('reassessment', caseId) })),

    startInvestigation: (input) =>
      client.workflow.start(investigation, { ...start, workflowId: input.caseId, args: [input] }).then(() => undefined, alreadyStarted),

    startPayroll: (input) => client.workflow.start(payroll, { ...start, workflowId: input.caseId, args: [input] }).then(() => undefined, alreadyStarted),
    notifyPayrollBankReturn: (caseId, file) => handle(caseId).signal(payrollBankReturn, file).catch(finishedIsFine),
    startPensionRecalculation: (input) =>
      client.workflow
        // A finished run may run again (it changes nothing it changed); a running one is found, not started twice.
        .start(pensionRecalculation, { ...start, workflowIdReusePolicy: 'ALLOW_DUPLICATE', workflowId: `pension-recalculation-${input.id}`, args: [input] })
        .then(() => undefined, alreadyStarted),

    calendarLoaded: (caseId, calendar) =>
      handle(caseId)
        .signal(calendarLoaded, { calendar: [...calendar] })
        .catch(finishedIsFine),

    async ping() {
      await client.workflowService.getSystemInfo({});
      return true;
    },
  };
}
