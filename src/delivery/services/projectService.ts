import { applyAddOns } from '../../catalog/domain/addOnPack.js';
import { validatePolicy } from '../../catalog/domain/packagePolicy.js';
import { AddOnPack, Client, ServicePackage } from '../../catalog/entities/index.js';
import { canReadClient, requireRole, requireViewer } from '../../identity/services/access.js';
import { User } from '../../identity/entities/index.js';
import { DomainError } from '../../platform/domainError.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import { initialSopState } from '../domain/sopState.js';
import { Project, TimelineEvent } from '../entities/index.js';
import { projectWorkflowId, startProjectSop } from './projectWorkflows.js';
import { checkedSiteUrl } from './siteUrls.js';

export interface CreateProject {
  clientId: string;
  name: string;
  packageCode: string;
  addOnCodes: string[];
  projectLead: string;
  stagingUrl?: URL | string | null;
  contractValue?: number | null;
}

/**
 * The project if the viewer may read it, else null: a CLIENT reads only its own client's
 * projects, and another client's project is as absent as one that does not exist.
 */
export async function findProject(ctx: ServiceContext, projectId: string): Promise<Project | null> {
  const viewer = requireViewer(ctx);
  const project = await ctx.em.findOne(Project, { id: projectId });
  return project && canReadClient(viewer, project.client.id) ? project : null;
}

/** The project, or NOT_FOUND: every use case on one project starts here. */
export async function requireProject(ctx: ServiceContext, projectId: string): Promise<Project> {
  const project = await findProject(ctx, projectId);
  if (!project) throw new DomainError('NOT_FOUND', `Project ${projectId} does not exist.`, { entity: 'Project', id: projectId });
  return project;
}

/**
 * Creates the project row, its first timeline entry and its SOP workflow. The row is
 * written first so the workflow's projection always has a row to update; if the
 * workflow cannot be started, the row is removed again and nothing is left behind.
 */
export async function createProject(ctx: ServiceContext, input: CreateProject): Promise<Project> {
  const viewer = requireRole(ctx, ['ADMIN', 'LEAD']);
  const client = await ctx.em.findOne(Client, { id: input.clientId });
  if (!client) throw new DomainError('NOT_FOUND', `Client ${input.clientId} does not exist.`, { entity: 'Client', id: input.clientId });
  const servicePackage = await ctx.em.findOne(ServicePackage, { code: input.packageCode });
  if (!servicePackage) {
    throw new DomainError('NOT_FOUND', `Service package ${input.packageCode} does not exist.`, { entity: 'ServicePackage', id: input.packageCode });
  }
  const addOnCodes = [...new Set(input.addOnCodes)];
  const addOns = addOnCodes.length > 0 ? await ctx.em.find(AddOnPack, { code: { $in: addOnCodes } }) : [];
  const missing = addOnCodes.filter((code) => !addOns.some((addOn) => addOn.code === code));
  if (missing.length > 0) {
    throw new DomainError('NOT_FOUND', `Add-on packs do not exist: ${missing.join(', ')}.`, { entity: 'AddOnPack', ids: missing });
  }
  const policy = applyAddOns(servicePackage.policy, addOns.map((addOn) => addOn.effect));
  const problems = validatePolicy(policy);
  if (problems.length > 0) {
    throw new DomainError('INVALID_INPUT', `The ${servicePackage.code} package policy is not usable.`, { problems });
  }

  const stagingUrl = checkedSiteUrl(ctx, 'stagingUrl', input.stagingUrl);
  const projectLead = input.projectLead.trim();
  if (!(await ctx.em.count(User, { username: projectLead, role: 'LEAD' }))) {
    throw new DomainError('INVALID_INPUT', `projectLead must be the username of a LEAD user; ${projectLead} is not one.`, { field: 'projectLead' });
  }
  const state = { ...initialSopState(), stagingUrl };
  const project = ctx.em.create(Project, {
    name: input.name.trim(),
    client,
    servicePackage,
    addOns,
    projectLead,
    stagingUrl,
    workflowId: 'pending',
    policy,
    contractValue: input.contractValue ?? null,
    stage: state.stage,
    sopState: state,
    projectedSeq: state.lastEventSeq,
  });
  project.workflowId = projectWorkflowId(project.id);
  ctx.em.create(TimelineEvent, {
    project,
    seq: 0,
    type: 'PROJECT_CREATED',
    fromStage: state.stage,
    toStage: state.stage,
    actor: viewer.username,
    occurredAt: new Date(),
    summary: `Project created on the ${servicePackage.name} package`,
    details: { packageCode: servicePackage.code, addOnCodes },
  });
  await ctx.em.flush();

  try {
    await startProjectSop(
      ctx.temporal,
      ctx.taskQueue,
      { projectId: project.id, policy, stagingUrl, dayMs: ctx.sopDayMs },
      { projectName: project.name, clientName: client.name, packageCode: servicePackage.code, clientTier: client.tier, projectLead: project.projectLead },
    );
  } catch (error) {
    await ctx.em.nativeDelete(TimelineEvent, { project: project.id });
    await ctx.em.nativeDelete(Project, { id: project.id });
    throw error;
  }
  return project;
}
