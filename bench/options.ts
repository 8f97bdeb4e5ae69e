/** The command line of `npm run bench`, and what the quick mode scales down. */
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  quick: boolean;
  /** The checkout whose application is measured. */
  root: string;
  /** Appended to the result files' names (e.g. `before`). */
  label: string | null;
  /** Warm-up before each measured cell, and the cell's length. */
  warmupMs: number;
  measureMs: number;
  /** Each scenario alternates with its floors this many times (A, floor, A, floor…). */
  rounds: number;
  /** Projects the board reads over (the API's, replicated by SQL). */
  boardProjects: number;
  /** Actions on the long-lived project. */
  longLivedActions: number;
  /** Open project workflows, all started through the API, for the scale scenario. */
  scaleWorkflows: number;
  scaleTimelineEvents: number;
  scaleTickets: number;
}

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: { quick: { type: 'boolean', default: false }, root: { type: 'string' }, label: { type: 'string' } },
  });
  const quick = values.quick ?? false;
  return {
    quick,
    root: path.resolve(values.root ?? process.cwd()),
    label: values.label ?? null,
    warmupMs: quick ? 1_000 : 3_000,
    measureMs: quick ? 2_500 : 10_000,
    rounds: quick ? 1 : 2,
    boardProjects: quick ? 2_000 : 10_000,
    longLivedActions: quick ? 300 : 1_000,
    scaleWorkflows: quick ? 1_000 : 10_000,
    scaleTimelineEvents: 100_000,
    scaleTickets: 10_000,
  };
}
