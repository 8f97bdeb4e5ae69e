/**
 * The system under test, in a process of its own: the application of the checkout at
 * BENCH_ROOT — worker and API together, as `npm start` runs them — on the bench's
 * Postgres and Temporal, through `startStack` (its own database and task queue, the
 * production API protections except the mutation rate limit).
 */
import { Worker } from '@temporalio/worker';
import proto from '@temporalio/proto';
import { loadStack, loadWorkflowBundle } from './appModules.js';
import { quietTemporalRuntime } from './quietTemporalRuntime.js';
import { serveParent } from './childProcess.js';

quietTemporalRuntime();

export interface SystemUnderTestReady {
  graphqlUrl: string;
  databaseUrl: string;
  taskQueue: string;
  tokens: { lead: string; admin: string; csm: string };
}

export interface HistoryReport {
  runs: number;
  events: number;
  bytes: number;
  largestRunEvents: number;
  /** Runs whose replay with the app's bundle failed (nondeterminism or a bundle that no longer fits). */
  replayFailures: number;
  replayError: string | null;
}

const root = process.env.BENCH_ROOT!;
const { startStack } = await loadStack(root);
const { bundleWorkflows } = await loadWorkflowBundle(root);
const workflowBundle = await bundleWorkflows();
const stack = await startStack({
  services: { postgresUrl: process.env.BENCH_POSTGRES_URL!, temporalAddress: process.env.BENCH_TEMPORAL_ADDRESS! },
  workflowBundle,
});

/** Every run of a workflow (continue-as-new makes one per run): their sizes, and a replay of each with the app's bundle. */
async function replayWorkflow({ workflowId }: { workflowId: string }): Promise<HistoryReport> {
  const report: HistoryReport = { runs: 0, events: 0, bytes: 0, largestRunEvents: 0, replayFailures: 0, replayError: null };
  for await (const execution of stack.temporal.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
    const history = await stack.temporal.workflow.getHandle(workflowId, execution.runId).fetchHistory();
    const events = history.events?.length ?? 0;
    report.runs += 1;
    report.events += events;
    report.largestRunEvents = Math.max(report.largestRunEvents, events);
    report.bytes += proto.temporal.api.history.v1.History.encode(history).finish().length;
    try {
      await Worker.runReplayHistory({ workflowBundle }, history, `${workflowId}/${execution.runId}`);
    } catch (error) {
      report.replayFailures += 1;
      report.replayError ??= String(error);
    }
  }
  return report;
}

serveParent(
  {
    graphqlUrl: stack.graphqlUrl,
    databaseUrl: stack.databaseUrl,
    taskQueue: stack.taskQueue,
    tokens: { lead: await stack.tokenFor('lin.pm'), admin: await stack.tokenFor('admin'), csm: await stack.tokenFor('mia.csm') },
  } satisfies SystemUnderTestReady,
  { replayWorkflow },
  () => stack.stop(),
);
