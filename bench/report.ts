/** The run's results: goals judged against the issue's targets, and the markdown table. */
import type { CellResult } from './measurement.js';
import type { ShapeCheck } from './scenarios/boardRead.js';
import type { LongLivedResult } from './scenarios/longLivedProject.js';
import type { ScaleResult } from './scenarios/scale.js';
import type { ConsistencyCheck } from './scenarios/stageAction.js';

export interface BenchResults {
  meta: Record<string, unknown>;
  data: Record<string, unknown>;
  shapes: ShapeCheck;
  consistency: ConsistencyCheck;
  cells: CellResult[];
  longLived: LongLivedResult;
  scale: ScaleResult;
}

export interface Goal {
  goal: string;
  measured: number;
  target: string;
  met: boolean;
}

function cell(cells: CellResult[], scenario: string, system: string, concurrency: number): CellResult | undefined {
  return cells.find((candidate) => candidate.scenario === scenario && candidate.system === system && candidate.concurrency === concurrency);
}

/** The floor each row's ratio is taken against. */
const RATIO_FLOOR: Record<string, string> = {
  'board first:10': 'sql-floor',
  'board first:50': 'sql-floor',
  'project(id)': 'sql-floor',
  logCommunicationRound: 'bare update floor',
  createProject: 'insert+start floor',
};

export function judgeGoals(results: BenchResults): Goal[] {
  const goals: Goal[] = [];
  const { cells } = results;
  const add = (goal: string, measured: number | undefined, target: string, met: (value: number) => boolean) => {
    if (measured === undefined || Number.isNaN(measured)) return;
    goals.push({ goal, measured, target, met: met(measured) });
  };
  for (const scenario of ['board first:50', 'project(id)']) {
    const app = cell(cells, scenario, 'app', 16);
    const sql = cell(cells, scenario, 'sql-floor', 16);
    const postGraphile = cell(cells, scenario, 'postgraphile', 16);
    if (!app || !sql || !postGraphile) continue;
    add(`${scenario} c=16 req/s ÷ SQL floor`, app.requestsPerSecond / sql.requestsPerSecond, '≥ 0.5', (value) => value >= 0.5);
    add(`${scenario} c=16 p99 ÷ SQL floor's`, app.p99Ms / sql.p99Ms, '≤ 2', (value) => value <= 2);
    add(`${scenario} c=16 req/s ÷ PostGraphile`, app.requestsPerSecond / postGraphile.requestsPerSecond, '≥ 1.0', (value) => value >= 1);
  }
  const small = cell(cells, 'board first:10', 'app', 1);
  const large = cell(cells, 'board first:50', 'app', 1);
  if (small && large) add('board statements/request, first:50 − first:10', large.statementsPerRequest - small.statementsPerRequest, '0 (constant)', (value) => Math.abs(value) < 0.5);
  for (const concurrency of [1, 16]) {
    const app = cell(cells, 'logCommunicationRound', 'app', concurrency);
    const floor = cell(cells, 'logCommunicationRound', 'bare update floor', concurrency);
    if (!app || !floor) continue;
    add(`logCommunicationRound c=${concurrency} req/s ÷ bare update floor`, app.requestsPerSecond / floor.requestsPerSecond, '≥ 0.7', (value) => value >= 0.7);
    add(`logCommunicationRound c=${concurrency} p99 ÷ bare update floor's`, app.p99Ms / floor.p99Ms, '≤ 1.5', (value) => value <= 1.5);
  }
  add('mutation answer and next query consistent (samples failing)', results.consistency.samples - results.consistency.consistent, '0', (value) => value === 0);
  for (const concurrency of [1, 16]) {
    const app = cell(cells, 'createProject', 'app', concurrency);
    const floor = cell(cells, 'createProject', 'insert+start floor', concurrency);
    if (app && floor) add(`createProject c=${concurrency} req/s ÷ INSERT + workflow.start`, app.requestsPerSecond / floor.requestsPerSecond, '≥ 0.9', (value) => value >= 0.9);
  }
  add(`long-lived: last 100 ÷ first 100 median latency (${results.longLived.actions} actions)`, results.longLived.drift, '≤ 1.2', (value) => value <= 1.2);
  add(`long-lived: runs whose replay failed (of ${results.longLived.history.runs})`, results.longLived.history.replayFailures, '0', (value) => value === 0);
  for (const scenario of ['scale: serviceDashboard', 'scale: slaBreachReport', 'scale: sla-breaches.csv']) {
    const app = cell(results.scale.cells, scenario, 'app', 1);
    if (app) add(`${scenario.slice('scale: '.length)} p99 ms (c=1)`, app.p99Ms, '< 100', (value) => value < 100);
  }
  return goals;
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function cellRows(cells: CellResult[], all: CellResult[]): string[] {
  return cells.map((result) => {
    const floorName = RATIO_FLOOR[result.scenario];
    const floor = floorName && result.system !== floorName ? cell(all, result.scenario, floorName, result.concurrency) : undefined;
    const ratio = floor ? `${fixed(result.requestsPerSecond / floor.requestsPerSecond, 2)}×` : '';
    const cpu = Object.entries(result.cpuSeconds)
      .filter(([, seconds]) => seconds >= 0.01)
      .map(([name, seconds]) => `${name} ${fixed((seconds * 1000) / Math.max(1, result.requests), 2)}`)
      .join(', ');
    return `| ${result.scenario} | ${result.system} | ${result.concurrency} | ${fixed(result.requestsPerSecond)} | ${ratio} | ${fixed(result.p50Ms)} | ${fixed(result.p95Ms)} | ${fixed(result.p99Ms)} | ${fixed(result.statementsPerRequest, 2)} | ${cpu} | ${result.errors || ''} |`;
  });
}

export function renderMarkdown(results: BenchResults, goals: Goal[]): string {
  const { meta, longLived, scale } = results;
  const lines = [
    `# Benchmark ${meta.startedAt} (${meta.mode}${meta.label ? `, ${meta.label}` : ''})`,
    '',
    `Commit \`${meta.commit}\` at \`${meta.root}\`; ${meta.machine}; Node ${meta.node}. Command: \`${meta.command}\`.`,
    `Load average at start: ${meta.loadAverageAtStart}; at end: ${meta.loadAverageAtEnd}. ${meta.noiseNote}`,
    '',
    '## Goals',
    '',
    '| goal | measured | target | met |',
    '|---|---|---|---|',
    ...goals.map((goal) => `| ${goal.goal} | ${fixed(goal.measured, 2)} | ${goal.target} | ${goal.met ? 'met' : '**not met**'} |`),
    '',
    '## Cells',
    '',
    'Each scenario alternated with its floors in the same run on the same database. `× floor`: req/s over the SQL floor (reads), the bare-update floor (actions) or INSERT + `workflow.start` (creation). CPU: milliseconds per request of each process (app = API + worker process, postgres = postmaster and backends, temporal = dev server).',
    '',
    '| scenario | system | c | req/s | × floor | p50 ms | p95 ms | p99 ms | SQL stmt/req | CPU ms/req | errors |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...cellRows(results.cells, results.cells),
    ...cellRows(scale.cells, scale.cells),
    '',
    '## Checks and the long-lived project',
    '',
    `- Read shapes (app, SQL floor, PostGraphile): same 50 board projects ${results.shapes.boardProjectIdsEqual ? 'yes' : 'NO'}, same last events ${results.shapes.boardLastEventsEqual ? 'yes' : 'NO'}, same timeline lengths for 20 projects ${results.shapes.projectTimelineLengthsEqual ? 'yes' : `NO (${results.shapes.detail})`}.`,
    `- Consistency under load: ${results.consistency.consistent} of ${results.consistency.samples} mutation answers matched the next query.${results.consistency.failures.length ? ` Failures: ${results.consistency.failures.join('; ')}` : ''}`,
    `- Long-lived project: ${longLived.actions} logCommunicationRound at c=1 (${longLived.errors} errors); median first 100 ${fixed(longLived.first100MedianMs)} ms, last 100 ${fixed(longLived.last100MedianMs)} ms (${fixed(longLived.drift, 2)}×); history ${longLived.history.runs} run(s), ${longLived.history.events} events, ${longLived.history.bytes} bytes, largest run ${longLived.history.largestRunEvents} events; replay of every run with the app's bundle ${longLived.history.replayFailures === 0 ? 'passed' : `FAILED for ${longLived.history.replayFailures}: ${longLived.history.replayError}`}.`,
    `- Scale: ${scale.openWorkflows} open project workflows (all started through the API, ${fixed(scale.startedThroughApiPerSecond)}/s at c=16), ${scale.projects} projects, ${scale.timelineEvents} timeline events, ${scale.tickets} tickets (beyond the API's, copied by SQL); API + worker process RSS ${fixed(scale.appRssMiB, 0)} MiB.`,
    `- Data: ${JSON.stringify(results.data)}`,
  ];
  return lines.join('\n') + '\n';
}
