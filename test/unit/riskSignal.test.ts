import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addWeeks,
  agencyCounts,
  auditDueAt,
  backfillWeeks,
  isoWeekName,
  isWeekStart,
  judgeRise,
  previousWeekStart,
  riskSignalOf,
  RISK_RULE,
  serviceAuditNotification,
  weekBounds,
  weeksBetween,
  weekStartOf,
  type ClientCounts,
  type ComplaintCounts,
  type OpenedAudit,
  type ScopeCounts,
} from '../../src/insights/domain/riskSignal.js';

const at = (iso: string) => Date.parse(iso);
const week = (current: [number, number], previous: [number, number]): ScopeCounts => ({
  current: { complaints: current[0], activeProjects: current[1] },
  previous: { complaints: previous[0], activeProjects: previous[1] },
});

describe('ISO weeks (Monday 00:00 UTC)', () => {
  it('finds the Monday of any instant, at both edges of the week', () => {
    expect(weekStartOf(at('2026-01-05T00:00:00.000Z'))).toBe('2026-01-05'); // Monday, first instant
    expect(weekStartOf(at('2026-01-11T23:59:59.999Z'))).toBe('2026-01-05'); // Sunday, last instant
    expect(weekStartOf(at('2026-01-12T00:00:00.000Z'))).toBe('2026-01-12');
    expect(weekStartOf(at('2026-01-07T13:00:00.000Z'))).toBe('2026-01-05');
    // Across a year's end: Thursday 2026-01-01 is in the week of Monday 2025-12-29.
    expect(weekStartOf(at('2026-01-01T12:00:00.000Z'))).toBe('2025-12-29');
    // In UTC, not local time: 23:30 on Sunday in New York is Monday in UTC.
    expect(weekStartOf(new Date('2026-01-11T23:30:00-05:00'))).toBe('2026-01-12');
  });

  it('names the last complete week before an instant: what a Monday run measures', () => {
    expect(previousWeekStart(at('2026-01-12T06:00:00.000Z'))).toBe('2026-01-05');
    expect(previousWeekStart(at('2026-01-18T23:59:59.999Z'))).toBe('2026-01-05');
    expect(previousWeekStart(at('2026-01-19T00:00:00.000Z'))).toBe('2026-01-12');
  });

  it('knows a week start only as a real Monday written YYYY-MM-DD', () => {
    expect(isWeekStart('2026-01-05')).toBe(true);
    for (const text of ['2026-01-06', '2026-1-5', '2026-02-30', '2026-01-05T00:00:00Z', '', null, 20260105]) expect(isWeekStart(text), String(text)).toBe(false);
    expect(() => addWeeks('2026-01-06', 1)).toThrow(RangeError);
  });

  it('steps by weeks, bounds a week as [Monday, next Monday) and names it as ISO does', () => {
    expect(addWeeks('2025-12-29', 1)).toBe('2026-01-05');
    expect(addWeeks('2026-01-05', -2)).toBe('2025-12-22');
    expect(weekBounds('2026-03-23')).toEqual({ start: new Date('2026-03-23T00:00:00.000Z'), end: new Date('2026-03-30T00:00:00.000Z') });
    expect(isoWeekName('2025-12-29')).toBe('2026-W01'); // its Thursday is 2026-01-01
    expect(isoWeekName('2026-01-05')).toBe('2026-W02');
    expect(isoWeekName('2026-12-28')).toBe('2026-W53'); // 2026 has 53 ISO weeks (it starts on a Thursday)
    expect(isoWeekName('2027-01-04')).toBe('2027-W01');
    expect(isoWeekName('2021-01-04')).toBe('2021-W01');
    expect(isoWeekName('2020-12-28')).toBe('2020-W53');
  });

  it('lists every week from one date to another', () => {
    expect(weeksBetween('2026-01-07', '2026-01-20')).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
    expect(weeksBetween('2026-01-05', '2026-01-11')).toEqual(['2026-01-05']);
  });
});

describe('backfillWeeks', () => {
  const now = at('2026-03-04T10:00:00.000Z'); // a Wednesday: the last complete week starts 2026-02-23

  it('covers the weeks holding both dates, oldest first', () => {
    expect(backfillWeeks('2026-02-10', '2026-03-01', now)).toEqual({ weeks: ['2026-02-09', '2026-02-16', '2026-02-23'] });
  });

  it('refuses a week that has not ended, naming the last complete one', () => {
    const result = backfillWeeks('2026-02-10', '2026-03-02', now);
    expect(result).toEqual({ problem: { field: 'to', message: expect.stringContaining('2026-02-23') } });
    expect(backfillWeeks('2026-02-10', '2027-01-01', now)).toMatchObject({ problem: { field: 'to' } });
  });

  it(`refuses more than ${RISK_RULE.maxBackfillWeeks} weeks, a range backwards and dates that are not dates`, () => {
    const last = '2026-02-23';
    const first = addWeeks(last, -(RISK_RULE.maxBackfillWeeks - 1));
    expect((backfillWeeks(first, last, now) as { weeks: string[] }).weeks).toHaveLength(RISK_RULE.maxBackfillWeeks);
    expect(backfillWeeks(addWeeks(first, -1), last, now)).toMatchObject({ problem: { field: 'from', message: expect.stringContaining('105 weeks') } });
    expect(backfillWeeks('2026-02-20', '2026-02-10', now)).toMatchObject({ problem: { field: 'from' } });
    expect(backfillWeeks('2026-02-30', '2026-02-10', now)).toMatchObject({ problem: { field: 'from' } });
    expect(backfillWeeks('2026-02-01', 'soon', now)).toMatchObject({ problem: { field: 'to' } });
  });
});

describe('audit due dates (business days, Monday to Friday, UTC)', () => {
  it('skips weekends and keeps the time of day', () => {
    expect(new Date(addBusinessDays(at('2026-01-12T06:00:00.000Z'), 5)).toISOString()).toBe('2026-01-19T06:00:00.000Z'); // Monday → Monday
    expect(new Date(addBusinessDays(at('2026-01-15T06:00:00.000Z'), 1)).toISOString()).toBe('2026-01-16T06:00:00.000Z'); // Thursday → Friday
    expect(new Date(addBusinessDays(at('2026-01-16T06:00:00.000Z'), 1)).toISOString()).toBe('2026-01-19T06:00:00.000Z'); // Friday → Monday
    expect(new Date(addBusinessDays(at('2026-01-17T10:00:00.000Z'), 5)).toISOString()).toBe('2026-01-23T10:00:00.000Z'); // Saturday → Friday
    expect(new Date(auditDueAt(at('2026-01-12T06:00:00.000Z'))).toISOString()).toBe('2026-01-19T06:00:00.000Z');
  });
});

describe('judgeRise', () => {
  it('opens an audit for a rise of 20 % or more, decided on the counts (1.2 against 1.0 is a rise)', () => {
    const exactly = judgeRise(week([6, 5], [5, 5])); // 1.2 vs 1.0: (1.2 - 1) / 1 is 0.1999... in floating point
    expect(exactly.rise).toBe(true);
    expect(exactly.change).toBeCloseTo(0.2, 10);
    expect(exactly.reason).toBe('Complaint rate 1.2 per active project (6 complaints over 5 active projects), up 20 % from 1 (5 complaints over 5 active projects): a rise of 20 % or more.');
    const just = judgeRise(week([12, 10], [5, 5]));
    expect(just.rise).toBe(true);
    // Just under: 11/10 = 1.1 against 1.0, and 59/50 = 1.18.
    expect(judgeRise(week([11, 10], [5, 5])).rise).toBe(false);
    expect(judgeRise(week([59, 50], [1, 1])).reason).toContain('up 18 % from 1');
    expect(judgeRise(week([59, 50], [1, 1])).rise).toBe(false);
  });

  it('compares rates, not counts: more complaints over more projects may be no rise, and fewer projects may be one', () => {
    expect(judgeRise(week([4, 4], [2, 2])).rise).toBe(false); // 1.0 vs 1.0
    expect(judgeRise(week([3, 2], [3, 3])).rise).toBe(true); // 1.5 vs 1.0: projects finished
    expect(judgeRise(week([2, 4], [4, 4]))).toMatchObject({ rise: false, rate: 0.5, previousRate: 1, change: -0.5 });
    expect(judgeRise(week([2, 4], [4, 4])).reason).toContain('down 50 %');
  });

  it(`never signals on fewer than ${RISK_RULE.minComplaints} complaints, whatever the rate does`, () => {
    const one = judgeRise(week([1, 8], [1, 10])); // 0.125 vs 0.1: +25 %, one complaint
    expect(one).toMatchObject({ rise: false, rate: 0.125, previousRate: 0.1 });
    expect(one.change).toBeCloseTo(0.25, 10);
    expect(one.reason).toContain('fewer than 2 complaints never signal');
    expect(judgeRise(week([1, 1], [0, 1])).rise).toBe(false);
    expect(judgeRise(week([0, 3], [0, 3]))).toMatchObject({ rise: false, rate: 0, previousRate: 0, change: null });
  });

  it('counts a rate from nothing (no complaint, or no active project, the week before) as a rise, its change unknown', () => {
    expect(judgeRise(week([2, 3], [0, 3]))).toMatchObject({ rise: true, previousRate: 0, change: null });
    expect(judgeRise(week([2, 3], [0, 3])).reason).toBe('Complaint rate 0.67 per active project (2 complaints over 3 active projects), after none the week before.');
    expect(judgeRise(week([2, 1], [0, 0]))).toMatchObject({ rise: true, previousRate: null, change: null });
    expect(judgeRise(week([2, 1], [0, 0])).reason).toContain('after no active project the week before');
  });

  it('has no rate and no signal without an active project this week', () => {
    expect(judgeRise(week([3, 0], [1, 2]))).toMatchObject({ rate: null, previousRate: 0.5, change: null, rise: false, reason: 'No active project this week: no rate.' });
  });
});

describe('riskSignalOf', () => {
  const client = (clientId: string, clientName: string, counts: ScopeCounts): ClientCounts => ({ clientId, clientName, ...counts });
  const clients = [
    client('c3', 'Initech', week([1, 1], [0, 1])),
    client('c1', 'Acme', week([3, 2], [1, 2])),
    client('c2', 'Globex', week([2, 2], [2, 2])),
    client('c4', 'Hooli', week([2, 1], [0, 0])),
  ];

  it("adds the clients up into the agency's counts", () => {
    const sum = (list: ComplaintCounts[]) => list.reduce((total, c) => total + c.complaints, 0);
    expect(agencyCounts(clients)).toEqual(week([8, 6], [3, 5]));
    expect(sum(clients.map((c) => c.current))).toBe(8);
    expect(agencyCounts([])).toEqual(week([0, 0], [0, 0]));
  });

  it("judges the agency and each client, and asks for audits for the rises only: the agency's first, then clients by name", () => {
    const signal = riskSignalOf({ weekStart: '2026-01-05', agency: agencyCounts(clients), clients, computedAt: '2026-01-12T06:00:00.000Z', measuredBefore: false });
    expect(signal.agency.rise).toBe(true); // 8/6 against 3/5
    expect(signal.audits.map((a) => [a.scope, a.clientName])).toEqual([
      ['AGENCY', null],
      ['CLIENT', 'Acme'],
      ['CLIENT', 'Hooli'],
    ]);
    expect(signal.audits[1]).toMatchObject({ clientId: 'c1', current: { complaints: 3, activeProjects: 2 }, previous: { complaints: 1, activeProjects: 2 }, verdict: { rise: true, rate: 1.5, previousRate: 0.5, change: 2 } });
  });
});

describe('serviceAuditNotification', () => {
  const audit: OpenedAudit = {
    auditId: 'a1',
    weekStart: '2026-01-05',
    scope: 'CLIENT',
    clientId: 'c1',
    clientName: 'Acme Trading',
    owner: 'mia.csm',
    dueAt: '2026-01-19T06:00:00.000Z',
    complaints: 3,
    activeProjects: 2,
    rate: 1.5,
    previousRate: 0.5,
    change: 2,
    reason: 'why',
  };

  it('has a delivery id per week and scope, the kind the sinks carry, and one readable line', () => {
    const notification = serviceAuditNotification(audit);
    expect(notification).toMatchObject({ ...audit, deliveryId: 'audit:2026-01-05:CLIENT:c1', kind: 'SERVICE_AUDIT_OPENED', isoWeek: '2026-W02' });
    expect(notification.summary).toBe('Service audit for Acme Trading, week 2026-W02: complaint rate 1.5 per active project, up 200 %; owner mia.csm, due 2026-01-19');
    const agency = serviceAuditNotification({ ...audit, scope: 'AGENCY', clientId: null, clientName: null, owner: 'admin', change: null });
    expect(agency.deliveryId).toBe('audit:2026-01-05:AGENCY:agency');
    expect(agency.summary).toContain('Service audit for the agency, week 2026-W02: complaint rate 1.5 per active project, from none; owner admin');
  });
});
