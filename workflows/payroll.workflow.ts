import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { gatheringLanes } from '../domain/payroll/payroll-gathering.js';
import type { TaskCompletion } from '../domain/task.js';
import { failingOnDomainErrors } from './domain-failures.js';
import { completeTask, getCaseView, refuse } from './messages.js';
import { PayrollCase } from './payroll/payroll-case.js';
import { type PayrollInput, payrollBankReturn } from './payroll/payroll-messages.js';

export { payrollBankReturn, type PayrollInput } from './payroll/payroll-messages.js';

const acts = wf.proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['DomainRefusal'] },
});

/**
 * 待遇拨付 (docs/payroll.md; rules §5, §8): one payroll per region and month. Gathers every due line of the region's
 * active fund entitlements chunk by chunk (one activity per chunk, set-based in SQL), each line checked by the
 * pre-payment controls on the way in; held lines become tasks (release / stop / stop and recover); a supervisor who did
 * not run it approves the batch; the approved lines go into the bank file and the disbursement ledger; bank return
 * files mark them paid or failed, and failed lines become tasks (retry next month / stop). Paid when every sent line
 * has its outcome and every line task is decided.
 */
export async function payroll(input: PayrollInput): Promise<{ status: string; lines: number; held: number; sent: number }> {
  return failingOnDomainErrors(() => runPayroll(input));
}

async function runPayroll(input: PayrollInput): Promise<{ status: string; lines: number; held: number; sent: number }> {
  const started = await acts.startPayroll({ caseId: input.caseId, region: input.region });
  const c = new PayrollCase(input, started.calendar);
  c.calendar.listen();
  listen(c);
  await c.project();

  let lines = started.carried;
  let held = 0;
  // Lanes: slices of the entitlement IDs walked at once (docs/performance.md "Payroll"); before them, one walk.
  const lanes = wf.patched(GATHERING_LANES) ? gatheringLanes(input.lanes ?? LANES_WHEN_UNSET) : [{ after: null, before: undefined }];
  for (const lane of await Promise.all(lanes.map((slice) => gatherLane(input, slice)))) {
    lines += lane.gathered;
    held += lane.held;
  }
  await acts.finishPayrollGathering({ caseId: input.caseId });
  c.lines = lines;
  c.held = held;
  if (held > 0) await c.openLineTaskBatch('payrollHold', 'held');
  c.life.send({ type: 'GATHERED', lines, held });
  await c.openApproval();
  await c.project();

  const approval = (await c.tasks.awaitDecision(undefined, () => c.project()))!;
  await c.tasks.close(approval);
  c.life.send({ type: 'APPROVED', by: approval.actorId });
  c.decided = c.life.version;
  const sent = wf.patched(SEND_LANES)
    ? await sendInLanes(input, approval.actorId)
    : await acts.sendPayrollBatch({ caseId: input.caseId, region: input.region, approvedBy: approval.actorId });
  c.sent = sent.lines;
  c.sentTotal = sent.total;
  c.outstanding = sent.lines;
  await c.project();

  while (!c.settled()) {
    await wf.condition(() => c.returns.length > 0 || c.settled());
    const file = c.returns.shift();
    if (!file) continue;
    c.outstanding = file.outstanding;
    if (file.failed > 0) await c.openLineTaskBatch('payrollFailed', 'failed');
    c.life.version += 1;
    await c.project();
  }
  c.life.send({ type: 'SETTLED' });
  await c.project();
  await wf.condition(wf.allHandlersFinished);
  return { status: c.status(), lines: c.lines, held: c.held, sent: c.sent };
}

/** Patch: the gathering walks `input.lanes` slices of the entitlement IDs at once instead of one walk over all. */
const GATHERING_LANES = 'payroll-gathering-lanes';
/** The lanes of a payroll whose input names none (started before they were in the input): fixed, as its replay needs. */
const LANES_WHEN_UNSET = 2;

/**
 * One slice's gathering, chunk by chunk by keyset. `before: undefined` is the single walk of the payrolls started
 * before the lanes: the activity's input then has no `before`, as it had in their histories.
 */
async function gatherLane(
  input: PayrollInput,
  slice: { after: string | null; before: string | null | undefined },
): Promise<{ gathered: number; held: number }> {
  let after = slice.after;
  let gathered = 0;
  let held = 0;
  do {
    const chunk: { next: string | null; gathered: number; held: number } = await acts.gatherPayrollChunk({
      payrollId: input.caseId,
      region: input.region,
      period: input.period,
      after,
      ...(slice.before !== undefined && { before: slice.before }),
      limit: input.chunkSize,
    });
    after = chunk.next;
    gathered += chunk.gathered;
    held += chunk.held;
  } while (after !== null);
  return { gathered, held };
}

/** Patch: the approved batch is sent in the gathering's lanes at once, then stamped approved, instead of in one go. */
const SEND_LANES = 'payroll-send-lanes';

async function sendInLanes(input: PayrollInput, approvedBy: string): Promise<{ lines: number; total: string }> {
  const lanes = gatheringLanes(input.lanes ?? LANES_WHEN_UNSET);
  await Promise.all(lanes.map((slice) => acts.sendPayrollLines({ caseId: input.caseId, after: slice.after, before: slice.before })));
  return acts.finishPayrollSend({ caseId: input.caseId, region: input.region, approvedBy });
}

/** The case view, decisions on the approval and on line tasks (one Update), and the bank return signal. */
function listen(c: PayrollCase): void {
  wf.setHandler(getCaseView, () => c.view());
  wf.setHandler(
    completeTask,
    async (completion) => {
      if (!c.isApprovalTask(completion.taskId)) return c.decideLine(completion);
      c.tasks.accept(completion);
      const before = c.life.version;
      await wf.condition(() => c.decided > before);
      return { ...c.view(), lastDecision: c.tasks.lastApplied };
    },
    {
      validator: (completion: TaskCompletion) => {
        if (c.isApprovalTask(completion.taskId)) {
          c.tasks.validate(completion);
          return;
        }
        if (c.life.matches('gathering')) throw refuse('NOT_ALLOWED_NOW', 'the payroll is still gathering its lines');
        c.validateLineDecision(completion);
      },
    },
  );
  wf.setHandler(payrollBankReturn, (file) => {
    if (!c.life.closed()) c.returns.push(file);
  });
}
