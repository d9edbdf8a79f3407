import type { Client } from '@temporalio/client';

/**
 * Makes sure the daily arrears sweep schedule exists (01:00 Asia/Shanghai, overlapping runs skipped): Temporal keeps
 * the timetable and shows every run; the workflow takes "today" from the workflow clock. Idempotent: a second worker
 * finds the schedule and leaves it.
 */
export async function ensureArrearsSweepSchedule(client: Client, taskQueue: string): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId: 'arrears-sweep',
      spec: { calendars: [{ hour: 1, minute: 0 }], timezone: 'Asia/Shanghai' },
      action: { type: 'startWorkflow', workflowType: 'arrearsSweep', taskQueue, args: [], workflowId: 'arrears-sweep-run' },
      policies: { overlap: 'SKIP' },
    });
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ScheduleAlreadyRunning')) throw error;
  }
}

/**
 * Makes sure the daily fund-supervision sweep schedule exists (02:00 Asia/Shanghai, after the arrears sweep;
 * overlapping runs skipped): the register-wide controls of rules §8 (docs/supervision.md). Idempotent like the above.
 */
export async function ensureSupervisionSweepSchedule(client: Client, taskQueue: string): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId: 'supervision-sweep',
      spec: { calendars: [{ hour: 2, minute: 0 }], timezone: 'Asia/Shanghai' },
      action: { type: 'startWorkflow', workflowType: 'supervisionSweep', taskQueue, args: [], workflowId: 'supervision-sweep-run' },
      policies: { overlap: 'SKIP' },
    });
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ScheduleAlreadyRunning')) throw error;
  }
}

/**
 * Makes sure the daily verification sweep schedule exists (02:00 Asia/Shanghai, after the arrears sweep; overlapping
 * runs skipped): every beneficiary whose verification ran out is suspended (待遇资格认证, rules §8). Idempotent.
 */
export async function ensureVerificationSweepSchedule(client: Client, taskQueue: string): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId: 'verification-sweep',
      spec: { calendars: [{ hour: 2, minute: 0 }], timezone: 'Asia/Shanghai' },
      action: { type: 'startWorkflow', workflowType: 'verificationSweep', taskQueue, args: [], workflowId: 'verification-sweep-run' },
      policies: { overlap: 'SKIP' },
    });
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ScheduleAlreadyRunning')) throw error;
  }
}
