import { createHash } from 'node:crypto';
import { type Client, WorkflowUpdateFailedError, WorkflowNotFoundError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, type DomainErrorCode } from '../domain/errors.js';
import {
  completeTask,
  enrollment,
  petition,
  ratePetition,
  requestPetitionReview,
  resubmitEnrollment,
  withdrawEnrollment,
  type CaseView,
  type RefusalType,
} from '../workflows/index.js';
import type { CaseWorkflows } from './ports.js';
import { startArrearsCases } from '../activities/arrears-sweep.js';
import { arrearsPaymentReceived, requestArrearsDeferral } from '../workflows/arrears.workflow.js';

/** Refusal types thrown by workflow update validators → domain error codes (→ 403/409/422). */
const refusalCodes: Record<RefusalType, DomainErrorCode> = {
  TaskAlreadyDecided: 'TASK_ALREADY_DECIDED',
  FourEyes: 'FOUR_EYES',
  OutcomeNotAllowed: 'OUTCOME_NOT_ALLOWED',
  NotAllowedNow: 'NOT_ALLOWED_NOW',
  WindowClosed: 'REVIEW_WINDOW_CLOSED',
};

/** The same request sent twice carries the same update ID, so Temporal applies it once and answers both alike. */
const updateIdOf = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);

export function temporalCases(client: Client, taskQueue: string): CaseWorkflows {
  const update = async (caseId: string, run: () => Promise<CaseView>): Promise<CaseView> => {
    try {
      return await run();
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
        const code = refusalCodes[(err.cause.type ?? '') as RefusalType];
        if (code) throw new DomainError(code, err.cause.message, { cause: err });
      }
      if (err instanceof WorkflowNotFoundError) {
        throw new DomainError('NOT_ALLOWED_NOW', `case ${caseId} has finished; nothing can change it now`, { cause: err });
      }
      throw err;
    }
  };

  return {
    async startEnrollment(input) {
      await client.workflow.start(enrollment, {
        taskQueue,
        workflowId: input.caseId, // the workflow ID is the case ID (design.md)
        workflowIdConflictPolicy: 'USE_EXISTING', // a retried request finds the running case
        workflowIdReusePolicy: 'REJECT_DUPLICATE', // a case ID is never reused for a second case
        args: [input],
      }).catch((err: unknown) => {
        // Already ran to completion under this ID: the case exists, which is what the caller wants.
        if (err instanceof Error && err.name === 'WorkflowExecutionAlreadyStartedError') return;
        throw err;
      });
    },

    completeTask: (caseId, completion, basis) =>
      update(caseId, () =>
        client.workflow.getHandle(caseId).executeUpdate(completeTask, {
          args: [completion],
          updateId: updateIdOf('complete', completion.taskId, String(basis), completion.actorId, completion.outcome, completion.comment),
        }),
      ),

    resubmitEnrollment: (caseId, correction, actorId, basis) =>
      update(caseId, () =>
        client.workflow.getHandle(caseId).executeUpdate(resubmitEnrollment, {
          args: [{ correction, actorId }],
          updateId: updateIdOf('resubmit', caseId, String(basis), actorId, JSON.stringify(correction)),
        }),
      ),

    withdrawEnrollment: (caseId, reason, actorId) =>
      update(caseId, () =>
        client.workflow.getHandle(caseId).executeUpdate(withdrawEnrollment, {
          args: [{ reason, actorId }],
          updateId: updateIdOf('withdraw', caseId, actorId),
        }),
      ),

    async startPetition(input) {
      await client.workflow
        .start(petition, { taskQueue, workflowId: input.caseId, workflowIdConflictPolicy: 'USE_EXISTING', workflowIdReusePolicy: 'REJECT_DUPLICATE', args: [input] })
        .catch((err: unknown) => {
          if (err instanceof Error && err.name === 'WorkflowExecutionAlreadyStartedError') return;
          throw err;
        });
    },

    requestPetitionReview: (caseId, stage, actorId) =>
      update(caseId, () =>
        client.workflow.getHandle(caseId).executeUpdate(requestPetitionReview, { args: [{ stage, actorId }], updateId: updateIdOf('petition-review', caseId, stage) }),
      ),

    ratePetition: (caseId, rating, actorId) =>
      update(caseId, () =>
        client.workflow.getHandle(caseId).executeUpdate(ratePetition, { args: [{ ...rating, actorId }], updateId: updateIdOf('petition-rating', caseId, String(rating.score), rating.comment) }),
      ),

    startArrearsCases: (starts) => startArrearsCases(client, taskQueue, starts),

    async notifyArrearsPayment(caseId, paymentId) {
      await client.workflow
        .getHandle(caseId)
        .signal(arrearsPaymentReceived, { paymentId })
        .catch((err: unknown) => {
          // The case finished meanwhile (settled): the payment is booked all the same.
          if (!(err instanceof WorkflowNotFoundError)) throw err;
        });
    },

    requestArrearsDeferral: (caseId, request) =>
      update(caseId, () =>
        client.workflow.getHandle(caseId).executeUpdate(requestArrearsDeferral, {
          args: [request],
          updateId: updateIdOf('arrears-deferral', caseId, request.actorId, request.until, request.reason),
        }),
      ),

    async ping() {
      await client.workflowService.getSystemInfo({});
      return true;
    },
  };
}
