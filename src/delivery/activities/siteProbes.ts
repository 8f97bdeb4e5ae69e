import { Context } from '@temporalio/activity';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { OutboundPolicy } from '../../platform/outbound/outboundPolicy.js';
import { sendOutbound } from '../../platform/outbound/outboundRequest.js';
import type { SiteCheck as Check, SiteCheckKind } from '../domain/siteCheck.js';
import { SiteCheck } from '../entities/index.js';

/** One period (a day of the stress test, a month of monitoring) of checks on a schedule. */
export interface ProbeScheduleRequest {
  projectId: string;
  url: string;
  purpose: 'STRESS_TEST' | 'MONITORING';
  /** `stress-<attempt>` or `monitoring`. */
  run: string;
  /** Names the period's slots, e.g. `day3` or `month2`. */
  period: string;
  /** Concurrent requests sent at the start of the period; 0 for none. */
  burst: number;
  /** Single probes spread evenly over the period, one every `intervalMs`. */
  probes: number;
  intervalMs: number;
}

/**
 * Heartbeat this often while waiting between probes: a cancel reaches an activity only
 * in a heartbeat's answer, so this bounds how long probes go on after a cancel.
 */
const HEARTBEAT_EVERY_MS = 1_000;

/**
 * One check of the site through the outbound policy: its status and latency, or a
 * failure code; never the site's body or an error's own text.
 */
async function checkOnce(url: string, outbound: OutboundPolicy): Promise<Check> {
  const result = await sendOutbound(url, outbound, { signal: Context.current().cancellationSignal });
  if (result.failure) return { ok: false, status: null, latencyMs: result.latencyMs, error: result.failure };
  const ok = result.status < 400;
  return { ok, status: result.status, latencyMs: result.latencyMs, error: ok ? null : `HTTP ${result.status}` };
}

/** Waits `ms`, heartbeating meanwhile; throws when the activity is cancelled. */
async function waitWithHeartbeats(ms: number): Promise<void> {
  const context = Context.current();
  for (let left = ms; left > 0; left -= HEARTBEAT_EVERY_MS) {
    await context.sleep(Math.min(left, HEARTBEAT_EVERY_MS));
    context.heartbeat();
  }
}

/** Real HTTP checks of clients' sites (stress test and monitoring), stored as they are made. */
export function createSiteProbeActivities(orm: MikroORM, outbound: OutboundPolicy) {
  /** The stored checks of one slot, or none. */
  async function storedSlot(request: ProbeScheduleRequest, slot: string): Promise<Check[]> {
    const rows = await orm.em.fork().find(SiteCheck, { project: request.projectId, run: request.run, slot }, { orderBy: { index: 'asc' } });
    return rows.map(({ ok, status, latencyMs, error }) => ({ ok, status: status ?? null, latencyMs, error: error ?? null }));
  }

  async function checkSlot(request: ProbeScheduleRequest, slot: string, concurrency: number, kind: SiteCheckKind): Promise<Check[]> {
    const checks = await Promise.all(Array.from({ length: concurrency }, () => checkOnce(request.url, outbound)));
    // Checks cut short by a cancel are not the site's answers: keep none of them.
    Context.current().cancellationSignal.throwIfAborted();
    const checkedAt = new Date();
    await orm.em
      .fork()
      .createQueryBuilder(SiteCheck)
      .insert(checks.map((check, index) => ({ project: request.projectId, run: request.run, slot, index, kind, checkedAt, ...check })))
      .onConflict(['project', 'run', 'slot', 'index'])
      .ignore()
      .execute();
    return checks;
  }

  return {
    /**
     * Checks the site on a schedule over one period and returns every check of it. Each
     * slot is stored as soon as it is made, so a retried activity resumes after the last
     * stored slot instead of probing (and waiting) again.
     */
    async probeOnSchedule(request: ProbeScheduleRequest): Promise<Check[]> {
      const kind: SiteCheckKind = request.purpose === 'MONITORING' ? 'MONITOR' : 'PROBE';
      const results: Check[] = [];
      if (request.burst > 0) {
        const slot = `${request.period}-burst`;
        const stored = await storedSlot(request, slot);
        results.push(...(stored.length > 0 ? stored : await checkSlot(request, slot, request.burst, 'BURST')));
      }
      for (let probe = 1; probe <= request.probes; probe++) {
        const slot = `${request.period}-probe${probe}`;
        const stored = await storedSlot(request, slot);
        if (stored.length > 0) {
          results.push(...stored);
          continue;
        }
        await waitWithHeartbeats(request.intervalMs);
        results.push(...(await checkSlot(request, slot, 1, kind)));
        Context.current().heartbeat(probe);
      }
      return results;
    },
  };
}

export type SiteProbeActivities = ReturnType<typeof createSiteProbeActivities>;
