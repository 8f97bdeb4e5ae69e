import { randomUUID } from 'node:crypto';
import { applyAddOns } from '../../catalog/domain/addOnPack.js';
import { validatePolicy } from '../../catalog/domain/packagePolicy.js';
import { AddOnPack, Client, ServicePackage } from '../../catalog/entities/index.js';
import { canReadClient, requireRole, requireViewer } from '../../identity/services/access.js';
import type { Viewer } from '../../identity/domain/role.js';
import { User } from '../../identity/entities/index.js';
import { DomainError } from '../../platform/domainError.js';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, resultIdOfKey } from '../../platform/idempotency/idempotencyKeys.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import type { ProjectRecord } from '../domain/projectRecord.js';
import { Project } from '../entities/index.js';
import { projectWorkflowExists, startProjectSop, type ProjectLabels } from './projectWorkflows.js';
import type { ProjectSopInput } from '../../../workflows/delivery/projectSop.js';
import { checkedSiteUrl } from './siteUrls.js';

export interface CreateProject {
  clientId: string;
  name: string;
  packageCode: string;
  addOnCodes: string[];
  projectLead: string;
  stagingUrl?: URL | string | null;
  contractValue?: number | null;
  /** When delivery (acceptance) is promised; on-time delivery is judged against it. */
  plannedDeliveryAt?: Date | null;
  /** Makes a retry safe: the same key with the same input creates one project and answers it every time. */
  idempotencyKey?: string | null;
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
 * Where a test plays a crash of the API process: each hook runs at its step of
 * createProject, and making it throw stops the request there. Empty outside tests.
 */
export const createProjectFaults: {
  beforeWorkflowStart?: (projectId: string) => void;
  afterWorkflowStart?: (projectId: string) => void;
} = {};

/**
 * Creates a project: its SOP workflow, and through it the project's row and first
 * timeline entry. The workflow is started (Temporal deduplicates the start by the
 * workflow id) and writes the row in its first step, idempotently; the same call
 * (Update-with-Start) waits for that. So no crash can leave a row without a workflow (the
 * API never writes the row), nor a workflow without a row (the workflow writes it whenever
 * it runs). With an idempotency key (scope: the client), the key keeps the project id it
 * first minted: a retry attaches to the same workflow and answers the same project, even
 * after a crash half-way; the key on a different request is IDEMPOTENCY_KEY_REUSED.
 *
 * Why not the other way round (row first, then the workflow, deleting the row if the start
 * fails), as before: a crash between the two left a row without a workflow that nothing
 * would ever clean up. Why one call rather than a start and then an update: the update
 * then reaches the workflow in its first task, not in a second one after the row is
 * written (createProject 2x faster, bench/README.md); a retry is still one repeatable call.
 */
export async function createProject(ctx: ServiceContext, input: CreateProject): Promise<Project> {
  const viewer = requireRole(ctx, ['ADMIN', 'LEAD']);
  const { idempotencyKey: key, ...request } = input;
  if (key) {
    const { completed } = await claimIdempotencyKey(ctx.em, {
      key,
      scope: request.clientId,
      operation: 'createProject',
      input: { ...request, addOnCodes: [...new Set(request.addOnCodes)].sort() },
    });
    const projectId = await resultIdOfKey(ctx.em, key);
    // Answered before anything is checked again: the catalog may have changed since.
    const existing = await ctx.em.findOne(Project, { id: projectId });
    if (existing) {
      if (!completed) await completeIdempotencyKey(ctx.em, key);
      return existing;
    }
    let start: ProjectStart;
    try {
      start = await projectStartOf(ctx, viewer, projectId, request);
    } catch (error) {
      // Refused before anything started: the key is left free for the corrected request.
      // (Unless an earlier try with this key did start the workflow, and the catalog changed since.)
      if (!(await projectWorkflowExists(ctx.temporal, projectId).catch(() => true))) await releaseIdempotencyKey(ctx.em, key);
      throw error;
    }
    return startProject(ctx, start, key);
  }
  return startProject(ctx, await projectStartOf(ctx, viewer, randomUUID(), request), null);
}

/** What starting a checked project request takes: the workflow's input and its labels. */
interface ProjectStart {
  workflowInput: ProjectSopInput;
  labels: ProjectLabels;
}

/** Checks a request against the catalog and the users, and says how its project would start; throws the coded refusal otherwise. */
async function projectStartOf(ctx: ServiceContext, viewer: Viewer, projectId: string, input: Omit<CreateProject, 'idempotencyKey'>): Promise<ProjectStart> {
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
  // The latest versions: a project keeps the policy it starts with, whatever changes later.
  const policy = applyAddOns(servicePackage.policy, addOns.map((addOn) => addOn.effect));
  const problems = validatePolicy(policy);
  if (problems.length > 0) {
    throw new DomainError('INVALID_INPUT', `The ${servicePackage.code} package policy is not usable with these add-ons.`, { field: 'addOnCodes', problems });
  }

  const stagingUrl = checkedSiteUrl(ctx, 'stagingUrl', input.stagingUrl);
  const projectLead = input.projectLead.trim();
  if (!(await ctx.em.count(User, { username: projectLead, role: 'LEAD' }))) {
    throw new DomainError('INVALID_INPUT', `projectLead must be the username of a LEAD user; ${projectLead} is not one.`, { field: 'projectLead' });
  }
  const record: ProjectRecord = {
    projectId,
    name: input.name.trim(),
    clientId: client.id,
    packageCode: servicePackage.code,
    packageName: servicePackage.name,
    policyVersion: servicePackage.version,
    addOnCodes,
    addOnVersions: Object.fromEntries(addOns.map((addOn) => [addOn.code, addOn.version])),
    projectLead,
    contractValue: input.contractValue ?? null,
    plannedDeliveryAt: input.plannedDeliveryAt ? input.plannedDeliveryAt.toISOString() : null,
    actor: viewer.username,
    createdAt: new Date().toISOString(),
  };

  return {
    workflowInput: { projectId, policy, stagingUrl, dayMs: ctx.sopDayMs, record },
    labels: { projectName: record.name, clientName: client.name, packageCode: servicePackage.code, clientTier: client.tier, projectLead },
  };
}

async function startProject(ctx: ServiceContext, { workflowInput, labels }: ProjectStart, key: string | null): Promise<Project> {
  const { projectId } = workflowInput;
  createProjectFaults.beforeWorkflowStart?.(projectId);
  try {
    await startProjectSop(ctx.temporal, ctx.taskQueue, workflowInput, labels);
  } catch (error) {
    // A retry may find the workflow that wrote the row already ended (a project cancelled at once).
    if (!(await ctx.em.count(Project, { id: projectId }))) throw error;
  }
  createProjectFaults.afterWorkflowStart?.(projectId);
  if (key) await completeIdempotencyKey(ctx.em, key);
  return ctx.em.findOneOrFail(Project, { id: projectId });
}
