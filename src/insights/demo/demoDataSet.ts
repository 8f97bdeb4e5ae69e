/**
 * The demo data set of `npm run seed:demo` (issue 10): a year of an agency's delivery and
 * after-sales work, generated deterministically, so the service value dashboard, the weekly
 * risk signal and the tier suggestions have something to show on a fresh machine.
 *
 * Pure: a seeded PRNG (mulberry32) and the domain's own rules, no I/O and no clock. The same
 * `seed` and `until` give the same rows, byte for byte; `writeDemoData` (writeDemoData.ts)
 * stores them.
 *
 * **Nothing is hand-written that a rule computes.** Every project is driven through the SOP
 * table (src/delivery/domain/sopMachine.ts): each step is checked with `checkTransition` and
 * applied with the transition's own `apply`, exactly as the project workflow does, so the
 * timeline's details have the typed shapes of timelineEvent.ts, `from_stage`/`to_stage`
 * follow the table, and `sop_state` is the workflow's state after the last event. Tickets are
 * driven through the ticket domain (src/aftersales/domain/ticket.ts): `openTicket`,
 * `applyTicketTransition` at chosen times, and `ticketSlaPlan` + `recordThreshold` at each
 * threshold's instant, as the ticket workflow's timers would, so `sla_state`, the breaches and
 * the first-response time are what the workflow would have written.
 *
 * **Time.** Everything happens in the 365 days before `until` (default: the start of today,
 * UTC). Demo projects and tickets have no workflows, so nothing may be left for a workflow to
 * do: every ticket is CLOSED before `until`, and every STANDARD and PREMIUM project is CLOSED
 * (each is placed early enough in the year for its three months of after-care to end).
 * CUSTOM projects promise twelve months of monitoring, longer than the year, so they cannot
 * close inside it: they are left in AFTERCARE with the service review done and monitoring
 * running, waiting only for system events that never come. Lead actions on them
 * (`requestChangeOrder`, `recordCost`, `cancelProject`) answer STAGE_CONFLICT
 * (`rule: PROJECT_FINISHED`), because no workflow exists to take them.
 *
 * **Designed relations** (what the dashboard's relations should find):
 *
 * - development days (REQUIREMENTS_SIGNED_OFF → first STRESS_TEST_STARTED) ≈ 32 − 2.1 ×
 *   communication rounds + noise. PREMIUM and CUSTOM cannot go below their validation day
 *   (day 14) plus closing its gaps, so their few points at 9 rounds sit a little above the line;
 * - projects whose service review came within 90 days of delivery score an NPS about 27
 *   points higher than those reviewed later (about +45 against +18, drawn from exact shares);
 * - about 75 % of stress tests pass the first time; four weeks have a complaint spike.
 */
import { createHash } from 'node:crypto';
import { ALWAYS_OPEN, type BusinessCalendar } from '../../aftersales/domain/businessCalendar.js';
import type { SlaClockName } from '../../aftersales/domain/slaNotification.js';
import { DEFAULT_SLA_POLICY } from '../../aftersales/domain/slaPolicy.js';
import {
  applyTicketTransition,
  checkTicketOpening,
  checkTicketTransition,
  clockRuns,
  DEFAULT_TICKET_SLA_SETTINGS,
  openTicket,
  recordThreshold,
  slaClockOf,
  ticketSlaPlan,
  type AuthorRole,
  type MessageKind,
  type TicketChannel,
  type TicketOpening,
  type TicketState,
  type TicketStatus,
  type TicketTransitionName,
  type TicketTransitions,
} from '../../aftersales/domain/ticket.js';
import type { TicketCategory } from '../../aftersales/domain/ticketCategory.js';
import type { TicketSeverity } from '../../aftersales/domain/ticketSeverity.js';
import type { ClientTier } from '../../catalog/domain/clientTier.js';
import { DEFAULT_PACKAGES, type PackageCode } from '../../catalog/domain/defaultPackages.js';
import type { PackagePolicy } from '../../catalog/domain/packagePolicy.js';
import { DAYS_PER_MONTH, monitoringMonths, serviceReviewSchedule } from '../../delivery/domain/aftercare.js';
import { capsOf, type ChangeOrderKind, type ChangeOrderStatus } from '../../delivery/domain/changeOrder.js';
import { COMMUNICATION_CHANNELS } from '../../delivery/domain/communicationRound.js';
import type { CostPhase } from '../../delivery/domain/costShare.js';
import type { RequirementStatus, ValidationResult } from '../../delivery/domain/requirement.js';
import { REVIEW_KINDS, type ReviewKind, type ReviewOutcome } from '../../delivery/domain/reviewRound.js';
import { addChecks, BURST_SIZE, emptyTally, PROBES_PER_DAY, stressTestVerdict, type SiteCheck, type StressTestVerdict } from '../../delivery/domain/siteCheck.js';
import { checkTransition, transitionOf, type SopTransitionName } from '../../delivery/domain/sopMachine.js';
import type { SopStage } from '../../delivery/domain/sopStage.js';
import { confirmedRequirements, initialSopState, openGaps, type SopState } from '../../delivery/domain/sopState.js';
import type { TimelineDetailsByType, TimelineEventType } from '../../delivery/domain/timelineEvent.js';
import {
  AGENT_REPLIES,
  CHANGE_ORDER_REASONS,
  CLIENT_REPLIES,
  CONTACT_NAMES,
  COST_NOTES,
  INTERNAL_NOTES,
  PROJECT_KINDS,
  REOPEN_REASONS,
  REQUIREMENT_TITLES,
  RESEARCH_TOPICS,
  REVIEW_COMMENTS,
  REVIEW_FEEDBACK,
  ROUND_SUMMARIES,
  TICKET_TEXTS,
} from './demoTexts.js';
import { mulberry32 } from '../../shared/domain/seededRandom.js';

// ---------------------------------------------------------------------------------------
// Options and rows

export const DEMO_DEFAULT_SEED = 20261127;
export const DEMO_SPAN_DAYS = 365;
export const DEMO_CLIENT_COUNT = 24;
export const DEMO_PROJECT_COUNT = 320;
/** The dedicated CSM of tier-A demo clients, as the seeded Acme client has. */
export const DEMO_DEDICATED_CSM = 'mia.csm';
export const DEMO_LEADS = ['lin.pm', 'sam.pm'] as const;
/** The seeded CSMs and their teams (src/identity/domain/seedUsers.ts). */
const CSM_TEAMS: Record<string, string> = { 'mia.csm': 'key-accounts', 'noah.csm': 'support' };

export const DEMO_WORKFLOW_PREFIX = { project: 'demo-project-', ticket: 'demo-ticket-' } as const;

export interface DemoOptions {
  /** PRNG seed (a 32-bit integer); DEMO_DEFAULT_SEED when absent. */
  seed?: number;
  /** The end of the demo year (exclusive); the start of today (UTC) when absent. */
  until?: Date;
}

/**
 * One row per table, named as the entities name their properties (`project`, `client`,
 * `ticket` hold the referenced row's id), so the writer hands them to the ORM as they are.
 */
export interface DemoClientRow {
  id: string;
  name: string;
  tier: ClientTier;
  contactEmail: string;
  dedicatedCsm: string | null;
  createdAt: Date;
}

export interface DemoProjectRow {
  id: string;
  name: string;
  client: string;
  servicePackage: PackageCode;
  projectLead: string;
  stagingUrl: string;
  workflowId: string;
  policy: PackagePolicy;
  policyVersion: number;
  addOnVersions: Record<string, number>;
  plannedDeliveryAt: Date;
  contractValue: number;
  stage: SopStage;
  sopState: SopState;
  projectedSeq: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoTimelineEventRow<T extends TimelineEventType = TimelineEventType> {
  project: string;
  seq: number;
  type: T;
  fromStage: SopStage;
  toStage: SopStage;
  actor: string;
  occurredAt: Date;
  summary: string;
  details: TimelineDetailsByType[T];
}

export interface DemoRequirementRow {
  project: string;
  id: string;
  title: string;
  status: RequirementStatus;
  validation: ValidationResult;
}

export interface DemoChangeOrderRow {
  project: string;
  id: string;
  kind: ChangeOrderKind;
  status: ChangeOrderStatus;
  reason: string;
  amount: number;
}

export interface DemoCostEntryRow {
  id: string;
  project: string;
  phase: CostPhase;
  amount: number;
  note: string | null;
  recordedBy: string;
  recordedAt: Date;
}

export interface DemoMonitoringReportRow {
  project: string;
  month: number;
  checks: number;
  failed: number;
  availability: number;
  p95LatencyMs: number;
  reportedAt: Date;
}

export interface DemoTicketRow {
  id: string;
  project: string;
  client: string;
  title: string;
  description: string;
  channel: TicketChannel;
  severity: TicketSeverity;
  category: TicketCategory;
  status: TicketStatus;
  affectedUsers: number;
  assignee: string | null;
  team: string | null;
  openedBy: string;
  openedAt: Date;
  closedAt: Date | null;
  policyVersion: number;
  calendar: BusinessCalendar;
  slaState: TicketState;
  slaBreached: boolean;
  firstResponseBusinessMillis: number | null;
  nextDueAt: Date | null;
  workflowId: string;
  projectedSeq: number;
  updatedAt: Date;
}

export interface DemoTicketMessageRow {
  ticket: string;
  id: string;
  kind: MessageKind;
  authorRole: AuthorRole;
  author: string;
  body: string;
  createdAt: Date;
}

export interface DemoSlaBreachRow {
  ticket: string;
  clock: SlaClockName;
  round: number;
  dueAt: Date;
  recordedAt: Date;
  lateByMillis: number;
  metAt: Date | null;
}

export interface DemoDataSet {
  seed: number;
  /** The first instant of the demo year: `until` − 365 days. */
  from: Date;
  until: Date;
  clients: DemoClientRow[];
  projects: DemoProjectRow[];
  timelineEvents: DemoTimelineEventRow[];
  requirements: DemoRequirementRow[];
  changeOrders: DemoChangeOrderRow[];
  costEntries: DemoCostEntryRow[];
  monitoringReports: DemoMonitoringReportRow[];
  tickets: DemoTicketRow[];
  ticketMessages: DemoTicketMessageRow[];
  slaBreaches: DemoSlaBreachRow[];
  /** The Mondays (YYYY-MM-DD, UTC) of the weeks with a complaint spike. */
  complaintSpikeWeeks: string[];
}

// ---------------------------------------------------------------------------------------
// Time, ids and randomness

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The start of the UTC day holding `now`: the default end of the demo year. */
export function startOfUtcDay(now: Date = new Date()): Date {
  return new Date(Math.floor(now.getTime() / DAY) * DAY);
}

/**
 * A fixed UUID for the demo's `kind` and index: a name-based (SHA-1, version 5 layout) hash,
 * so ids are the same on every run and every machine, and a second run finds its rows.
 */
export function demoUuid(kind: string, ...parts: (string | number)[]): string {
  const hex = createHash('sha1').update(['delivery-sop-demo', kind, ...parts].join(':')).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}


/** A 32-bit seed for one independent stream of the data set (clients, project n, tickets, ...). */
function streamSeed(seed: number, ...parts: (string | number)[]): number {
  return createHash('sha256').update([seed, ...parts].join(':')).digest().readUInt32LE(0);
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [value, weight] of options) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return options[options.length - 1]![0];
  }
  /** Normal (Box-Muller). */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, n);
  }
}

/** A shuffled list of exactly `shares` of `n` (rounded): group figures land where designed, whatever the seed. */
function bag<T>(random: Random, n: number, shares: readonly (readonly [T, number])[]): T[] {
  const items: T[] = [];
  shares.forEach(([value, share], i) => {
    const count = i === shares.length - 1 ? n - items.length : Math.round(share * n);
    for (let k = 0; k < count && items.length < n; k++) items.push(value);
  });
  return random.shuffle(items);
}

const money = (amount: number) => Math.round(amount * 100) / 100;
const pad2 = (n: number) => String(n).padStart(2, '0');
const iso = (ms: number) => new Date(ms).toISOString();
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

// ---------------------------------------------------------------------------------------
// Clients

interface DemoClient extends DemoClientRow {
  index: number;
  contacts: string[];
  /** A username-like name for the client's side of tickets (demo clients have no users). */
  clientHandle: string;
  domain: string;
}

function makeClients(random: Random, from: number): DemoClient[] {
  const tiers = bag<ClientTier>(random, DEMO_CLIENT_COUNT, [
    ['A', 5 / 24],
    ['B', 12 / 24],
    ['C', 7 / 24],
  ]);
  return tiers.map((tier, i) => {
    const index = i + 1;
    const name = `Demo Client ${pad2(index)}`;
    const domain = `${slug(name)}.example`;
    return {
      index,
      id: demoUuid('client', index),
      name,
      tier,
      contactEmail: `contact@${domain}`,
      dedicatedCsm: tier === 'A' ? DEMO_DEDICATED_CSM : null,
      createdAt: new Date(from + i * 30 * MINUTE),
      contacts: random.sample(CONTACT_NAMES, 2),
      clientHandle: `demo${pad2(index)}.client`,
      domain,
    };
  });
}

// ---------------------------------------------------------------------------------------
// Project plans: what is decided before a project's timeline is built

interface ProjectPlan {
  index: number;
  id: string;
  client: DemoClient;
  packageCode: PackageCode;
  packageName: string;
  policy: PackagePolicy;
  lead: string;
  name: string;
  contractValue: number;
  stagingUrl: string;
  liveUrl: string;
  communicationRounds: number;
  /** The service review comes within the policy's review window (90 days) of delivery. */
  reviewOnTime: boolean;
  npsScore: number;
  firstStressTestPasses: boolean;
}

const PACKAGE_BY_TIER: Record<ClientTier, readonly (readonly [PackageCode, number])[]> = {
  A: [
    ['PREMIUM', 0.6],
    ['CUSTOM', 0.22],
    ['STANDARD', 0.18],
  ],
  B: [
    ['STANDARD', 0.6],
    ['PREMIUM', 0.37],
    ['CUSTOM', 0.03],
  ],
  C: [['STANDARD', 1]],
};
const PROJECTS_PER_TIER: Record<ClientTier, number> = { A: 2.2, B: 1, C: 0.6 };
const CONTRACT_VALUE: Record<PackageCode, readonly [number, number]> = { STANDARD: [12_000, 45_000], PREMIUM: [45_000, 110_000], CUSTOM: [110_000, 240_000] };

/** NPS score categories: promoters 9–10, passives 7–8, detractors 0–6 (as dashboardStatistics.ts counts them). */
type NpsCategory = 'promoter' | 'passive' | 'detractor';
const NPS_SHARES: Record<'onTime' | 'late', readonly (readonly [NpsCategory, number])[]> = {
  // NPS +45
  onTime: [
    ['promoter', 0.6],
    ['detractor', 0.15],
    ['passive', 0.25],
  ],
  // NPS +18
  late: [
    ['promoter', 0.42],
    ['detractor', 0.24],
    ['passive', 0.34],
  ],
};

function scoreOf(random: Random, category: NpsCategory): number {
  if (category === 'promoter') return random.chance(0.55) ? 9 : 10;
  if (category === 'passive') return random.chance(0.5) ? 7 : 8;
  return random.weighted([
    [6, 0.35],
    [5, 0.25],
    [4, 0.18],
    [3, 0.12],
    [2, 0.1],
  ]);
}

function planProjects(seed: number, clients: DemoClient[]): ProjectPlan[] {
  const random = new Random(streamSeed(seed, 'plans'));
  const clientWeights = clients.map((c) => [c, PROJECTS_PER_TIER[c.tier]] as const);
  const perClientKinds = new Map<string, number>();
  const plans = Array.from({ length: DEMO_PROJECT_COUNT }, (_, i): ProjectPlan => {
    const index = i + 1;
    const client = random.weighted(clientWeights);
    const packageCode = random.weighted(PACKAGE_BY_TIER[client.tier]);
    const definition = DEFAULT_PACKAGES.find((p) => p.code === packageCode)!;
    const policy = JSON.parse(JSON.stringify(definition.policy)) as PackagePolicy;
    const kind = random.pick(PROJECT_KINDS);
    const key = `${client.id}/${kind}`;
    const nth = (perClientKinds.get(key) ?? 0) + 1;
    perClientKinds.set(key, nth);
    const [low, high] = CONTRACT_VALUE[packageCode];
    const id = demoUuid('project', index);
    const communicationRounds =
      packageCode === 'STANDARD'
        ? random.int(policy.minCommunicationRounds, 8)
        : random.weighted([
            [policy.minCommunicationRounds, 0.8],
            [policy.minCommunicationRounds + 1, 0.2],
          ]);
    return {
      index,
      id,
      client,
      packageCode,
      packageName: definition.name,
      policy,
      lead: random.pick(DEMO_LEADS),
      name: `${client.name}: ${kind}${nth > 1 ? ` ${nth}` : ''}`,
      contractValue: Math.round(random.between(low, high) / 500) * 500,
      stagingUrl: `https://staging.${client.domain}/p${index}/`,
      liveUrl: `https://p${index}.${client.domain}/`,
      communicationRounds,
      reviewOnTime: random.chance(0.65),
      npsScore: 0,
      firstStressTestPasses: false,
    };
  });
  // Exact shares within each group: the designed NPS difference holds for any seed.
  for (const group of ['onTime', 'late'] as const) {
    const members = plans.filter((p) => p.reviewOnTime === (group === 'onTime'));
    const categories = bag(random, members.length, NPS_SHARES[group]);
    members.forEach((plan, k) => (plan.npsScore = scoreOf(random, categories[k]!)));
  }
  const firstPasses = bag(random, plans.length, [
    [true, 0.75],
    [false, 0.25],
  ]);
  plans.forEach((plan, k) => (plan.firstStressTestPasses = firstPasses[k]!));
  return plans;
}

// ---------------------------------------------------------------------------------------
// A project's timeline, through the SOP table

interface BuiltProject {
  plan: ProjectPlan;
  createdAt: number;
  state: SopState;
  events: DemoTimelineEventRow[];
  monitoringReports: DemoMonitoringReportRow[];
  acceptedAt: number | null;
  closedAt: number | null;
  reviewAt: number | null;
  lastAt: number;
}

interface Step {
  at: number;
  name: SopTransitionName;
  actor: string;
  /** The transition's input, or a function that makes it from the state at that moment. */
  input: unknown;
}

/**
 * Builds one project's timeline from `createdAt`, stopping at `until`. Every random draw
 * comes from `random`, so a dry run (to learn how long the project takes) and the real run
 * (placed in the year) make the same timeline shifted in time.
 */
function buildProject(plan: ProjectPlan, random: Random, createdAt: number, until: number): BuiltProject {
  const { policy, lead, client } = plan;
  const state: SopState = { ...initialSopState(), stagingUrl: plan.stagingUrl };
  const events: DemoTimelineEventRow[] = [
    {
      project: plan.id,
      seq: 0,
      type: 'PROJECT_CREATED',
      fromStage: 'REQUIREMENTS',
      toStage: 'REQUIREMENTS',
      actor: lead,
      occurredAt: new Date(createdAt),
      summary: `Project created on the ${plan.packageName} package`,
      details: { packageCode: plan.packageCode, addOnCodes: [] },
    },
  ];
  let last = createdAt;
  let stopped = false;

  /** Takes one transition at `at` (never before the previous event), as the workflow would: checked, applied, recorded. */
  const run = (at: number, name: SopTransitionName, actor: string, input: unknown): boolean => {
    if (stopped) return false;
    const time = Math.max(Math.round(at), last + 1000);
    if (time >= until) {
      stopped = true;
      return false;
    }
    const payload = typeof input === 'function' ? (input as () => unknown)() : input;
    const context = { state, policy, now: time, dayMs: DAY };
    const violation = checkTransition(name, payload, context);
    if (violation) throw new Error(`Demo project ${plan.index}: ${name} was refused (${violation.rule}): ${violation.message}`);
    const rule = transitionOf(name);
    const from = state.stage;
    const { summary, details } = rule.apply(state, payload, context);
    state.stage = rule.to ?? from;
    state.lastEventSeq += 1;
    events.push({ project: plan.id, seq: state.lastEventSeq, type: rule.event, fromStage: from, toStage: state.stage, actor, occurredAt: new Date(time), summary, details });
    last = time;
    return true;
  };
  const runAll = (steps: Step[]) => {
    steps.sort((a, b) => a.at - b.at);
    for (const step of steps) run(step.at, step.name, step.actor, step.input);
  };
  let costs = 0;
  const costInput = (phase: CostPhase, amount: number) => {
    costs += 1;
    return { costId: demoUuid('cost', plan.index, costs), phase, amount: money(amount), note: random.pick(COST_NOTES[phase]), actor: lead };
  };
  const cost = (at: number, phase: CostPhase, amount: number): Step => ({ at, name: 'recordCost', actor: lead, input: costInput(phase, amount) });
  let changeOrders = 0;
  const attendees = () => [lead, ...random.sample(client.contacts, random.int(1, client.contacts.length))];

  // Requirements: communication rounds, requirements added and confirmed, research, sign-off.
  const rounds = plan.communicationRounds;
  const requirementDays = rounds * random.between(0.6, 1.3) + random.between(0.6, 1.6);
  const requirementMs = requirementDays * DAY;
  const gap = requirementMs / (rounds + 1);
  const roundAt = Array.from({ length: rounds }, (_, i) => createdAt + gap * (i + 1 + random.between(-0.2, 0.2)));
  const requirementCount = plan.packageCode === 'STANDARD' ? random.int(3, 7) : random.int(5, 9);
  const titles = random.sample(REQUIREMENT_TITLES, requirementCount);
  const requirementIds = titles.map((_, k) => demoUuid('requirement', plan.index, k + 1));
  const dropped = new Set(requirementIds.filter((_, k) => k > 0 && random.chance(0.1)));
  const steps: Step[] = [];
  roundAt.forEach((at) =>
    steps.push({
      at,
      name: 'logCommunicationRound',
      actor: lead,
      input: { channel: random.pick(COMMUNICATION_CHANNELS), summary: random.pick(ROUND_SUMMARIES), attendees: attendees(), occurredAt: iso(at - random.between(0.5, 3) * HOUR), actor: lead },
    }),
  );
  const firstHalf = Math.ceil(requirementCount / 2);
  requirementIds.forEach((requirementId, k) => {
    const at = k < firstHalf ? roundAt[0]! + 30 * MINUTE + k * 7 * MINUTE : roundAt[1]! + 30 * MINUTE + (k - firstHalf) * 7 * MINUTE;
    steps.push({ at, name: 'addRequirement', actor: lead, input: { requirementId, title: titles[k]!, actor: lead } });
  });
  const researchSessions = random.weighted([
    [0, 0.3],
    [1, 0.4],
    [2, 0.3],
  ]);
  const research = (at: number) => ({ at, name: 'logResearchSession' as const, actor: lead, input: { topic: random.pick(RESEARCH_TOPICS), attendees: attendees(), actor: lead } });
  for (let s = 0; s < researchSessions; s++) steps.push(research(roundAt[s]! + 4 * HOUR));
  if (researchSessions === 2 && rounds >= 4 && random.chance(0.3)) {
    const changeOrderId = demoUuid('change-order', plan.index, ++changeOrders);
    steps.push({
      at: roundAt[1]! + 5 * HOUR,
      name: 'requestChangeOrder',
      actor: lead,
      input: { changeOrderId, kind: 'EXTRA_RESEARCH', reason: random.pick(CHANGE_ORDER_REASONS.EXTRA_RESEARCH), amount: money(Math.round(random.between(800, 2500))), actor: lead },
    });
    steps.push({ at: roundAt[2]! + HOUR, name: 'approveChangeOrder', actor: lead, input: { changeOrderId, actor: lead } });
    steps.push(research(roundAt[2]! + 3 * HOUR));
  }
  const lastRound = roundAt[rounds - 1]!;
  requirementIds.forEach((requirementId, k) => {
    const at = lastRound + HOUR + k * 8 * MINUTE;
    if (dropped.has(requirementId)) steps.push({ at, name: 'dropRequirement', actor: lead, input: { requirementId, reason: 'Moved to a later release', actor: lead } });
    else steps.push({ at, name: 'confirmRequirement', actor: lead, input: { requirementId, actor: lead } });
  });
  const researchShare = random.between(0.03, 0.095);
  const researchParts = random.int(1, 2);
  for (let k = 0; k < researchParts; k++) steps.push(cost(lastRound + 2.5 * HOUR + k * 20 * MINUTE, 'RESEARCH', (plan.contractValue * researchShare) / researchParts));
  const signOffNote = random.chance(0.5) ? { note: 'Signed off in the final workshop' } : {};
  steps.push({ at: Math.max(createdAt + requirementMs, lastRound + 3.5 * HOUR), name: 'signOffRequirements', actor: lead, input: { ...signOffNote, actor: lead } });
  runAll(steps);

  // Development: review rounds, the validation day (PREMIUM, CUSTOM), change orders, costs.
  const signedOffAt = last;
  const withValidationDay = policy.validationDayOffsetDays !== null;
  const designedDevDays = 32 - 2.1 * rounds + random.normal(0, withValidationDay ? 1.2 : 2);
  const review = (at: number, kind: ReviewKind, outcome: ReviewOutcome, closesGapIds: () => string[] = () => []): Step => ({
    at,
    name: 'submitReviewRound',
    actor: lead,
    input: () => ({
      kind,
      outcome,
      feedback: random.pick(REVIEW_FEEDBACK[outcome]),
      clientAttendees: random.chance(0.15) ? [] : random.sample(client.contacts, random.int(1, client.contacts.length)),
      closesGapIds: closesGapIds(),
      actor: lead,
    }),
  });
  const changesRequested = random.weighted([
    [0, 0.35],
    [1, 0.4],
    [2, 0.25],
  ]);
  const devSteps: Step[] = [];
  let stressTestAt: number;
  let windowStart = signedOffAt + 0.5 * DAY;
  let windowEnd: number;
  if (withValidationDay) {
    const opensAt = Date.parse(state.validationDayOpensAt!);
    const completedAt = opensAt + random.between(2, 6) * HOUR;
    const closingReviewAt = completedAt + random.between(3, 10) * HOUR;
    stressTestAt = Math.max(signedOffAt + designedDevDays * DAY, closingReviewAt + random.between(2, 8) * HOUR);
    windowStart = signedOffAt + DAY;
    windowEnd = opensAt - DAY;
    const preReviews = random.shuffle<ReviewOutcome>([...Array<ReviewOutcome>(changesRequested).fill('CHANGES_REQUESTED'), 'APPROVED', 'APPROVED']);
    preReviews.forEach((outcome, k) => {
      const at = windowStart + ((k + 0.5) / preReviews.length) * (windowEnd - windowStart);
      devSteps.push(review(at, outcome === 'APPROVED' ? 'ON_SITE' : random.pick(REVIEW_KINDS), outcome));
    });
    devSteps.push({ at: opensAt, name: 'validationDayOpened', actor: 'system', input: undefined });
    devSteps.push({
      at: completedAt,
      name: 'completeValidationDay',
      actor: lead,
      input: () => ({
        results: confirmedRequirements(state).map((r) => (random.chance(0.12) ? { requirementId: r.id, result: 'GAP', note: 'Not met on the validation day' } : { requirementId: r.id, result: 'MET' })),
        actor: lead,
      }),
    });
    devSteps.push(review(closingReviewAt, 'ON_SITE', 'APPROVED', () => openGaps(state).map((r) => r.id)));
  } else {
    stressTestAt = signedOffAt + Math.max(designedDevDays, 4) * DAY;
    windowEnd = stressTestAt - 0.5 * DAY;
    const outcomes: ReviewOutcome[] = [...Array<ReviewOutcome>(changesRequested).fill('CHANGES_REQUESTED'), 'APPROVED'];
    outcomes.forEach((outcome, k) => devSteps.push(review(windowStart + ((k + 0.5) / outcomes.length) * (windowEnd - windowStart), random.pick(REVIEW_KINDS), outcome)));
  }
  if (random.chance(0.3)) {
    const kind: ChangeOrderKind = random.chance(0.6) ? 'EXTRA_ITERATION' : 'SCOPE';
    changeOrders += 1;
    const changeOrderId = demoUuid('change-order', plan.index, changeOrders);
    const requestedAt = windowStart + random.between(0.05, 0.3) * (windowEnd - windowStart);
    const decidedAt = requestedAt + random.between(4 * HOUR, Math.min(1.5 * DAY, (windowEnd - requestedAt) / 2));
    const approved = random.chance(0.8);
    const amount = kind === 'SCOPE' ? random.between(2000, 15000) : random.between(1500, 6000);
    devSteps.push({ at: requestedAt, name: 'requestChangeOrder', actor: lead, input: { changeOrderId, kind, reason: random.pick(CHANGE_ORDER_REASONS[kind]), amount: money(Math.round(amount)), actor: lead } });
    devSteps.push({
      at: decidedAt,
      name: approved ? 'approveChangeOrder' : 'rejectChangeOrder',
      actor: lead,
      input: { changeOrderId, ...(approved ? {} : { note: 'Not in the budget this year' }), actor: lead },
    });
    // The iteration the order paid for.
    if (approved && kind === 'EXTRA_ITERATION' && windowEnd - decidedAt > 3 * HOUR) {
      devSteps.push(review(random.between(decidedAt + HOUR, windowEnd - HOUR), random.pick(REVIEW_KINDS), 'CHANGES_REQUESTED'));
    }
  }
  const iterationShare = random.between(0.1, 0.235);
  const iterationParts = random.int(1, 2);
  for (let k = 0; k < iterationParts; k++) {
    devSteps.push(cost(signedOffAt + DAY + random.float() * (stressTestAt - signedOffAt - 1.5 * DAY), 'ITERATION', (plan.contractValue * iterationShare * 0.8) / iterationParts));
  }
  runAll(devSteps);

  // Stress tests until one passes; a failure sends the project back to development.
  let startAt = Math.max(stressTestAt, last + HOUR);
  for (let attempt = 1; ; attempt++) {
    if (!run(startAt, 'startStressTest', lead, { actor: lead })) break;
    const passes = attempt === 1 ? plan.firstStressTestPasses : attempt >= 3 || random.chance(0.85);
    const outcome = { attempt: state.stressTestAttempts, verdict: stressVerdict(random, passes, policy) };
    if (!run(last + policy.stressTestDays * DAY + random.between(1, 25) * MINUTE, passes ? 'stressTestPassed' : 'stressTestFailed', 'system', outcome)) break;
    if (passes) break;
    run(last + random.between(0.3, 1) * DAY, 'recordCost', lead, costInput('ITERATION', plan.contractValue * iterationShare * 0.2));
    // A failure past the included rounds holds the project (ITERATION_OVERDRAFT) until the client approves the extra round.
    if (state.iterationRoundsUsed > capsOf(policy, state.changeOrders).iterationRounds) {
      changeOrders += 1;
      const changeOrderId = demoUuid('change-order', plan.index, changeOrders);
      const reason = random.pick(CHANGE_ORDER_REASONS.EXTRA_ITERATION);
      run(last + random.between(2, 6) * HOUR, 'requestChangeOrder', lead, { changeOrderId, kind: 'EXTRA_ITERATION', reason, amount: money(Math.round(random.between(1500, 6000))), actor: lead });
      run(last + random.between(4, 20) * HOUR, 'approveChangeOrder', lead, { changeOrderId, actor: lead });
    }
    startAt = last + random.between(1.5, 4) * DAY;
  }

  // Acceptance and after-care: the review schedule's timers, monitoring, the review, closing.
  let acceptedAt: number | null = null;
  let closedAt: number | null = null;
  let reviewAt: number | null = null;
  const monitoringReports: DemoMonitoringReportRow[] = [];
  const accepted =
    state.stage === 'ACCEPTANCE' &&
    run(last + random.between(0.3, 3) * DAY, 'acceptDelivery', lead, {
      signedBy: client.contacts[0]!,
      ...(random.chance(0.4) ? { note: 'Accepted after the final walkthrough' } : {}),
      liveUrl: plan.liveUrl,
      actor: lead,
    });
  if (accepted) {
    acceptedAt = last;
    const schedule = serviceReviewSchedule(policy.serviceReviewWithinDays);
    const months = monitoringMonths(policy);
    const plannedReviewAt = plan.reviewOnTime
      ? acceptedAt + random.between(schedule.opensAfterDays + 1, schedule.dueAfterDays - 0.5) * DAY
      : acceptedAt + random.between(schedule.dueAfterDays + 1, schedule.dueAfterDays + 35) * DAY;
    const monitoringEndsAt = acceptedAt + months * DAYS_PER_MONTH * DAY + 2 * MINUTE;
    const closesAt = Math.max(plannedReviewAt, monitoringEndsAt) + 1000;
    const category: NpsCategory = plan.npsScore >= 9 ? 'promoter' : plan.npsScore >= 7 ? 'passive' : 'detractor';
    const careSteps: Step[] = [{ at: acceptedAt + schedule.opensAfterDays * DAY, name: 'serviceReviewOpened', actor: 'system', input: undefined }];
    if (plannedReviewAt > acceptedAt + schedule.reminderAfterDays * DAY) careSteps.push({ at: acceptedAt + schedule.reminderAfterDays * DAY, name: 'serviceReviewReminder', actor: 'system', input: undefined });
    if (plannedReviewAt > acceptedAt + schedule.dueAfterDays * DAY) careSteps.push({ at: acceptedAt + schedule.dueAfterDays * DAY, name: 'serviceReviewOverdue', actor: 'system', input: undefined });
    careSteps.push({
      at: plannedReviewAt,
      name: 'submitServiceReview',
      actor: lead,
      input: { npsScore: plan.npsScore, ...(random.chance(0.7) ? { comment: random.pick(REVIEW_COMMENTS[category]) } : {}), actor: lead },
    });
    careSteps.push({ at: monitoringEndsAt, name: 'monitoringEnded', actor: 'system', input: undefined });
    careSteps.push({ at: closesAt, name: 'projectClosed', actor: 'system', input: undefined });
    const afterSalesShare = random.between(0.06, 0.17);
    const afterSalesParts = random.int(1, 3);
    const careEnd = Math.min(closesAt, acceptedAt + 85 * DAY) - HOUR;
    for (let k = 0; k < afterSalesParts; k++) careSteps.push(cost(acceptedAt + 3 * DAY + random.float() * (careEnd - acceptedAt - 3 * DAY), 'AFTER_SALES', (plan.contractValue * afterSalesShare) / afterSalesParts));
    if (random.chance(0.3)) careSteps.push(cost(acceptedAt + random.between(1, 2.5) * DAY, 'OTHER', plan.contractValue * random.between(0.01, 0.03)));
    runAll(careSteps);
    const reviewEvent = events.find((e) => e.type === 'SERVICE_REVIEW_SUBMITTED');
    reviewAt = reviewEvent ? reviewEvent.occurredAt.getTime() : null;
    const closeEvent = events.find((e) => e.type === 'PROJECT_CLOSED');
    closedAt = closeEvent ? closeEvent.occurredAt.getTime() : null;
    for (let month = 1; month <= months; month++) {
      const reportedAt = acceptedAt + month * DAYS_PER_MONTH * DAY + MINUTE;
      if (reportedAt >= until) break;
      const failed = random.chance(0.25) ? random.int(1, 2) : 0;
      monitoringReports.push({
        project: plan.id,
        month,
        checks: DAYS_PER_MONTH,
        failed,
        availability: (DAYS_PER_MONTH - failed) / DAYS_PER_MONTH,
        p95LatencyMs: random.int(180, 950),
        reportedAt: new Date(reportedAt),
      });
    }
  }
  return { plan, createdAt, state, events, monitoringReports, acceptedAt, closedAt, reviewAt, lastAt: last };
}

/** A stress test's verdict from made-up checks: every probe and burst of every day, judged by the real thresholds. */
function stressVerdict(random: Random, passes: boolean, policy: PackagePolicy): StressTestVerdict {
  const total = policy.stressTestDays * (PROBES_PER_DAY + BURST_SIZE);
  const latencyFailure = !passes && random.chance(0.4);
  const failing = passes || latencyFailure ? 0 : Math.max(2, Math.ceil(total * random.between(0.03, 0.1)));
  const checks: SiteCheck[] = Array.from({ length: total }, (_, k) => {
    if (k < failing) return random.chance(0.5) ? { ok: false, status: 503, latencyMs: random.int(200, 2000), error: null } : { ok: false, status: null, latencyMs: 10_000, error: 'TIMEOUT' };
    const slow = latencyFailure && random.chance(0.15);
    return { ok: true, status: 200, latencyMs: slow ? random.int(1600, 4200) : random.int(120, 900), error: null };
  });
  const verdict = stressTestVerdict(addChecks(emptyTally(), random.shuffle(checks)), policy.stressTestThresholds);
  if (verdict.passed !== passes) return stressVerdict(random, passes, policy);
  return verdict;
}

/**
 * Where a project's timeline is placed: early enough that it is finished (CUSTOM: reviewed)
 * before `until`. A dry run from time 0 says how long it takes; the real run draws the same
 * numbers from a fresh copy of the project's own stream, so it is the same timeline, shifted.
 */
function placeProject(seed: number, plan: ProjectPlan, placement: Random, from: number, until: number): BuiltProject {
  const stream = () => new Random(streamSeed(seed, 'project', plan.index));
  const dry = buildProject(plan, stream(), 0, Number.POSITIVE_INFINITY);
  const mustEnd = dry.closedAt !== null && dry.closedAt < (DEMO_SPAN_DAYS - 10) * DAY ? dry.closedAt : dry.reviewAt!;
  const earliest = from + DAY;
  const latest = Math.max(earliest, until - mustEnd - 2 * DAY);
  const createdAt = Math.round(earliest + placement.float() * (latest - earliest));
  return buildProject(plan, stream(), createdAt, until);
}

// ---------------------------------------------------------------------------------------
// Tickets, through the ticket domain

interface TicketSpec {
  project: BuiltProject;
  openedAt: number;
  category: TicketCategory;
  severity: TicketSeverity;
  affectedUsers: number;
  channel: TicketChannel;
  text: { title: string; description: string };
  assignee: string;
}

interface BuiltTicket {
  row: DemoTicketRow;
  messages: DemoTicketMessageRow[];
  breaches: DemoSlaBreachRow[];
}

const CATEGORY_WEIGHTS: readonly (readonly [TicketCategory, number])[] = [
  ['SYSTEM', 0.3],
  ['BUSINESS', 0.24],
  ['STRATEGIC', 0.09],
  ['COMPLAINT', 0.22],
  ['INCIDENT', 0.15],
];
const FIRST_RESPONSE_MET: Record<TicketSeverity, number> = { LOW: 0.76, MEDIUM: 0.84, HIGH: 0.9 };
/** Share of next responses and of resolutions that come in time. */
const NEXT_RESPONSE_MET = 0.9;
const RESOLUTION_MET = 0.92;
/** No ticket opens later than this before `until`, so the slowest still closes in the year. */
const TICKET_TAIL_MS = 21 * DAY;

function ticketSpec(random: Random, project: BuiltProject, openedAt: number, category: TicketCategory): TicketSpec {
  const severity: TicketSeverity =
    category === 'INCIDENT'
      ? random.weighted([
          ['HIGH', 0.6],
          ['MEDIUM', 0.4],
        ])
      : category === 'COMPLAINT'
        ? random.weighted([
            ['HIGH', 0.3],
            ['MEDIUM', 0.5],
            ['LOW', 0.2],
          ])
        : random.weighted([
            ['LOW', 0.45],
            ['MEDIUM', 0.4],
            ['HIGH', 0.15],
          ]);
  const affectedUsers = category === 'INCIDENT' ? (random.chance(0.6) ? random.int(10, 400) : random.int(1, 9)) : random.int(0, 3);
  const client = project.plan.client;
  const assignee = client.dedicatedCsm && (client.tier === 'A' || category === 'STRATEGIC') ? client.dedicatedCsm : random.chance(0.4) ? 'mia.csm' : 'noah.csm';
  return {
    project,
    openedAt,
    category,
    severity,
    affectedUsers,
    channel: random.weighted<TicketChannel>([
      ['PORTAL', 0.45],
      ['EMAIL', 0.3],
      ['PHONE', 0.15],
      ['CHAT', 0.1],
    ]),
    text: random.pick(TICKET_TEXTS[category]),
    assignee,
  };
}

/** When a project can have tickets: from a day after its creation until it finishes (and not in the year's last weeks). */
function ticketWindow(project: BuiltProject, until: number): [number, number] | null {
  const start = project.createdAt + DAY;
  const end = Math.min(project.closedAt ?? until, until - TICKET_TAIL_MS) - 12 * HOUR;
  return end > start ? [start, end] : null;
}

/** A ratio of a target: mostly within it, sometimes past it. */
const ratio = (random: Random, met: number, fast: boolean) => (fast || random.chance(met) ? random.between(0.05, 0.9) : random.between(1.05, 2.2));

/**
 * One ticket's life, from opening to CLOSED, as its workflow would live it: each update checked
 * and applied at its time, and every SLA threshold recorded at the instant it is reached.
 * `fast` makes a short life (used when a slow one would not close before `until`).
 */
function simulateTicket(random: Random, spec: TicketSpec, index: number, fast: boolean): BuiltTicket {
  const id = demoUuid('ticket', index);
  const { plan } = spec.project;
  const client = plan.client;
  const policy = DEFAULT_SLA_POLICY;
  const settings = DEFAULT_TICKET_SLA_SETTINGS;
  const clientOpens = spec.channel === 'PORTAL' || spec.channel === 'CHAT';
  const opening: TicketOpening = {
    ticketId: id,
    projectId: plan.id,
    clientId: client.id,
    tier: client.tier,
    severity: spec.severity,
    category: spec.category,
    affectedUsers: spec.affectedUsers,
    assignee: spec.assignee,
    clientCsm: client.dedicatedCsm,
    status: 'OPEN',
    title: spec.text.title,
    description: spec.text.description,
    channel: spec.channel,
    openedBy: clientOpens ? client.clientHandle : spec.assignee,
  };
  const invalid = checkTicketOpening(opening);
  if (invalid) throw new Error(`Demo ticket ${index}: ${invalid.message}`);
  const openedAt = spec.openedAt;
  const state = openTicket(opening, policy, openedAt);
  const messages: DemoTicketMessageRow[] = [];
  let snapshots = 1;
  let now = openedAt;

  /** The workflow's timers: every threshold reached before `to` is recorded at its own instant. */
  const reach = (to: number) => {
    for (;;) {
      const { due } = ticketSlaPlan(state, settings, to);
      if (due.length === 0) return;
      const at = due[0]!.at;
      for (const threshold of ticketSlaPlan(state, settings, at).due) recordThreshold(state, threshold, at);
      snapshots += 1;
    }
  };
  const act = <N extends TicketTransitionName>(at: number, name: N, input: TicketTransitions[N]) => {
    const time = Math.max(Math.round(at), now + MINUTE);
    reach(time);
    const refused = checkTicketTransition(name, state, input);
    if (refused) throw new Error(`Demo ticket ${index}: ${name} was refused (${refused.rule}): ${refused.message}`);
    applyTicketTransition(name, state, input, { policy, settings, now: time });
    snapshots += 1;
    now = time;
    reach(time);
    const reply = input as Partial<TicketTransitions['respondToTicket'] & TicketTransitions['reopenTicket']>;
    if (name === 'respondToTicket' && reply.messageId && reply.body) {
      messages.push({ ticket: id, id: reply.messageId, kind: reply.kind!, authorRole: reply.authorRole!, author: reply.actor!, body: reply.body, createdAt: new Date(time) });
    }
    if (name === 'reopenTicket' && reply.messageId && reply.reason) {
      messages.push({ ticket: id, id: reply.messageId, kind: 'PUBLIC_REPLY', authorRole: reply.authorRole ?? 'AGENT', author: reply.actor!, body: `Reopened: ${reply.reason}`, createdAt: new Date(time) });
    }
  };
  const agent = spec.assignee;
  const messageId = () => demoUuid('ticket-message', index, messages.length + 1);
  const agentReply = (at: number) => act(at, 'respondToTicket', { actor: agent, kind: 'PUBLIC_REPLY', authorRole: 'AGENT', messageId: messageId(), body: random.pick(AGENT_REPLIES) });
  const clientReply = (at: number) => act(at, 'respondToTicket', { actor: client.clientHandle, kind: 'PUBLIC_REPLY', authorRole: 'CLIENT', messageId: messageId(), body: random.pick(CLIENT_REPLIES) });
  const targets = state.targets;

  if (!fast && random.chance(0.3)) {
    act(now + random.between(5, 40) * MINUTE, 'respondToTicket', { actor: agent, kind: 'INTERNAL_NOTE', authorRole: 'AGENT', messageId: messageId(), body: random.pick(INTERNAL_NOTES) });
  }
  agentReply(openedAt + ratio(random, FIRST_RESPONSE_MET[spec.severity], fast) * targets.firstResponseMillis);
  const exchanges = fast ? 0 : random.chance(0.45) ? (random.chance(0.3) ? 2 : 1) : 0;
  for (let k = 0; k < exchanges; k++) {
    clientReply(now + random.between(0.5, 30) * HOUR);
    agentReply(now + ratio(random, NEXT_RESPONSE_MET, fast) * targets.nextResponseMillis);
  }
  let pausedMs = 0;
  if (!fast && random.chance(0.2)) {
    act(now + random.between(5, 90) * MINUTE, 'setTicketStatus', { actor: agent, status: 'WAITING_FOR_CLIENT' });
    const pausedAt = now;
    clientReply(now + random.between(3, 72) * HOUR);
    pausedMs = now - pausedAt;
    agentReply(now + ratio(random, NEXT_RESPONSE_MET, fast) * targets.nextResponseMillis);
  }
  const resolutionRatio = fast || random.chance(RESOLUTION_MET) ? random.between(0.1, spec.severity === 'LOW' ? 0.6 : 0.9) : random.between(1.02, 1.3);
  act(Math.max(openedAt + pausedMs + resolutionRatio * targets.resolutionMillis, now + random.between(15, 240) * MINUTE), 'setTicketStatus', { actor: agent, status: 'RESOLVED' });
  if (!fast && random.chance(0.05)) {
    act(now + random.between(2, 48) * HOUR, 'reopenTicket', { actor: client.clientHandle, authorRole: 'CLIENT', reason: random.pick(REOPEN_REASONS), messageId: messageId() });
    agentReply(now + ratio(random, NEXT_RESPONSE_MET, fast) * targets.nextResponseMillis);
    act(now + random.between(1, 12) * HOUR, 'setTicketStatus', { actor: agent, status: 'RESOLVED' });
  }
  act(now + random.between(fast ? 2 : 20, fast ? 12 : 72) * HOUR, 'setTicketStatus', { actor: agent, status: 'CLOSED' });

  const calendar = JSON.parse(JSON.stringify(ALWAYS_OPEN)) as BusinessCalendar;
  const firstResponse = state.firstResponse;
  const firstResponseBusinessMillis =
    firstResponse.stoppedBy === 'RESPONSE' && firstResponse.stoppedAt !== null ? slaClockOf(state, firstResponse, calendar, firstResponse.stoppedAt).usedMillis : null;
  let nextDue: number | null = null;
  for (const run of clockRuns(state)) {
    if (run.stoppedAt !== null) continue;
    const { dueAt } = slaClockOf(state, run, calendar, now);
    if (dueAt !== null && (nextDue === null || dueAt < nextDue)) nextDue = dueAt;
  }
  return {
    row: {
      id,
      project: plan.id,
      client: client.id,
      title: spec.text.title,
      description: spec.text.description,
      channel: spec.channel,
      severity: state.severity,
      category: state.category,
      status: state.status,
      affectedUsers: state.affectedUsers,
      assignee: state.assignee,
      team: state.assignee ? (CSM_TEAMS[state.assignee] ?? null) : null,
      openedBy: opening.openedBy!,
      openedAt: new Date(openedAt),
      closedAt: state.closedAt === null ? null : new Date(state.closedAt),
      policyVersion: state.policyVersion,
      calendar,
      slaState: state,
      slaBreached: state.slaBreached,
      firstResponseBusinessMillis,
      nextDueAt: nextDue === null ? null : new Date(nextDue),
      workflowId: `${DEMO_WORKFLOW_PREFIX.ticket}${id}`,
      projectedSeq: snapshots,
      updatedAt: new Date(now),
    },
    messages,
    breaches: state.breaches.map((b) => ({
      ticket: id,
      clock: b.clock,
      round: b.round,
      dueAt: new Date(b.dueAt),
      recordedAt: new Date(b.recordedAt),
      lateByMillis: b.lateByMillis,
      metAt: b.metAt === null ? null : new Date(b.metAt),
    })),
  };
}

/** Monday 00:00 UTC of the week holding `ms`. */
function weekStartOf(ms: number): number {
  const midnight = Math.floor(ms / DAY) * DAY;
  return midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * DAY;
}

function makeTickets(seed: number, projects: BuiltProject[], from: number, until: number): { tickets: BuiltTicket[]; spikeWeeks: string[] } {
  const random = new Random(streamSeed(seed, 'tickets'));
  const specs: TicketSpec[] = [];
  for (const project of projects) {
    const window = ticketWindow(project, until);
    if (!window) continue;
    const [start, end] = window;
    const count = random.weighted([
      [0, 0.13],
      [1, 0.29],
      [2, 0.3],
      [3, 0.17],
      [4, 0.11],
    ]);
    for (let k = 0; k < count; k++) {
      // Most tickets come in after-care, when the site is live.
      const careStart = project.acceptedAt !== null && project.acceptedAt + DAY < end ? project.acceptedAt + DAY : start;
      const openedAt = random.chance(0.7) ? careStart + random.float() * (end - careStart) : start + random.float() * (end - start);
      specs.push(ticketSpec(random, project, Math.round(openedAt), random.weighted(CATEGORY_WEIGHTS)));
    }
  }

  // Complaint spikes: in four weeks spread over the year, a burst of complaints on projects active then.
  const firstWeek = weekStartOf(from) + 3 * 7 * DAY;
  const lastWeek = weekStartOf(until - TICKET_TAIL_MS) - 7 * DAY;
  const weeks: number[] = [];
  for (let week = firstWeek; week <= lastWeek; week += 7 * DAY) weeks.push(week);
  const activeIn = (week: number) =>
    projects.filter((p) => {
      const window = ticketWindow(p, until);
      return window !== null && window[0] < week + 7 * DAY && window[1] > week;
    });
  const spikeWeeks: number[] = [];
  for (let part = 0; part < 4; part++) {
    const segment = weeks.slice(Math.floor((part * weeks.length) / 4), Math.floor(((part + 1) * weeks.length) / 4));
    const busy = segment.filter((week) => activeIn(week).length >= 10);
    const candidates = busy.length > 0 ? busy : segment;
    if (candidates.length > 0) spikeWeeks.push(random.pick(candidates));
  }
  for (const week of spikeWeeks) {
    const extra = random.int(6, 9);
    for (let k = 0; k < extra; k++) {
      const openedAt = Math.round(week + random.between(6 * HOUR, 7 * DAY - 6 * HOUR));
      const active = projects.filter((p) => {
        const window = ticketWindow(p, until);
        return window !== null && window[0] <= openedAt && openedAt <= window[1];
      });
      if (active.length > 0) specs.push(ticketSpec(random, random.pick(active), openedAt, 'COMPLAINT'));
    }
  }

  specs.sort((a, b) => a.openedAt - b.openedAt || a.project.plan.index - b.project.plan.index);
  const tickets = specs.map((spec, i) => {
    const index = i + 1;
    const ticketRandom = new Random(streamSeed(seed, 'ticket', index));
    const built = simulateTicket(ticketRandom, spec, index, false);
    return built.row.closedAt!.getTime() < until - HOUR ? built : simulateTicket(ticketRandom, spec, index, true);
  });
  return { tickets, spikeWeeks: spikeWeeks.map((week) => iso(week).slice(0, 10)) };
}

// ---------------------------------------------------------------------------------------
// The data set

/** The whole demo data set for `seed` and `until`; the same options give the same rows. */
export function generateDemoDataSet(options: DemoOptions = {}): DemoDataSet {
  const seed = options.seed ?? DEMO_DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError('The demo seed is a whole number from 0 to 4294967295.');
  const untilDate = options.until ?? startOfUtcDay();
  const until = untilDate.getTime();
  if (!Number.isFinite(until)) throw new RangeError('The demo `until` is not a valid date.');
  const from = until - DEMO_SPAN_DAYS * DAY;

  const clients = makeClients(new Random(streamSeed(seed, 'clients')), from);
  const plans = planProjects(seed, clients);
  const placement = new Random(streamSeed(seed, 'placement'));
  const built = plans.map((plan) => placeProject(seed, plan, placement, from, until));
  const { tickets, spikeWeeks } = makeTickets(seed, built, from, until);

  const projectRows: DemoProjectRow[] = built.map(({ plan, createdAt, state, events, acceptedAt, lastAt }) => {
    const planned = acceptedAt === null ? createdAt + 60 * DAY : acceptedAt + new Random(streamSeed(seed, 'planned', plan.index)).normal(1.5, 3.5) * DAY;
    return {
      id: plan.id,
      name: plan.name,
      client: plan.client.id,
      servicePackage: plan.packageCode,
      projectLead: plan.lead,
      stagingUrl: plan.stagingUrl,
      workflowId: `${DEMO_WORKFLOW_PREFIX.project}${plan.id}`,
      policy: plan.policy,
      policyVersion: 1,
      addOnVersions: {},
      plannedDeliveryAt: new Date(Math.max(createdAt + 7 * DAY, Math.ceil(planned / DAY) * DAY)),
      contractValue: plan.contractValue,
      stage: state.stage,
      sopState: state,
      projectedSeq: events[events.length - 1]!.seq,
      createdAt: new Date(createdAt),
      updatedAt: new Date(lastAt),
    };
  });

  const timelineEvents = built.flatMap((p) => p.events);
  const costEntries: DemoCostEntryRow[] = timelineEvents
    .filter((e): e is DemoTimelineEventRow<'COST_RECORDED'> => e.type === 'COST_RECORDED')
    .map((e) => ({ id: e.details.costId, project: e.project, phase: e.details.phase, amount: e.details.amount, note: e.details.note, recordedBy: e.actor, recordedAt: e.occurredAt }));

  return {
    seed,
    from: new Date(from),
    until: new Date(until),
    clients: clients.map(({ id, name, tier, contactEmail, dedicatedCsm, createdAt }) => ({ id, name, tier, contactEmail, dedicatedCsm, createdAt })),
    projects: projectRows,
    timelineEvents,
    requirements: built.flatMap(({ plan, state }) => state.requirements.map((r) => ({ project: plan.id, id: r.id, title: r.title, status: r.status, validation: r.validation }))),
    changeOrders: built.flatMap(({ plan, state }) => state.changeOrders.map((o) => ({ project: plan.id, id: o.id, kind: o.kind, status: o.status, reason: o.reason, amount: o.amount }))),
    costEntries,
    monitoringReports: built.flatMap((p) => p.monitoringReports),
    tickets: tickets.map((t) => t.row),
    ticketMessages: tickets.flatMap((t) => t.messages),
    slaBreaches: tickets.flatMap((t) => t.breaches),
    complaintSpikeWeeks: spikeWeeks,
  };
}
