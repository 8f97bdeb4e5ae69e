/**
 * Scenario 2, the stage action: `logCommunicationRound` end to end through the
 * application, against a bare `executeUpdate` on a minimal workflow (bench/floors) with
 * one INSERT activity and with none. c=1 acts on one project (updates to one workflow
 * serialize); c=16 spreads over many. During the warm-up of the c=16 run, samples check
 * that a mutation's answer and the very next query both show the action.
 */
import { askGraphql, bearer, realProjectIds, type BenchContext } from '../benchContext.js';
import { measureAlternating, type CellResult, type CellSpec } from '../measurement.js';
import { LOG_ROUND_MUTATION, logRoundRequest } from '../operations.js';
import { SOURCE_PROJECTS } from './dataSetUp.js';

export interface ConsistencyCheck {
  samples: number;
  consistent: number;
  failures: string[];
}

interface ProjectView {
  progress: { communicationRounds: number };
  timelineItems: { edges: { node: { seq: number; summary: string } }[] };
}

const VIEW_QUERY = `query ($id: UUID!) { project(id: $id) { progress { communicationRounds } timelineItems(last: 1) { edges { node { seq summary } } } } }`;

async function sampleConsistency(context: BenchContext, projectId: string, samples: number, check: ConsistencyCheck): Promise<void> {
  const headers = bearer(context.systemUnderTest.ready.tokens.lead);
  for (let sample = 0; sample < samples; sample++) {
    const summary = `Consistency sample ${sample}`;
    check.samples += 1;
    try {
      const input = { projectId, channel: 'CALL', summary, attendees: ['client'] };
      const acted = (await askGraphql<{ logCommunicationRound: ProjectView }>(context.appOrigin, headers, LOG_ROUND_MUTATION, { input })).logCommunicationRound;
      const read = (await askGraphql<{ project: ProjectView }>(context.appOrigin, headers, VIEW_QUERY, { id: projectId })).project;
      const actedEvent = acted.timelineItems.edges[0]?.node;
      const readEvent = read.timelineItems.edges[0]?.node;
      const ok =
        actedEvent?.summary.includes('Communication round') === true &&
        acted.progress.communicationRounds === read.progress.communicationRounds &&
        actedEvent.seq === readEvent?.seq;
      if (ok) check.consistent += 1;
      else check.failures.push(`sample ${sample}: answer ${JSON.stringify(acted)} vs next read ${JSON.stringify(read)}`);
    } catch (error) {
      check.failures.push(`sample ${sample}: ${String(error)}`);
    }
  }
}

export async function stageAction(context: BenchContext): Promise<{ cells: CellResult[]; consistency: ConsistencyCheck }> {
  const appHeaders = bearer(context.systemUnderTest.ready.tokens.lead);
  const projects = await realProjectIds(context, SOURCE_PROJECTS);
  const sampled = projects.pop()!; // not in the load, so samples see only their own actions
  const floorProjects = await context.temporalFloor.call<string[]>('startProjects', { count: projects.length });
  const floorOrigin = context.temporalFloor.ready.origin;
  const consistency: ConsistencyCheck = { samples: 0, consistent: 0, failures: [] };
  const cells: CellResult[] = [];
  for (const concurrency of [1, 16]) {
    const appProjects = concurrency === 1 ? projects.slice(0, 1) : projects;
    const floorIds = concurrency === 1 ? floorProjects.slice(0, 1) : floorProjects;
    const scenario = 'logCommunicationRound';
    const specs: CellSpec[] = [
      {
        scenario,
        system: 'app',
        concurrency,
        job: { origin: context.appOrigin, headers: appHeaders, requests: appProjects.map((id) => logRoundRequest(id)) },
        duringWarmup: concurrency === 16 ? () => sampleConsistency(context, sampled, 5, consistency) : undefined,
      },
      { scenario, system: 'update+insert floor', concurrency, job: { origin: floorOrigin, headers: {}, requests: floorIds.map((id) => ({ method: 'POST', path: `/act/${id}?activity=1` })) } },
      { scenario, system: 'bare update floor', concurrency, job: { origin: floorOrigin, headers: {}, requests: floorIds.map((id) => ({ method: 'POST', path: `/act/${id}` })) } },
    ];
    cells.push(...(await measureAlternating(context.measurement, specs, context.options.rounds, context.log)));
  }
  context.log(`consistency: ${consistency.consistent}/${consistency.samples} samples consistent`);
  return { cells, consistency };
}
