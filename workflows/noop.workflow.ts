import * as wf from '@temporalio/workflow';

/** A workflow that does nothing: the bench starts it the same way as a case, to show the platform's own ceiling. */
export function noop(_input: { caseId: string }): Promise<void> {
  return Promise.resolve();
}

/** The bare Update of the bench's reference: answers its argument at once, touching nothing. */
export const echoUpdate = wf.defineUpdate<number, [number]>('echo');
/** Ends the reference workflow once the bench has measured. */
export const finishReference = wf.defineSignal('finishReference');

/**
 * The reference for a task decision (issue 16): a workflow that stays open and answers a bare Update at once, so the
 * bench measures Temporal's own Update round trip on the same server, queue and worker as the decisions it compares.
 */
export async function bareUpdate(): Promise<void> {
  let finished = false;
  wf.setHandler(echoUpdate, (n: number) => n);
  wf.setHandler(finishReference, () => {
    finished = true;
  });
  await wf.condition(() => finished && wf.allHandlersFinished());
}
