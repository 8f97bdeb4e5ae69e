import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PACKAGES } from '../../src/catalog/domain/defaultPackages.js';
import { SOP_TRANSITIONS } from '../../src/delivery/domain/sopMachine.js';
import type { TimelineEventType } from '../../src/delivery/domain/timelineEvent.js';
import {
  DEMO_CLIENT_COUNT,
  DEMO_DEFAULT_SEED,
  DEMO_PROJECT_COUNT,
  demoUuid,
  generateDemoDataSet,
  type DemoDataSet,
  type DemoTimelineEventRow,
} from '../../src/insights/demo/demoDataSet.js';

/**
 * The demo data set of `npm run seed:demo` (src/insights/demo/demoDataSet.ts): deterministic,
 * inside its year, every timeline event in the typed shape of its type and in the order the
 * SOP table allows, tickets closed with SLA state the domain computed, and the relations the
 * dashboard looks for holding roughly (computed here independently from the rows).
 */

const UNTIL = new Date('2026-11-27T00:00:00Z');
const DAY = 86_400_000;
let data: DemoDataSet;
let timelines: Map<string, DemoTimelineEventRow[]>;

beforeAll(() => {
  data = generateDemoDataSet({ seed: DEMO_DEFAULT_SEED, until: UNTIL });
  timelines = new Map();
  for (const event of data.timelineEvents) {
    const events = timelines.get(event.project) ?? [];
    events.push(event);
    timelines.set(event.project, events);
  }
});

/** The keys of each event type's details, written out from src/delivery/domain/timelineEvent.ts (null: no details). */
const DETAIL_KEYS = {
  PROJECT_CREATED: ['packageCode', 'addOnCodes'],
  COMMUNICATION_ROUND_LOGGED: ['round', 'channel', 'summary', 'attendees', 'occurredAt'],
  RESEARCH_SESSION_LOGGED: ['session', 'topic', 'attendees'],
  REQUIREMENT_ADDED: ['requirementId', 'title', 'reason'],
  REQUIREMENT_CONFIRMED: ['requirementId', 'title', 'reason'],
  REQUIREMENT_DROPPED: ['requirementId', 'title', 'reason'],
  REQUIREMENTS_SIGNED_OFF: ['note', 'communicationRounds', 'confirmedRequirements'],
  VALIDATION_DAY_OPENED: null,
  VALIDATION_DAY_COMPLETED: ['results', 'gaps'],
  REVIEW_ROUND_SUBMITTED: ['round', 'kind', 'outcome', 'feedback', 'clientAttendees', 'closesGapIds'],
  CHANGE_ORDER_REQUESTED: ['changeOrderId', 'kind', 'reason', 'amount', 'note'],
  CHANGE_ORDER_APPROVED: ['changeOrderId', 'kind', 'reason', 'amount', 'note'],
  CHANGE_ORDER_REJECTED: ['changeOrderId', 'kind', 'reason', 'amount', 'note'],
  STRESS_TEST_STARTED: ['attempt', 'url', 'days', 'thresholds'],
  STRESS_TEST_PASSED: ['attempt', 'passed', 'checks', 'failed', 'availability', 'errorRate', 'p95LatencyMs', 'failures', 'failedChecks'],
  STRESS_TEST_FAILED: ['attempt', 'passed', 'checks', 'failed', 'availability', 'errorRate', 'p95LatencyMs', 'failures', 'failedChecks'],
  STRESS_TEST_ABORTED: ['attempt'],
  DELIVERY_ACCEPTED: ['signedBy', 'note', 'liveUrl'],
  DELIVERY_REJECTED: ['reasons'],
  MONITORING_ENDED: ['months'],
  SERVICE_REVIEW_OPENED: ['dueInDays'],
  SERVICE_REVIEW_REMINDER: ['dueInDays'],
  SERVICE_REVIEW_OVERDUE: null,
  SERVICE_REVIEW_SUBMITTED: ['npsScore', 'comment'],
  PROJECT_CLOSED: null,
  PROJECT_CANCELLED: ['reason'],
  COST_RECORDED: ['costId', 'phase', 'amount', 'note'],
} as const satisfies Record<TimelineEventType, readonly string[] | null>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const inYear = (at: Date | null) => at !== null && at.getTime() >= data.from.getTime() && at.getTime() < UNTIL.getTime();
const first = <T extends TimelineEventType>(events: DemoTimelineEventRow[], type: T) => events.find((e): e is DemoTimelineEventRow<T> => e.type === type);

describe('the demo data set', () => {
  it('is the same for the same seed and until, and different for another seed', () => {
    expect(generateDemoDataSet({ seed: DEMO_DEFAULT_SEED, until: UNTIL })).toEqual(data);
    const other = generateDemoDataSet({ seed: DEMO_DEFAULT_SEED + 1, until: UNTIL });
    expect(other.projects.map((p) => p.createdAt.getTime())).not.toEqual(data.projects.map((p) => p.createdAt.getTime()));
    expect(other.tickets.map((t) => t.category)).not.toEqual(data.tickets.map((t) => t.category));
    // Ids come from the index only: a second run of any seed finds the first one's rows.
    expect(other.projects.map((p) => p.id)).toEqual(data.projects.map((p) => p.id));
  });

  it('has the designed size, with fixed, unique ids', () => {
    expect(data.clients).toHaveLength(DEMO_CLIENT_COUNT);
    expect(data.projects).toHaveLength(DEMO_PROJECT_COUNT);
    expect(data.tickets.length).toBeGreaterThanOrEqual(500);
    expect(data.tickets.length).toBeLessThanOrEqual(700);
    expect(data.clients[6]).toMatchObject({ id: demoUuid('client', 7), name: 'Demo Client 07' });
    expect(data.projects[0]!.id).toBe(demoUuid('project', 1));
    const ids = [...data.clients, ...data.projects, ...data.tickets, ...data.costEntries].map((row) => row.id);
    expect(ids.every((id) => UUID.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(data.ticketMessages.map((m) => m.id)).size).toBe(data.ticketMessages.length);
  });

  it('mixes the tiers, with the dedicated CSM on tier A', () => {
    const tiers = new Set(data.clients.map((c) => c.tier));
    expect([...tiers].sort()).toEqual(['A', 'B', 'C']);
    for (const client of data.clients) expect(client.dedicatedCsm).toBe(client.tier === 'A' ? 'mia.csm' : null);
    expect(new Set(data.projects.map((p) => p.servicePackage))).toEqual(new Set(['STANDARD', 'PREMIUM', 'CUSTOM']));
    expect(new Set(data.projects.map((p) => p.projectLead))).toEqual(new Set(['lin.pm', 'sam.pm']));
    for (const project of data.projects) {
      expect(project.policy).toEqual(DEFAULT_PACKAGES.find((p) => p.code === project.servicePackage)!.policy);
      expect(project.policyVersion).toBe(1);
      expect(project.workflowId).toBe(`demo-project-${project.id}`);
      expect(project.plannedDeliveryAt.getTime()).toBeGreaterThan(project.createdAt.getTime());
    }
  });

  it('stays inside the 365 days before until', () => {
    expect(data.from.toISOString()).toBe('2025-11-27T00:00:00.000Z');
    const instants = [
      ...data.clients.map((c) => c.createdAt),
      ...data.projects.flatMap((p) => [p.createdAt, p.updatedAt]),
      ...data.timelineEvents.map((e) => e.occurredAt),
      ...data.costEntries.map((c) => c.recordedAt),
      ...data.monitoringReports.map((r) => r.reportedAt),
      ...data.tickets.flatMap((t) => [t.openedAt, t.closedAt, t.updatedAt]),
      ...data.ticketMessages.map((m) => m.createdAt),
      ...data.slaBreaches.flatMap((b) => [b.dueAt, b.recordedAt]),
    ];
    expect(instants.filter((at) => !inYear(at))).toEqual([]);
  });

  it('gives every timeline event exactly the details keys of its type', () => {
    const wrong: string[] = [];
    for (const event of data.timelineEvents) {
      const expected = DETAIL_KEYS[event.type];
      const actual = event.details === null ? null : Object.keys(event.details).sort();
      if (JSON.stringify(actual) !== JSON.stringify(expected === null ? null : [...expected].sort())) wrong.push(`${event.type}: ${JSON.stringify(actual)}`);
      if (event.type === 'VALIDATION_DAY_COMPLETED') {
        const details = event.details as DemoTimelineEventRow<'VALIDATION_DAY_COMPLETED'>['details'];
        for (const result of details.results) expect(Object.keys(result).sort()).toEqual(['note', 'requirementId', 'result']);
        expect(details.gaps).toBe(details.results.filter((r) => r.result === 'GAP').length);
      }
    }
    expect(wrong).toEqual([]);
    // Every kind of event the brief asks for is there.
    const types = new Set(data.timelineEvents.map((e) => e.type));
    for (const type of Object.keys(DETAIL_KEYS) as TimelineEventType[]) {
      if (['STRESS_TEST_ABORTED', 'DELIVERY_REJECTED', 'PROJECT_CANCELLED'].includes(type)) continue;
      expect(types.has(type), type).toBe(true);
    }
  });

  it('numbers each timeline from 0 without gaps, in time order, with stages as the SOP table moves them', () => {
    const transitionOfEvent = new Map(Object.values(SOP_TRANSITIONS).map((t) => [t.event as TimelineEventType, t]));
    for (const project of data.projects) {
      const events = timelines.get(project.id)!;
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
      expect(events[0]!.type).toBe('PROJECT_CREATED');
      for (let i = 1; i < events.length; i++) {
        const [before, event] = [events[i - 1]!, events[i]!];
        expect(event.occurredAt.getTime()).toBeGreaterThan(before.occurredAt.getTime());
        expect(event.fromStage).toBe(before.toStage);
        const transition = transitionOfEvent.get(event.type)!;
        expect(transition.from as readonly string[]).toContain(event.fromStage);
        expect(event.toStage).toBe('to' in transition && transition.to ? transition.to : event.fromStage);
        expect(event.actor).toBe(transition.by === 'system' ? 'system' : project.projectLead);
      }
      const last = events[events.length - 1]!;
      expect(project.projectedSeq).toBe(last.seq);
      expect(project.sopState.lastEventSeq).toBe(last.seq);
      expect(project.stage).toBe(last.toStage);
      expect(project.sopState.stage).toBe(project.stage);
      expect(project.updatedAt).toEqual(last.occurredAt);
      expect(project.createdAt).toEqual(events[0]!.occurredAt);
    }
  });

  it('finishes every STANDARD and PREMIUM project; CUSTOM ones wait in after-care with the review done', () => {
    for (const project of data.projects) {
      if (project.servicePackage === 'CUSTOM') {
        expect(project.stage).toBe('AFTERCARE');
        expect(project.sopState).toMatchObject({ serviceReview: 'DONE', monitoring: 'RUNNING' });
      } else {
        expect(project.stage).toBe('CLOSED');
        expect(project.sopState).toMatchObject({ serviceReview: 'DONE', monitoring: 'ENDED' });
      }
      expect(project.sopState.communicationRounds).toBeGreaterThanOrEqual(project.policy.minCommunicationRounds);
    }
  });

  it('keeps the rows beside the timeline consistent with it', () => {
    const costEvents = data.timelineEvents.filter((e): e is DemoTimelineEventRow<'COST_RECORDED'> => e.type === 'COST_RECORDED');
    expect(data.costEntries.map((c) => [c.id, c.project, c.phase, c.amount])).toEqual(costEvents.map((e) => [e.details.costId, e.project, e.details.phase, e.details.amount]));
    expect(new Set(data.costEntries.map((c) => c.phase))).toEqual(new Set(['RESEARCH', 'ITERATION', 'AFTER_SALES', 'OTHER']));
    const states = new Map(data.projects.map((p) => [p.id, p.sopState]));
    for (const order of data.changeOrders) expect(states.get(order.project)!.changeOrders).toContainEqual({ id: order.id, kind: order.kind, status: order.status, reason: order.reason, amount: order.amount });
    expect(data.changeOrders.length).toBe(data.projects.reduce((sum, p) => sum + p.sopState.changeOrders.length, 0));
    expect(data.requirements.length).toBe(data.projects.reduce((sum, p) => sum + p.sopState.requirements.length, 0));
    expect(data.requirements.every((r) => r.status !== 'CONFIRMED' || r.validation !== 'GAP')).toBe(true);
  });

  it('makes development shorter by about 2.1 days per extra communication round (least squares over closed projects)', () => {
    const points = data.projects
      .filter((p) => p.stage === 'CLOSED')
      .map((p) => {
        const events = timelines.get(p.id)!;
        const signOff = first(events, 'REQUIREMENTS_SIGNED_OFF')!;
        const stressTest = first(events, 'STRESS_TEST_STARTED')!;
        return { x: signOff.details.communicationRounds, y: (stressTest.occurredAt.getTime() - signOff.occurredAt.getTime()) / DAY };
      });
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    const mx = mean(points.map((p) => p.x));
    const my = mean(points.map((p) => p.y));
    const slope = points.reduce((sum, p) => sum + (p.x - mx) * (p.y - my), 0) / points.reduce((sum, p) => sum + (p.x - mx) ** 2, 0);
    expect(points.length).toBeGreaterThan(200);
    expect(slope).toBeGreaterThan(-3);
    expect(slope).toBeLessThan(-1.2);
  });

  it('scores projects reviewed within 90 days of delivery higher (NPS difference 15 to 40 points)', () => {
    const nps = (scores: number[]) => (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;
    const within: number[] = [];
    const later: number[] = [];
    for (const project of data.projects) {
      const events = timelines.get(project.id)!;
      const accepted = first(events, 'DELIVERY_ACCEPTED')!;
      const review = first(events, 'SERVICE_REVIEW_SUBMITTED')!;
      expect(review.details.npsScore).toBeGreaterThanOrEqual(0);
      expect(review.details.npsScore).toBeLessThanOrEqual(10);
      (review.occurredAt.getTime() - accepted.occurredAt.getTime() <= 90 * DAY ? within : later).push(review.details.npsScore);
    }
    expect(within.length).toBeGreaterThan(50);
    expect(later.length).toBeGreaterThan(50);
    const difference = nps(within) - nps(later);
    expect(difference).toBeGreaterThan(15);
    expect(difference).toBeLessThan(40);
  });

  it('passes about 75 % of stress tests the first time; a failure goes back to development and tries again', () => {
    const verdicts = data.projects.map((p) => timelines.get(p.id)!.find((e) => e.type === 'STRESS_TEST_PASSED' || e.type === 'STRESS_TEST_FAILED')!);
    const firstPass = verdicts.filter((v) => v.type === 'STRESS_TEST_PASSED').length / verdicts.length;
    expect(firstPass).toBeGreaterThan(0.65);
    expect(firstPass).toBeLessThan(0.85);
    for (const verdict of data.timelineEvents.filter((e) => e.type === 'STRESS_TEST_FAILED')) expect(verdict.toStage).toBe('DEVELOPMENT');
  });

  it('closes every ticket before until, with SLA state, breaches and messages that agree', () => {
    const messages = new Map<string, number>();
    for (const m of data.ticketMessages) messages.set(m.ticket, (messages.get(m.ticket) ?? 0) + 1);
    const breaches = new Map<string, number>();
    for (const b of data.slaBreaches) breaches.set(b.ticket, (breaches.get(b.ticket) ?? 0) + 1);
    const projects = new Map(data.projects.map((p) => [p.id, p]));
    for (const ticket of data.tickets) {
      expect(ticket.status).toBe('CLOSED');
      expect(ticket.slaState.status).toBe('CLOSED');
      expect(ticket.closedAt!.getTime()).toBe(ticket.slaState.closedAt);
      expect(ticket.nextDueAt).toBeNull();
      expect(ticket.workflowId).toBe(`demo-ticket-${ticket.id}`);
      expect(ticket.slaState.ticketId).toBe(ticket.id);
      expect(ticket.client).toBe(projects.get(ticket.project)!.client);
      expect(ticket.openedAt.getTime()).toBeGreaterThanOrEqual(projects.get(ticket.project)!.createdAt.getTime());
      expect(breaches.get(ticket.id) ?? 0).toBe(ticket.slaState.breaches.length);
      if (ticket.slaState.breaches.length === 0) expect(ticket.slaBreached).toBe(false);
      // Around the clock (the default policy's calendar): business time to the first reply is wall-clock time.
      const run = ticket.slaState.firstResponse;
      expect(ticket.firstResponseBusinessMillis).toBe(run.stoppedBy === 'RESPONSE' ? run.stoppedAt! - ticket.openedAt.getTime() : null);
      expect(messages.get(ticket.id) ?? 0).toBeGreaterThanOrEqual(ticket.slaState.messages);
    }
    expect(new Set(data.tickets.map((t) => t.category))).toEqual(new Set(['SYSTEM', 'BUSINESS', 'STRATEGIC', 'COMPLAINT', 'INCIDENT']));
    expect(new Set(data.tickets.map((t) => t.severity))).toEqual(new Set(['LOW', 'MEDIUM', 'HIGH']));
    // Some tickets breach, most do not; breaches recorded at the deadline, late ones met later.
    const breached = data.tickets.filter((t) => t.slaBreached).length / data.tickets.length;
    expect(breached).toBeGreaterThan(0.1);
    expect(breached).toBeLessThan(0.5);
    for (const breach of data.slaBreaches) {
      expect(breach.recordedAt).toEqual(breach.dueAt);
      if (breach.metAt) expect(breach.metAt.getTime()).toBeGreaterThan(breach.dueAt.getTime());
    }
  });

  it('has complaint spikes in a few weeks, on top of the usual complaints', () => {
    const weekOf = (at: Date) => {
      const midnight = Math.floor(at.getTime() / DAY) * DAY;
      return new Date(midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
    };
    const complaints = new Map<string, number>();
    for (const ticket of data.tickets.filter((t) => t.category === 'COMPLAINT')) complaints.set(weekOf(ticket.openedAt), (complaints.get(weekOf(ticket.openedAt)) ?? 0) + 1);
    const counts = [...complaints.values()].sort((a, b) => a - b);
    const median = counts[Math.floor(counts.length / 2)]!;
    expect(data.complaintSpikeWeeks.length).toBeGreaterThanOrEqual(3);
    for (const week of data.complaintSpikeWeeks) {
      const count = complaints.get(week) ?? 0;
      const previous = complaints.get(new Date(Date.parse(week) - 7 * DAY).toISOString().slice(0, 10)) ?? 0;
      expect(count, week).toBeGreaterThanOrEqual(Math.max(2, 2 * median));
      expect(count, week).toBeGreaterThanOrEqual(1.2 * previous);
    }
  });

  it('refuses a seed or until it cannot use', () => {
    expect(() => generateDemoDataSet({ seed: -1 })).toThrow(RangeError);
    expect(() => generateDemoDataSet({ seed: 1.5 })).toThrow(RangeError);
    expect(() => generateDemoDataSet({ until: new Date(NaN) })).toThrow(RangeError);
  });
});
