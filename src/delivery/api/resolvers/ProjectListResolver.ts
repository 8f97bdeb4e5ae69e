import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import { ConnectionArgs, connectionOf, cursorParts, cursorShape, pageRequest, sortDirection } from '../../../platform/http/relay.js';
import { TEXT_LIMITS } from '../../../shared/domain/storable.js';
import { DEFAULT_PROJECT_ORDER, listProjects, projectKey, type ProjectKey, type ProjectOrderField, type ProjectView } from '../../services/projectQueries.js';
import { ProjectConnection, ProjectFilterInput, ProjectOrderInput } from '../types/ProjectConnection.js';
import { ProjectType } from '../types/ProjectType.js';
import { TimelineEventConnection } from '../types/TimelineEventConnection.js';

/** The cursor shape of each order: the sort value, then the id. */
const PROJECT_CURSORS: Record<ProjectOrderField, (values: unknown[]) => ProjectKey | null> = {
  CREATED_AT: cursorShape<[Date, string]>(cursorParts.timestamp, cursorParts.uuid),
  UPDATED_AT: cursorShape<[Date, string]>(cursorParts.timestamp, cursorParts.uuid),
  NAME: cursorShape<[string, string]>(cursorParts.text(TEXT_LIMITS.name), cursorParts.uuid),
};

/** A timeline cursor: the event's `seq`. */
const TIMELINE_CURSOR = (values: unknown[]) => cursorShape<[number]>(cursorParts.int)(values)?.[0] ?? null;

/** Lists of projects and pages of a project's timeline, as Relay connections. Thin: the services page, filter and scope. */
@Resolver(() => ProjectType)
export class ProjectListResolver {
  @Authorized()
  @Query(() => ProjectConnection, {
    description:
      'The projects the viewer may see (a CLIENT: its own client\'s), a page at a time: `first`/`after` forward, `last`/`before` backward (at most 100; 20 by default). Newest first unless `orderBy` says otherwise.',
  })
  async projects(
    // Parameters are listed in reverse of the schema's argument order (decorators apply last first).
    @Arg('orderBy', () => ProjectOrderInput, {
      nullable: true,
      defaultValue: { field: 'CREATED_AT', direction: 'DESC' },
      description: 'How the list is sorted; ties are broken by id, so every project has one place in it.',
    })
    orderBy: ProjectOrderInput | null,
    @Arg('filter', () => ProjectFilterInput, { nullable: true, description: 'Only the projects that match; all of them when absent.' })
    filter: ProjectFilterInput | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const order = orderBy ? { field: orderBy.field, direction: sortDirection(orderBy.direction) } : DEFAULT_PROJECT_ORDER;
    const { page, countTotal } = await listProjects(ctx, filter ?? {}, order, pageRequest(args, PROJECT_CURSORS[order.field]));
    return connectionOf(page, (project) => projectKey(project, order.field), countTotal);
  }

  @FieldResolver(() => TimelineEventConnection, {
    description:
      "The project's timeline a page at a time, in `seq` order (oldest first): `last: 1` is the latest event. A CLIENT does not see the agency's internal events (costs). Over a list of projects, one statement loads the page of every project.",
  })
  async timelineItems(@Root() project: ProjectView, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext) {
    const request = pageRequest(args, TIMELINE_CURSOR);
    const { page, totalCount } = await ctx.loaders.timelinePageOfProject.load({ projectId: project.id, request, viewer: ctx.viewer });
    return connectionOf(page, (event) => [event.seq], () => Promise.resolve(totalCount));
  }
}
