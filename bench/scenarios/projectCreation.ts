/** Scenario 3, project creation: `createProject` through the application against one INSERT and a bare `workflow.start` (bench/floors). */
import { bearer, type BenchContext } from '../benchContext.js';
import { measureAlternating, type CellResult, type CellSpec } from '../measurement.js';
import { createProjectRequest } from '../operations.js';

export async function projectCreation(context: BenchContext): Promise<CellResult[]> {
  const cells: CellResult[] = [];
  const appRequests = Array.from({ length: 100 }, (_, index) => createProjectRequest(1000 + index));
  for (const concurrency of [1, 16]) {
    const specs: CellSpec[] = [
      { scenario: 'createProject', system: 'app', concurrency, job: { origin: context.appOrigin, headers: bearer(context.systemUnderTest.ready.tokens.lead), requests: appRequests } },
      { scenario: 'createProject', system: 'insert+start floor', concurrency, job: { origin: context.temporalFloor.ready.origin, headers: {}, requests: [{ method: 'POST', path: '/create' }] } },
    ];
    cells.push(...(await measureAlternating(context.measurement, specs, context.options.rounds, context.log)));
  }
  return cells;
}
