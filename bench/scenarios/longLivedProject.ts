/**
 * Scenario 4, the long-lived project: N communication rounds on one project, one after
 * the other. Compares the first 100 actions' latency with the last 100's, and reports the
 * workflow's history (runs, events, bytes) and a replay of every run with the app's bundle.
 */
import { askGraphql, bearer, type BenchContext } from '../benchContext.js';
import type { LoadJob, LoadResult } from '../loadGenerator.js';
import { LEAD, logRoundRequest, SEED_CLIENT_IDS } from '../operations.js';
import type { HistoryReport } from '../systemUnderTest.js';

export interface LongLivedResult {
  actions: number;
  errors: number;
  firstError: string | null;
  first100MedianMs: number;
  last100MedianMs: number;
  drift: number;
  history: HistoryReport;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export async function longLivedProject(context: BenchContext): Promise<LongLivedResult> {
  const headers = bearer(context.systemUnderTest.ready.tokens.lead);
  const created = await askGraphql<{ createProject: { id: string; workflowId: string } }>(
    context.appOrigin,
    headers,
    `mutation ($input: CreateProjectInput!) { createProject(input: $input) { id workflowId } }`,
    { input: { clientId: SEED_CLIENT_IDS[0], name: 'Long-lived project', packageCode: 'STANDARD', projectLead: LEAD } },
  );
  const { id, workflowId } = created.createProject;
  const actions = context.options.longLivedActions;
  const job: LoadJob = {
    origin: context.appOrigin,
    headers,
    requests: Array.from({ length: actions }, (_, index) => logRoundRequest(id, `Round ${index + 1}`)),
    concurrency: 1,
    totalRequests: actions,
    keepLatencies: true,
  };
  const result = await context.loadGenerator.call<LoadResult>('drive', job);
  const latencies = result.latenciesMs ?? [];
  const first100MedianMs = median(latencies.slice(0, 100));
  const last100MedianMs = median(latencies.slice(-100));
  const history = await context.systemUnderTest.call<HistoryReport>('replayWorkflow', { workflowId });
  context.log(
    `long-lived: ${actions} actions, first 100 median ${first100MedianMs.toFixed(1)} ms, last 100 ${last100MedianMs.toFixed(1)} ms; ` +
      `history ${history.runs} runs, ${history.events} events, ${history.bytes} bytes; replay ${history.replayFailures === 0 ? 'passed' : `FAILED for ${history.replayFailures} run(s): ${history.replayError}`}`,
  );
  return { actions, errors: result.errors, firstError: result.firstError, first100MedianMs, last100MedianMs, drift: last100MedianMs / first100MedianMs, history };
}
