import type { Client as TemporalClient } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import type { ClientTier } from '../../catalog/domain/clientTier.js';
import { Client } from '../../catalog/entities/index.js';
import { requireRole } from '../../identity/services/access.js';
import { AGENCY_STAFF, type Role } from '../../identity/domain/role.js';
import { DomainError } from '../../platform/domainError.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import { translateTemporalFailure } from '../../platform/temporalFailures.js';
import { isStorableText, TEXT_LIMITS } from '../../shared/domain/storable.js';
import { netPromoterScore, suggestTier, type ClientFacts, type TierSuggestion } from '../domain/tierSuggestion.js';
import { ClientTierChange } from '../entities/index.js';
import { clientTierChangedSignal } from '../../../workflows/clientTier.js';

/**
 * Client tiers: an ADMIN sets them, the data suggests them. Every change is a row of the
 * client's tier history (who, why, what the data suggested then), and every running
 * workflow of the client (its projects, their stress tests and after-care, its tickets)
 * shows the new tier in its `ClientTier` search attribute.
 */

/** Who reads tier suggestions and history: they rest on contract values, which only ADMIN and LEAD see (staged disclosure). */
export const TIER_READERS: readonly Role[] = AGENCY_STAFF;

const clientNotFound = (id: string) => new DomainError('NOT_FOUND', `Client ${id} does not exist.`, { entity: 'Client', id });

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** The client's facts over the 12 months before `now`, in one statement. */
export async function clientFacts(em: EntityManager, clientId: string, now: Date = new Date()): Promise<ClientFacts> {
  const since = new Date(now.getTime() - YEAR_MS);
  const [row] = await em.execute<{ contract_value: string | null; projects: string; scores: number[] | null; complaints: string }[]>(
    `select
       (select sum(contract_value) from project where client_id = ? and created_at >= ? and created_at < ?) as contract_value,
       (select count(*) from project where client_id = ? and created_at >= ? and created_at < ?) as projects,
       (select array_agg((e.details->>'npsScore')::int) from timeline_event e join project p on p.id = e.project_id
         where p.client_id = ? and e.type = 'SERVICE_REVIEW_SUBMITTED' and e.occurred_at >= ? and e.occurred_at < ?) as scores,
       (select count(*) from ticket where client_id = ? and category = 'COMPLAINT' and opened_at >= ? and opened_at < ?) as complaints`,
    [clientId, since, now, clientId, since, now, clientId, since, now, clientId, since, now],
  );
  const scores = row?.scores ?? [];
  return {
    contractValue12m: Number(row?.contract_value ?? 0),
    projects12m: Number(row?.projects ?? 0),
    nps: netPromoterScore(scores),
    npsResponses: scores.length,
    complaints12m: Number(row?.complaints ?? 0),
  };
}

/** The tier the client's data suggests, with the reasons (ADMIN, LEAD). */
export async function suggestClientTier(ctx: ServiceContext, clientId: string): Promise<TierSuggestion> {
  requireRole(ctx, TIER_READERS);
  if (!(await ctx.em.count(Client, { id: clientId }))) throw clientNotFound(clientId);
  return suggestTier(await clientFacts(ctx.em, clientId));
}

/** The client's tier changes, newest first (ADMIN, LEAD). */
export async function tierHistory(ctx: ServiceContext, clientId: string): Promise<ClientTierChange[]> {
  requireRole(ctx, TIER_READERS);
  return ctx.em.find(ClientTierChange, { client: clientId }, { orderBy: { changedAt: 'desc', id: 'desc' } });
}

export interface SetClientTier {
  clientId: string;
  tier: ClientTier;
  /** Why: kept in the history. */
  reason: string;
}

/** How long the tier change's transaction may wait on Temporal between statements. */
const TELLING_WORKFLOWS_TIMEOUT = '10min';

/**
 * Sets a client's tier (ADMIN), with a reason, and tells its running workflows before the
 * change commits: when Temporal does not answer, SERVICE_UNAVAILABLE and the tier stays as
 * it was (set it again). The tier a client already has writes no history; its workflows are
 * told again, so a retry also repairs a workflow told half-way. New projects and tickets
 * get the new tier's SLA targets and routing; running ones keep what they promised.
 */
export async function setClientTier(ctx: ServiceContext, input: SetClientTier): Promise<Client> {
  const admin = requireRole(ctx, ['ADMIN']);
  if (!isStorableText(input.reason, TEXT_LIMITS.text)) {
    throw new DomainError('INVALID_INPUT', `reason must be 1-${TEXT_LIMITS.text} characters of text.`, { field: 'reason' });
  }
  // The workflows are told while the client's row is locked: two changes at once reach them
  // in the order they reach the row, so a workflow never ends up showing the earlier tier.
  return ctx.em.transactional(async (tx) => {
    // Telling a client's workflows one after another may take longer than the pool's idle-in-transaction limit allows.
    await tx.execute(`set local idle_in_transaction_session_timeout = '${TELLING_WORKFLOWS_TIMEOUT}'`);
    const locked = await tx.findOne(Client, { id: input.clientId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!locked) throw clientNotFound(input.clientId);
    if (locked.tier === input.tier) {
      await tellRunningWorkflows(tx, ctx.temporal, locked.id, locked.tier);
      return locked;
    }
    const suggestion = suggestTier(await clientFacts(tx, locked.id));
    tx.create(ClientTierChange, {
      client: locked,
      fromTier: locked.tier,
      toTier: input.tier,
      changedBy: admin.username,
      reason: input.reason.trim(),
      suggestion: { tier: suggestion.tier, reasons: suggestion.reasons },
    });
    locked.tier = input.tier;
    await tellRunningWorkflows(tx, ctx.temporal, locked.id, locked.tier);
    return locked;
  });
}

/** Signals the new tier to every running workflow of the client; one that has ended meanwhile is skipped. */
async function tellRunningWorkflows(em: EntityManager, temporal: TemporalClient, clientId: string, tier: ClientTier): Promise<void> {
  const rows = await em.execute<{ workflow_id: string }[]>(
    `select workflow_id from project where client_id = ? and stage not in ('CLOSED', 'CANCELLED')
     union all select workflow_id from ticket where client_id = ? and status <> 'CLOSED'`,
    [clientId, clientId],
  );
  const ids = rows.map((row) => row.workflow_id);
  try {
    // A project's stress test and after-care run as its children.
    for (const parent of ids.filter((id) => id.startsWith('project-'))) {
      for await (const child of temporal.workflow.list({ query: `ParentWorkflowId = '${parent.replaceAll("'", '')}' AND ExecutionStatus = 'Running'` })) ids.push(child.workflowId);
    }
    for (const workflowId of ids) {
      try {
        await temporal.workflow.getHandle(workflowId).signal(clientTierChangedSignal, { tier });
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
    }
  } catch (error) {
    translateTemporalFailure(error, () => new DomainError('WORKFLOW_UNAVAILABLE', 'Temporal did not take the new tier; set it again to finish.'));
  }
}
