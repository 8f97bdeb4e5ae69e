import { performance } from 'node:perf_hooks';
import { Context } from '@temporalio/activity';
import type { MikroORM } from '@mikro-orm/postgresql';
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

const REQUEST_TIMEOUT_MS = 10_000;
/** Heartbeat at least this often while waiting between probes, so a lost worker is noticed. */
const HEARTBEAT_EVERY_MS = 10_000;

async function requestOnce(url: string): Promise<Check> {
  const started = performance.now();
  try {
    const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    await response.arrayBuffer();
    const latencyMs = Math.round(performance.now() - started);
    return { ok: response.status < 400, status: response.status, latencyMs, error: response.status < 400 ? null : `HTTP ${response.status}` };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    return { ok: false, status: null, latencyMs, error: error instanceof Error ? error.message : String(error) };
  }
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
export function createSiteProbeActivities(orm: MikroORM) {
  /** The stored checks of one slot, or none. */
  async function storedSlot(request: ProbeScheduleRequest, slot: string): Promise<Check[]> {
    const rows = await orm.em.fork().find(SiteCheck, { project: request.projectId, run: request.run, slot }, { orderBy: { index: 'asc' } });
    return rows.map(({ ok, status, latencyMs, error }) => ({ ok, status: status ?? null, latencyMs, error: error ?? null }));
  }

  async function checkSlot(request: ProbeScheduleRequest, slot: string, concurrency: number, kind: SiteCheckKind): Promise<Check[]> {
    const checks = await Promise.all(Array.from({ length: concurrency }, () => requestOnce(request.url)));
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
