import { LockMode } from '@mikro-orm/core';
import type { Role } from '../../identity/domain/role.js';
import { requireRole } from '../../identity/services/access.js';
import { DomainError } from '../../platform/domainError.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import { translateTemporalFailure } from '../../platform/temporalFailures.js';
import { isStorableText, TEXT_LIMITS } from '../../shared/domain/storable.js';
import { weeklyRiskSignal } from '../../../workflows/insights/weeklyRiskSignal.js';
import { backfillWeeks, isoWeekName, type AuditStatus, type RiskSignalResult } from '../domain/riskSignal.js';
import { ServiceAudit } from '../entities/index.js';

/**
 * The weekly risk signal as the API offers it: the service audits it opened (listed, and
 * completed by their owner), and the backfill of past weeks. The signal itself runs in
 * workflows/insights/weeklyRiskSignal.ts, started weekly by the schedule
 * (./riskSignalSchedule.ts) or here by a backfill.
 */

/** Who reads service audits: the agency's staff who deal with clients. */
export const AUDIT_READERS: readonly Role[] = ['ADMIN', 'LEAD', 'CSM'];

/** The most audits one list answers. */
export const MAX_AUDITS_LISTED = 100;

/** How long a backfill waits for its weeks before answering SERVICE_UNAVAILABLE (they go on running). */
export const BACKFILL_WAIT_MS = 60_000;

/** The workflow id of a backfilled week: a backfill asked again while one runs attaches to it. */
export const riskSignalWorkflowId = (weekStart: string) => `risk-signal-${weekStart}`;

export interface ServiceAuditFilter {
  status?: AuditStatus | null;
  /** Only the audits this username owns. */
  owner?: string | null;
  /** How many, newest week first (1 to MAX_AUDITS_LISTED). */
  first?: number | null;
}

/** Service audits, the newest week first (then the agency's before clients', then by when they opened), ADMIN, LEAD and CSM. */
export async function listServiceAudits(ctx: ServiceContext, filter: ServiceAuditFilter = {}): Promise<ServiceAudit[]> {
  requireRole(ctx, AUDIT_READERS);
  const first = filter.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_AUDITS_LISTED) {
    throw new DomainError('INVALID_INPUT', `first must be 1 to ${MAX_AUDITS_LISTED}.`, { field: 'first' });
  }
  return ctx.em.find(
    ServiceAudit,
    { ...(filter.status ? { status: filter.status } : {}), ...(filter.owner ? { owner: filter.owner } : {}) },
    { orderBy: { weekStart: 'desc', scope: 'asc', createdAt: 'asc', id: 'asc' }, limit: first },
  );
}

export interface CompleteServiceAudit {
  id: string;
  /** What the audit found and did. */
  note: string;
}

/**
 * Marks an audit DONE with the owner's note: its owner or an ADMIN (FORBIDDEN, `rule:
 * NOT_AUDIT_OWNER`, for anyone else). An audit already done is answered as it is, unchanged,
 * so a retried request does no harm.
 */
export async function completeServiceAudit(ctx: ServiceContext, input: CompleteServiceAudit): Promise<ServiceAudit> {
  const viewer = requireRole(ctx, AUDIT_READERS);
  if (!isStorableText(input.note, TEXT_LIMITS.text) || input.note.trim().length === 0) {
    throw new DomainError('INVALID_INPUT', `note must be 1-${TEXT_LIMITS.text} characters of text.`, { field: 'note' });
  }
  return ctx.em.transactional(async (tx) => {
    const audit = await tx.findOne(ServiceAudit, { id: input.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!audit) throw new DomainError('NOT_FOUND', `Service audit ${input.id} does not exist.`, { entity: 'ServiceAudit', id: input.id });
    if (viewer.role !== 'ADMIN' && viewer.username !== audit.owner) {
      throw new DomainError('FORBIDDEN', `Service audit ${audit.id} is owned by ${audit.owner}: only its owner or an ADMIN may complete it.`, { rule: 'NOT_AUDIT_OWNER' });
    }
    if (audit.status === 'DONE') return audit;
    audit.status = 'DONE';
    audit.completedAt = new Date();
    audit.completedBy = viewer.username;
    audit.note = input.note.trim();
    return audit;
  });
}

export interface BackfillRiskSignal {
  /** A date in the first week to measure (`YYYY-MM-DD`). */
  from: string;
  /** A date in the last week to measure; that week must have ended. */
  to: string;
}

function timeout(ms: number): { promise: Promise<never>; clear: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DomainError('WORKFLOW_UNAVAILABLE', `The backfill has not finished in ${ms / 1000} s; it goes on running. Ask again with the same range for its results.`)),
      ms,
    );
  });
  return { promise, clear: () => clearTimeout(timer) };
}

/**
 * Runs the weekly risk signal for every week from `from` to `to` (ADMIN): one workflow per
 * week, `risk-signal-<weekStart>`, attached to when it is already running, and waits for
 * them all. A week measured before keeps its figures, audits and notifications: backfilling
 * it again changes nothing. At most 104 weeks, only weeks that have ended (BAD_USER_INPUT
 * otherwise, `field` naming the date).
 */
export async function backfillRiskSignal(ctx: ServiceContext, input: BackfillRiskSignal, now: number = Date.now()): Promise<RiskSignalResult[]> {
  requireRole(ctx, ['ADMIN']);
  const plan = backfillWeeks(input.from, input.to, now);
  if ('problem' in plan) throw new DomainError('INVALID_INPUT', plan.problem.message, { field: plan.problem.field });
  const wait = timeout(BACKFILL_WAIT_MS);
  try {
    const handles = await Promise.all(
      plan.weeks.map((weekStart) =>
        ctx.temporal.workflow.start(weeklyRiskSignal, {
          workflowId: riskSignalWorkflowId(weekStart),
          taskQueue: ctx.taskQueue,
          args: [{ weekStart }],
          workflowIdConflictPolicy: 'USE_EXISTING',
          staticSummary: `Risk signal backfill: ${isoWeekName(weekStart)} (week of ${weekStart})`,
        }),
      ),
    );
    return await Promise.race([Promise.all(handles.map((handle) => handle.result())), wait.promise]);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    return translateTemporalFailure(error, () => new DomainError('WORKFLOW_UNAVAILABLE', 'A week of the backfill ended unexpectedly; ask again.'));
  } finally {
    wait.clear();
  }
}
