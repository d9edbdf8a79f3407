// Records the payroll histories that test/workflows/replay.test.ts replays:
//
//   node --import tsx test/workflows/payroll-record-histories.ts --generation 2026-12
//
// Same rule as every recorder: a change a running payroll could not survive goes behind `wf.patched()`, and new
// recordings are added beside the old ones, never over them (writeNewHistory refuses to overwrite).
import { completeTask } from '../../workflows/index.js';
import { decide } from './benefit-claim-harness.js';
import { generationFromArgs, writeNewHistory } from './history-files.js';
import { approvalTaskOf, holdApproveFailRetry, payrollFakes, payrollStatusOf, withPayroll } from './payroll-harness.js';
import { startTimeSkipping } from './time-skipping.js';
import { payrollBankReturn } from '../../workflows/index.js';

const generation = generationFromArgs();
const { env, bundle } = await startTimeSkipping();
try {
  const fakes = payrollFakes();
  await withPayroll(env, bundle, fakes, async (handle) => {
    console.log(JSON.stringify(await holdApproveFailRetry(handle, fakes)));
    console.log(writeNewHistory('payroll-held-approved-failed-retried', generation, await handle.fetchHistory()));
  });
  const clean = payrollFakes();
  clean.activities.gatherPayrollChunk = async () => ({ next: null, seen: 2, gathered: 2, held: 0 });
  await withPayroll(env, bundle, clean, async (handle) => {
    const approval = await approvalTaskOf(handle);
    await handle.executeUpdate(completeTask, { args: [decide(approval, 'approve', 'sv-2')] });
    await payrollStatusOf(handle, 'paying');
    await handle.signal(payrollBankReturn, { fingerprint: 'f1', outstanding: 2, failed: 0 });
    await handle.signal(payrollBankReturn, { fingerprint: 'f2', outstanding: 0, failed: 0 });
    console.log(JSON.stringify(await handle.result()));
    console.log(writeNewHistory('payroll-approved-paid-in-two-returns', generation, await handle.fetchHistory()));
  });
} finally {
  await env.teardown();
}
