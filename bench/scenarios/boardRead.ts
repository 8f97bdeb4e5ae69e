/**
 * Scenario 1, the board read: `projects(first: 10|50)` and `project(id)` through the
 * application, against one SQL statement behind `node:http` and PostGraphile 5 on the
 * same tables. First it checks that the three answer with the same projects, the same
 * last events and the same timelines, so the floors do the same work.
 */
import { askGraphql, bearer, JSON_HEADERS, type BenchContext } from '../benchContext.js';
import type { BenchRequest } from '../loadGenerator.js';
import { measureAlternating, type CellResult, type CellSpec } from '../measurement.js';
import { BOARD_QUERY, graphql, POSTGRAPHILE_BOARD_QUERY, POSTGRAPHILE_PROJECT_QUERY, PROJECT_QUERY } from '../operations.js';

export const BOARD_PAGE_SIZES = [10, 50] as const;
const CONCURRENCIES = [1, 16] as const;

export interface ShapeCheck {
  boardProjectIdsEqual: boolean;
  boardLastEventsEqual: boolean;
  projectTimelineLengthsEqual: boolean;
  detail: string;
}

interface AppBoard {
  projects: { edges: { node: { id: string; timelineItems: { edges: { node: { seq: number } }[] } } }[] };
}
interface SqlBoardRow {
  id: string;
  lastEvent: { seq: number } | null;
}
interface PostGraphileBoard {
  allProjects: { nodes: { rowId: string; timelineEventsByProjectId: { nodes: { seq: number }[] } }[] };
}

async function checkShapes(context: BenchContext, projectIds: string[]): Promise<ShapeCheck> {
  const headers = bearer(context.systemUnderTest.ready.tokens.lead);
  const app = await askGraphql<AppBoard>(context.appOrigin, headers, BOARD_QUERY, { first: 50 });
  const sql = (await (await fetch(`${context.sqlFloorOrigin}/board?first=50`)).json()) as SqlBoardRow[];
  const postGraphile = await askGraphql<PostGraphileBoard>(context.postGraphileOrigin, JSON_HEADERS, POSTGRAPHILE_BOARD_QUERY, { first: 50 });
  const appPage = app.projects.edges.map(({ node }) => `${node.id}:${node.timelineItems.edges[0]?.node.seq}`);
  const sqlPage = sql.map((row) => `${row.id}:${row.lastEvent?.seq}`);
  const postGraphilePage = postGraphile.allProjects.nodes.map((node) => `${node.rowId}:${node.timelineEventsByProjectId.nodes[0]?.seq}`);
  const ids = (page: string[]) => page.map((entry) => entry.split(':')[0]).join(',');
  const mismatches: string[] = [];
  for (const id of projectIds.slice(0, 20)) {
    const appProject = await askGraphql<{ project: { timeline: unknown[] } }>(context.appOrigin, headers, PROJECT_QUERY, { id });
    const sqlProject = (await (await fetch(`${context.sqlFloorOrigin}/project/${id}`)).json()) as { timeline: unknown[] };
    const pgProject = await askGraphql<{ projectByRowId: { timelineEventsByProjectId: { nodes: unknown[] } } }>(context.postGraphileOrigin, JSON_HEADERS, POSTGRAPHILE_PROJECT_QUERY, { id });
    const lengths = [appProject.project.timeline.length, sqlProject.timeline.length, pgProject.projectByRowId.timelineEventsByProjectId.nodes.length];
    if (new Set(lengths).size !== 1) mismatches.push(`${id}: timeline lengths ${lengths.join('/')}`);
  }
  return {
    boardProjectIdsEqual: appPage.length === 50 && ids(appPage) === ids(sqlPage) && ids(appPage) === ids(postGraphilePage),
    boardLastEventsEqual: appPage.join() === sqlPage.join() && appPage.join() === postGraphilePage.join(),
    projectTimelineLengthsEqual: mismatches.length === 0,
    detail: mismatches.join('; '),
  };
}

export async function boardRead(context: BenchContext): Promise<{ cells: CellResult[]; shapes: ShapeCheck }> {
  const appHeaders = bearer(context.systemUnderTest.ready.tokens.lead);
  // A spread of projects, copies and the API's alike, read in turn.
  const projectIds = (await context.db.query<{ id: string }>('select id from project order by md5(id::text) limit 500')).rows.map((row) => row.id);
  const shapes = await checkShapes(context, projectIds);
  context.log(`read shapes: ${JSON.stringify(shapes)}`);
  const cells: CellResult[] = [];
  const group = async (scenario: string, concurrency: number, app: BenchRequest[], sql: BenchRequest[], postGraphile: BenchRequest[]) => {
    const specs: CellSpec[] = [
      { scenario, system: 'app', concurrency, job: { origin: context.appOrigin, headers: appHeaders, requests: app } },
      { scenario, system: 'sql-floor', concurrency, job: { origin: context.sqlFloorOrigin, headers: {}, requests: sql } },
      { scenario, system: 'postgraphile', concurrency, job: { origin: context.postGraphileOrigin, headers: JSON_HEADERS, requests: postGraphile } },
    ];
    cells.push(...(await measureAlternating(context.measurement, specs, context.options.rounds, context.log)));
  };
  for (const first of BOARD_PAGE_SIZES) {
    for (const concurrency of CONCURRENCIES) {
      await group(
        `board first:${first}`,
        concurrency,
        [graphql(BOARD_QUERY, { first })],
        [{ method: 'GET', path: `/board?first=${first}` }],
        [graphql(POSTGRAPHILE_BOARD_QUERY, { first })],
      );
    }
  }
  for (const concurrency of CONCURRENCIES) {
    await group(
      'project(id)',
      concurrency,
      projectIds.map((id) => graphql(PROJECT_QUERY, { id })),
      projectIds.map((id) => ({ method: 'GET', path: `/project/${id}` })),
      projectIds.map((id) => graphql(POSTGRAPHILE_PROJECT_QUERY, { id })),
    );
  }
  return { cells, shapes };
}
