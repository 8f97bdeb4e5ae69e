import { UUIDResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { availableSopActions, type SopAction } from '../../domain/sopActions.js';
import { capsOf } from '../../domain/changeOrder.js';
import { costShares } from '../../domain/costShare.js';
import { openGaps, upgradeSopState } from '../../domain/sopState.js';
import { listSiteChecks } from '../../services/siteCheckService.js';
import { ChangeOrderType } from '../types/ChangeOrderType.js';
import { CostEntryType, CostShareType } from '../types/CostTypes.js';
import { RequirementType } from '../types/RequirementType.js';
import { MonitoringReportType, SiteCheckType } from '../types/SiteCheckTypes.js';
import { SopProgressType } from '../types/SopProgressType.js';
import type { Project } from '../../db/entities/index.js';
import { createProject, findProject } from '../../services/projectService.js';
import type { RequestContext } from '../context.js';
import { CreateProjectInput } from '../inputs/CreateProjectInput.js';
import { AddOnPackType } from '../types/AddOnPackType.js';
import { ClientType } from '../types/ClientType.js';
import { SopActionEnum } from '../types/enums.js';
import { ProjectType } from '../types/ProjectType.js';
import { ServicePackageType } from '../types/ServicePackageType.js';
import { StageEventType } from '../types/StageEventType.js';

/** Thin by design: arguments in, a service call, the read model out. */
@Resolver(() => ProjectType)
export class ProjectResolver {
  @Query(() => ProjectType, { nullable: true, description: 'A project as the read model shows it.' })
  project(@Arg('id', () => UUIDResolver) id: string, @Ctx() ctx: RequestContext) {
    return findProject(ctx, id);
  }

  @Mutation(() => ProjectType, { description: 'Creates a project and starts its SOP workflow.' })
  createProject(@Arg('input', () => CreateProjectInput) input: CreateProjectInput, @Ctx() ctx: RequestContext) {
    return createProject(ctx, input);
  }

  @FieldResolver(() => ClientType)
  async client(@Root() project: Project, @Ctx() ctx: RequestContext) {
    return ctx.loaders.client.load(project.client.id);
  }

  @FieldResolver(() => ServicePackageType)
  async servicePackage(@Root() project: Project, @Ctx() ctx: RequestContext) {
    return ctx.loaders.servicePackage.load(project.servicePackage.code);
  }

  @FieldResolver(() => [AddOnPackType])
  addOns(@Root() project: Project, @Ctx() ctx: RequestContext) {
    return ctx.loaders.addOnsOfProject.load(project.id);
  }

  @FieldResolver(() => [StageEventType], { description: 'Every accepted action, oldest first.' })
  timeline(@Root() project: Project, @Ctx() ctx: RequestContext) {
    return ctx.loaders.timelineOfProject.load(project.id);
  }

  @FieldResolver(() => [SopActionEnum], { description: 'Actions the SOP would accept right now.' })
  availableActions(@Root() project: Project): SopAction[] {
    return availableSopActions({ state: upgradeSopState(project.sopState), policy: project.policy });
  }

  @FieldResolver(() => SopProgressType)
  progress(@Root() project: Project): SopProgressType {
    const state = upgradeSopState(project.sopState);
    return {
      ...state,
      caps: capsOf(project.policy, state.changeOrders),
      openGaps: openGaps(state).length,
      validationDayOpensAt: state.validationDayOpensAt ? new Date(state.validationDayOpensAt) : null,
      aftercareStartedAt: state.aftercareStartedAt ? new Date(state.aftercareStartedAt) : null,
    };
  }

  @FieldResolver(() => [RequirementType])
  requirements(@Root() project: Project, @Ctx() ctx: RequestContext) {
    return ctx.loaders.requirementsOfProject.load(project.id);
  }

  @FieldResolver(() => [ChangeOrderType])
  changeOrders(@Root() project: Project, @Ctx() ctx: RequestContext) {
    return ctx.loaders.changeOrdersOfProject.load(project.id);
  }

  @FieldResolver(() => [CostEntryType])
  costEntries(@Root() project: Project, @Ctx() ctx: RequestContext) {
    return ctx.loaders.costEntriesOfProject.load(project.id);
  }

  @FieldResolver(() => [CostShareType], { description: 'Research, iteration and after-sales cost against the contract value and guardrails.' })
  async costShares(@Root() project: Project, @Ctx() ctx: RequestContext) {
    const entries = await ctx.loaders.costEntriesOfProject.load(project.id);
    return costShares(entries, project.contractValue ?? null, project.policy.costShareGuardrails);
  }

  @FieldResolver(() => [MonitoringReportType])
  monitoringReports(@Root() project: Project, @Ctx() ctx: RequestContext) {
    return ctx.loaders.monitoringReportsOfProject.load(project.id);
  }

  @FieldResolver(() => [SiteCheckType], { description: 'The latest HTTP checks of the stress test or monitoring, newest first.' })
  siteChecks(
    @Root() project: Project,
    @Ctx() ctx: RequestContext,
    @Arg('run', () => String, { nullable: true, description: '`stress-<attempt>` or `monitoring`; all runs when absent.' }) run?: string | null,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit = 50,
  ) {
    return listSiteChecks(ctx, project.id, run ?? null, limit);
  }
}
