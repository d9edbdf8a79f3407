import type { Client } from '@temporalio/client';

/** What Temporal says about the cases' workers and workflows, for /metrics (docs/operations.md "Metrics"). */
export interface TemporalFigures {
  /** Workflow tasks waiting for a worker on the task queue (approximate; null when the server does not report it). */
  workflowBacklog: number | null;
  /** Activity tasks waiting for a worker. */
  activityBacklog: number | null;
  /** Workflow executions that ended in failure, timeout or termination (visibility count). */
  failedWorkflows: number | null;
}

// temporal.api.enums.v1.TaskQueueType: 1 workflow, 2 activity.
const WORKFLOW_QUEUE = 1;
const ACTIVITY_QUEUE = 2;

async function backlog(client: Client, namespace: string, taskQueue: string, type: typeof WORKFLOW_QUEUE | typeof ACTIVITY_QUEUE): Promise<number | null> {
  const answer = await client.workflowService.describeTaskQueue({ namespace, taskQueue: { name: taskQueue }, taskQueueType: type, reportStats: true });
  const count = answer.stats?.approximateBacklogCount;
  return count === undefined || count === null ? null : Number(count);
}

/** Reads the figures; each one that the server cannot answer is null rather than failing the scrape. */
export async function temporalFigures(client: Client, namespace: string, taskQueue: string): Promise<TemporalFigures> {
  const settle = async (read: () => Promise<number | null>) => read().catch(() => null);
  const [workflowBacklog, activityBacklog, failedWorkflows] = await Promise.all([
    settle(() => backlog(client, namespace, taskQueue, WORKFLOW_QUEUE)),
    settle(() => backlog(client, namespace, taskQueue, ACTIVITY_QUEUE)),
    settle(async () => (await client.workflow.count(`TaskQueue = "${taskQueue}" AND ExecutionStatus IN ("Failed", "TimedOut", "Terminated")`)).count),
  ]);
  return { workflowBacklog, activityBacklog, failedWorkflows };
}
