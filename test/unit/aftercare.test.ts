import { describe, expect, it } from 'vitest';
import { isValidNps, monitoringMonths, serviceReviewSchedule } from '../../src/delivery/domain/aftercare.js';

describe('serviceReviewSchedule', () => {
  it('opens after a month, reminds a week before the due day (90 days)', () => {
    expect(serviceReviewSchedule(90)).toEqual({ opensAfterDays: 30, reminderAfterDays: 83, dueAfterDays: 90 });
  });

  it.each([
    [37, { opensAfterDays: 30, reminderAfterDays: 30, dueAfterDays: 37 }],
    [35, { opensAfterDays: 28, reminderAfterDays: 28, dueAfterDays: 35 }],
    [10, { opensAfterDays: 3, reminderAfterDays: 3, dueAfterDays: 10 }],
    [7, { opensAfterDays: 0, reminderAfterDays: 0, dueAfterDays: 7 }],
    [3, { opensAfterDays: 0, reminderAfterDays: 0, dueAfterDays: 3 }],
    [1, { opensAfterDays: 0, reminderAfterDays: 0, dueAfterDays: 1 }],
  ])('clamps a short window of %i days', (withinDays, expected) => {
    expect(serviceReviewSchedule(withinDays)).toEqual(expected);
  });

  it.each([1, 2, 3, 6, 7, 8, 10, 30, 36, 37, 38, 60, 90, 365])('keeps 0 ≤ opens ≤ reminder ≤ due for %i days', (withinDays) => {
    const { opensAfterDays, reminderAfterDays, dueAfterDays } = serviceReviewSchedule(withinDays);
    expect(opensAfterDays).toBeGreaterThanOrEqual(0);
    expect(opensAfterDays).toBeLessThanOrEqual(30);
    expect(reminderAfterDays).toBeGreaterThanOrEqual(opensAfterDays);
    expect(dueAfterDays).toBeGreaterThanOrEqual(reminderAfterDays);
    expect(dueAfterDays).toBe(withinDays);
  });
});

describe('monitoringMonths', () => {
  it('is the longer of hosting and traffic monitoring', () => {
    expect(monitoringMonths({ hostingMonths: 3, trafficMonitoringMonths: 0 })).toBe(3);
    expect(monitoringMonths({ hostingMonths: 3, trafficMonitoringMonths: 12 })).toBe(12);
    expect(monitoringMonths({ hostingMonths: 15, trafficMonitoringMonths: 3 })).toBe(15);
    expect(monitoringMonths({ hostingMonths: 0, trafficMonitoringMonths: 0 })).toBe(0);
  });
});

describe('isValidNps', () => {
  it.each([0, 1, 5, 10])('accepts %s', (score) => {
    expect(isValidNps(score)).toBe(true);
  });

  it.each([-1, 11, 7.5, Number.NaN, Number.POSITIVE_INFINITY, '9', null, undefined])('refuses %s', (score) => {
    expect(isValidNps(score)).toBe(false);
  });
});
