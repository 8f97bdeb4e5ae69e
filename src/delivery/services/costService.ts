import type { ServiceContext } from '../../platform/serviceContext.js';
import type { CostPhase } from '../domain/costShare.js';
import { CostEntry, type Project } from '../entities/index.js';
import { requireProject } from './projectService.js';

export interface RecordCost {
  projectId: string;
  phase: CostPhase;
  amount: number;
  note?: string | null;
}

/** Cost entries live in Postgres only: no SOP rule gates them, the guardrails only flag. */
export async function recordCost(ctx: ServiceContext, input: RecordCost): Promise<Project> {
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
