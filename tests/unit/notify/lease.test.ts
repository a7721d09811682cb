// The delivery lease policy: renewed three times per lease, and how long a job finding a delivery leased waits.
import { describe, expect, it } from 'vitest';
import { DELIVERY_LEASE_MS, leasePolicy, waitForLeaseEnd } from '../../../src/notify/lease.ts';

const T0 = new Date('2026-03-01T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('leasePolicy', () => {
  it.each([
    [undefined, { leaseMs: DELIVERY_LEASE_MS, renewEveryMs: 10_000 }],
    [30_000, { leaseMs: 30_000, renewEveryMs: 10_000 }],
    [2_000, { leaseMs: 2_000, renewEveryMs: 666 }],
    [500, { leaseMs: 500, renewEveryMs: 166 }],
  ])('a lease of %s ms is renewed as %o', (leaseMs, expected) => {
    expect(leasePolicy(leaseMs)).toEqual(expected);
  });

  it('renews well before the lease ends, so one slow renewal does not lose it', () => {
    const { leaseMs, renewEveryMs } = leasePolicy();
    expect(2 * renewEveryMs).toBeLessThan(leaseMs);
  });
});

describe('waitForLeaseEnd', () => {
  it.each([
    ['a lease ending in 10 s', at(10_000), 10_250],
    ['a lease that just ended', at(-1), 250],
    ['a lease long gone', at(-60_000), 250],
    ['no lease', null, 250],
  ])('waits until just past %s', (_name, leaseUntil, expected) => {
    expect(waitForLeaseEnd(leaseUntil, T0)).toBe(expected);
  });
});
