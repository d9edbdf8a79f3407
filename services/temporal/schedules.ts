import type { Client } from '@temporalio/client';

/**
 * Makes sure a daily schedule exists (at `hour`:00 Asia/Shanghai, overlapping runs skipped): Temporal keeps the
 * timetable and shows every run; the workflow takes "today" from the workflow clock. Idempotent: a second worker finds
 * the schedule and leaves it.
 */
async function ensureDailySchedule(client: Client, taskQueue: string, s: { scheduleId: string; workflowType: string; hour: number }): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId: s.scheduleId,
      spec: { calendars: [{ hour: s.hour, minute: 0 }], timezone: 'Asia/Shanghai' },
      action: { type: 'startWorkflow', workflowType: s.workflowType, taskQueue, args: [], workflowId: `${s.scheduleId}-run` },
      policies: { overlap: 'SKIP' },
    });
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ScheduleAlreadyRunning')) throw error;
  }
}

/** The daily arrears sweep (01:00). */
export async function ensureArrearsSweepSchedule(client: Client, taskQueue: string): Promise<void> {
  await ensureDailySchedule(client, taskQueue, { scheduleId: 'arrears-sweep', workflowType: 'arrearsSweep', hour: 1 });
}

/** The daily fund-supervision sweep (02:00, after the arrears sweep): the register-wide controls of rules §8 (docs/supervision.md). */
export async function ensureSupervisionSweepSchedule(client: Client, taskQueue: string): Promise<void> {
  await ensureDailySchedule(client, taskQueue, { scheduleId: 'supervision-sweep', workflowType: 'supervisionSweep', hour: 2 });
}

/** The daily verification sweep (02:00, after the arrears sweep): every beneficiary whose verification ran out is suspended (待遇资格认证, rules §8). */
export async function ensureVerificationSweepSchedule(client: Client, taskQueue: string): Promise<void> {
  await ensureDailySchedule(client, taskQueue, { scheduleId: 'verification-sweep', workflowType: 'verificationSweep', hour: 2 });
}

/**
 * The daily missed-instalment sweep (03:00, after the verification sweep): every instalment of an agreement still missed
 * after its grace is chased (催收, 社会保险经办条例 art. 46; docs/payroll.md "Missed instalments").
 */
export async function ensureMissedInstalmentSweepSchedule(client: Client, taskQueue: string): Promise<void> {
  await ensureDailySchedule(client, taskQueue, { scheduleId: 'missed-instalment-sweep', workflowType: 'missedInstalmentSweep', hour: 3 });
}
