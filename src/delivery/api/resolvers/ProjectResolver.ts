import { UUIDResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Extensions, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { listRows } from '../../../platform/http/queryLimits.js';
import { AddOnPackType } from '../../../catalog/api/types/AddOnPackType.js';
import { ClientType } from '../../../catalog/api/types/ClientType.js';
import { ServicePackageType } from '../../../catalog/api/types/ServicePackageType.js';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import { capsOf } from '../../domain/changeOrder.js';
import { availableSopActions, type SopAction } from '../../domain/sopMachine.js';
import { openGaps, upgradeSopState } from '../../domain/sopState.js';
import { delivery } from '../../services/deliveryService.js';
import { createProject } from '../../services/projectService.js';
import { readProject, type ProjectView } from '../../services/projectQueries.js';
import { primeProjectRelations } from '../loaders.js';
import { SopActionEnum } from '../enums.js';
import { CancelProjectInput, CreateProjectInput } from '../inputs/projectInputs.js';
import { ProjectType } from '../types/ProjectType.js';
import { RequirementType } from '../types/RequirementType.js';
import { SopProgressType } from '../types/SopProgressType.js';
import { TimelineEventType } from '../types/TimelineEventType.js';
import { AGENCY_STAFF } from '../../../identity/domain/role.js';
import { visibleTimeline } from '../../services/timelineService.js';
import { userView, UserType } from '../../../identity/api/types/UserType.js';

/** The project as a whole: reading it, creating it, cancelling it, and where its SOP stands. Thin by design. */
@Resolver(() => ProjectType)
export class ProjectResolver {
  @Authorized()
  @Query(() => ProjectType, { nullable: true, description: 'A project as the read model shows it; null when it does not exist or the viewer may not see it.' })
  async project(@Arg('id', () => UUIDResolver, { description: 'Id of the project.' }) id: string, @Ctx() ctx: GraphQLContext) {
    const project = await readProject(ctx, id);
    if (project) primeProjectRelations(ctx.loaders, [project]);
    return project;
  }

  @Authorized(AGENCY_STAFF)
  @Mutation(() => ProjectType, {
    description:
      "Starts a project's SOP workflow, which writes the project (ADMIN, LEAD); answers once the project is readable. Safe to retry with the same idempotencyKey.",
  })
  createProject(
    @Arg('input', () => CreateProjectInput, { description: 'The client, package, add-ons, lead, staging URL and contract value of the new project.' }) input: CreateProjectInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return createProject(ctx, input);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The project lead as a user (the LEAD `projectLead` names); null only for projects created before users existed.' })
  async lead(@Root() project: ProjectView, @Ctx() ctx: GraphQLContext): Promise<UserType | null> {
    const user = await ctx.loaders.userByUsername.load(project.projectLead);
    return user ? userView(user) : null;
  }

  @Authorized(AGENCY_STAFF)
  @Mutation(() => ProjectType, { description: 'Cancels the project from any open stage, stopping its timers and child workflows.' })
  cancelProject(
    @Arg('input', () => CancelProjectInput, { description: 'The project and why it is cancelled.' }) input: CancelProjectInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return delivery.cancelProject(ctx, input);
  }

  @FieldResolver(() => ClientType, { description: 'The client the project is for.' })
  async client(@Root() project: ProjectView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.client.load(project.client.id);
  }

  @FieldResolver(() => ServicePackageType, { description: 'The service package sold.' })
  async servicePackage(@Root() project: ProjectView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.servicePackage.load(project.servicePackage.code);
  }

  @FieldResolver(() => [AddOnPackType], { description: 'The add-on packs bought with the package.' })
  addOns(@Root() project: ProjectView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.addOnsOfProject.load(project.id);
  }

  @Extensions(listRows(50))
  @FieldResolver(() => [TimelineEventType], {
    description: "Every accepted action and system transition, oldest first; a CLIENT does not see the agency's internal events (costs).",
  })
  async timeline(@Root() project: ProjectView, @Ctx() ctx: GraphQLContext) {
    return visibleTimeline(ctx, await ctx.loaders.timelineOfProject.load(project.id));
  }

  @FieldResolver(() => [SopActionEnum], { description: 'Actions the SOP would accept right now.' })
  availableActions(@Root() project: ProjectView): SopAction[] {
    return availableSopActions({ state: upgradeSopState(project.sopState), policy: project.policy, now: Date.now(), dayMs: 0 });
  }

  @FieldResolver(() => SopProgressType, { description: "Where the project's SOP stands: counters, caps, timers." })
  progress(@Root() project: ProjectView): SopProgressType {
    const state = upgradeSopState(project.sopState);
    return {
      ...state,
      caps: capsOf(project.policy, state.changeOrders),
      openGaps: openGaps(state).length,
      validationDayOpensAt: state.validationDayOpensAt ? new Date(state.validationDayOpensAt) : null,
      aftercareStartedAt: state.aftercareStartedAt ? new Date(state.aftercareStartedAt) : null,
    };
  }

  @Extensions(listRows(10))
  @FieldResolver(() => [RequirementType], { description: 'Every requirement, proposed, confirmed or dropped.' })
  requirements(@Root() project: ProjectView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.requirementsOfProject.load(project.id);
  }
}
