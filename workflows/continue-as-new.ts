import * as wf from '@temporalio/workflow';

/**
 * Whether the case should continue as new now (in a waiting stage): the server suggests it when the history grows
 * large; a policy may set a lower bound of its own (so the hand-over is exercised, and histories stay small).
 */
export function timeToContinueAsNew(afterEvents?: number): boolean {
  const info = wf.workflowInfo();
  return info.continueAsNewSuggested || (afterEvents !== undefined && info.historyLength >= afterEvents);
}
