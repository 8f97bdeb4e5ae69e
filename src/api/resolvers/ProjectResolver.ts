import { UUIDResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { availableSopActions, type SopAction } from '../../domain/sopActions.js';
import { upgradeSopState } from '../../domain/sopState.js';
import type { Project } from '../../db/entities/index.js';
import {
  createProject,
  findProject,
  logCommunicationRound,
  signOffRequirements,
} from '../../services/projectService.js';
import type { RequestContext } from '../context.js';
import { CreateProjectInput } from '../inputs/CreateProjectInput.js';
import { LogCommunicationRoundInput } from '../inputs/LogCommunicationRoundInput.js';
import { SignOffRequirementsInput } from '../inputs/SignOffRequirementsInput.js';
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

  @Mutation(() => ProjectType, { description: 'Logs a communication round with the client (requirements stage).' })
  logCommunicationRound(
    @Arg('input', () => LogCommunicationRoundInput) input: LogCommunicationRoundInput,
    @Ctx() ctx: RequestContext,
  ) {
    return logCommunicationRound(ctx, input);
  }

  @Mutation(() => ProjectType, {
    description: "Signs off the requirements; refused until the package's minimum communication rounds are logged.",
  })
  signOffRequirements(
    @Arg('input', () => SignOffRequirementsInput) input: SignOffRequirementsInput,
    @Ctx() ctx: RequestContext,
  ) {
    return signOffRequirements(ctx, input);
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
}
