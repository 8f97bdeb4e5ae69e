import type { RequestContext } from '../api/context.js';
import { applyAddOns } from '../domain/addOnPack.js';
import type { UpdateDefinition } from '@temporalio/common';
import type { CostPhase } from '../domain/costShare.js';
import { DomainError } from '../domain/domainError.js';
import { validatePolicy } from '../domain/packagePolicy.js';
import { initialSopState, type SopState } from '../domain/sopState.js';
import { AddOnPack, Client, CostEntry, Project, ServicePackage, StageEvent } from '../db/entities/index.js';
import { executeSopUpdate, projectWorkflowId, startProjectSop } from './sopWorkflows.js';

export interface CreateProject {
  clientId: string;
  name: string;
  packageCode: string;
  addOnCodes: string[];
  projectLead: string;
  stagingUrl?: URL | string | null;
  contractValue?: number | null;
}

async function requireProject(ctx: RequestContext, projectId: string): Promise<Project> {
  const project = await ctx.em.findOne(Project, { id: projectId });
  if (!project) throw new DomainError('NOT_FOUND', `Project ${projectId} does not exist.`, { entity: 'Project', id: projectId });
  return project;
}

export async function findProject(ctx: RequestContext, projectId: string): Promise<Project | null> {
  return ctx.em.findOne(Project, { id: projectId });
}

/**
 * Creates the project row, its first timeline entry and its SOP workflow. The row is
 * written first so the workflow's projection always has a row to update; if the
 * workflow cannot be started, the row is removed again and nothing is left behind.
 */
export async function createProject(ctx: RequestContext, input: CreateProject): Promise<Project> {
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

  const stagingUrl = input.stagingUrl ? String(input.stagingUrl) : null;
  const state = { ...initialSopState(), stagingUrl };
  const project = ctx.em.create(Project, {
    name: input.name.trim(),
    client,
    servicePackage,
    addOns,
    projectLead: input.projectLead.trim(),
    stagingUrl,
    workflowId: 'pending',
    policy,
    contractValue: input.contractValue ?? null,
    stage: state.stage,
    sopState: state,
    projectedSeq: state.lastEventSeq,
  });
  project.workflowId = projectWorkflowId(project.id);
  ctx.em.create(StageEvent, {
    project,
    seq: 0,
    type: 'PROJECT_CREATED',
    fromStage: state.stage,
    toStage: state.stage,
    actor: ctx.actor ?? project.projectLead,
    occurredAt: new Date(),
    summary: `Project created on the ${servicePackage.name} package`,
    details: { packageCode: servicePackage.code, addOnCodes },
  });
  await ctx.em.flush();

  try {
    await startProjectSop(ctx.temporal, ctx.taskQueue, {
      projectId: project.id,
      packageCode: servicePackage.code,
      clientTier: client.tier,
      projectLead: project.projectLead,
      policy,
      stagingUrl,
      dayMs: ctx.sopDayMs,
      projectName: project.name,
      clientName: client.name,
    });
  } catch (error) {
    await ctx.em.nativeDelete(StageEvent, { project: project.id });
    await ctx.em.nativeDelete(Project, { id: project.id });
    throw error;
  }
  return project;
}

/**
 * Sends one lead action to the project's workflow, in the caller's name, and returns the
 * project as the read model shows it once the action is applied: the workflow writes
 * the projection before the update returns.
 */
export async function runSopAction<T extends { actor: string }>(
  ctx: RequestContext,
  projectId: string,
  update: UpdateDefinition<SopState, [T]>,
  payload: Omit<T, 'actor'>,
  idempotencyKey?: string | null,
): Promise<Project> {
  const project = await requireProject(ctx, projectId);
  const actor = ctx.actor ?? project.projectLead;
  await executeSopUpdate(ctx.temporal, project.id, update, [{ ...payload, actor } as T], idempotencyKey);
  return ctx.em.refreshOrFail(project);
}

export interface RecordCost {
  projectId: string;
  phase: CostPhase;
  amount: number;
  note?: string | null;
}

/** Cost entries live in Postgres only: no SOP rule gates them, the guardrails only flag. */
export async function recordCost(ctx: RequestContext, input: RecordCost): Promise<Project> {
  const project = await requireProject(ctx, input.projectId);
  ctx.em.create(CostEntry, {
    project,
    phase: input.phase,
    amount: input.amount,
    note: input.note ?? null,
    recordedBy: ctx.actor ?? project.projectLead,
  });
  await ctx.em.flush();
  return project;
}
