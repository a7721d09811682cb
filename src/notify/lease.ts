// How long a sender holds a delivery: a lease it renews while sending, so that the delivery of a
// sender that died is taken over within seconds and that of a live, slow one never is.

/** A sender that stops renewing loses its delivery this long after its last renewal. */
export const DELIVERY_LEASE_MS = 30_000;

/** Renewals per lease: one renewal lost to a slow round trip leaves two more before it ends. */
const RENEWALS_PER_LEASE = 3;

/** Past a lease's end, the wait before a job finding the delivery leased looks again. */
const LEASE_END_MARGIN_MS = 250;

export interface LeasePolicy {
  leaseMs: number;
  renewEveryMs: number;
}

/**
 * The lease policy for a lease of `leaseMs` (VIGIE_WORKER_LOCK_MS: the bound BullMQ's job locks
 * already give a dead worker's jobs), or the default.
 */
export function leasePolicy(leaseMs: number = DELIVERY_LEASE_MS): LeasePolicy {
  return { leaseMs, renewEveryMs: Math.max(1, Math.floor(leaseMs / RENEWALS_PER_LEASE)) };
}

/** How long a job that found the delivery leased until `leaseUntil` waits before it looks again. */
export function waitForLeaseEnd(leaseUntil: Date | null, now: Date): number {
  const remaining = leaseUntil ? leaseUntil.getTime() - now.getTime() : 0;
  return Math.max(0, remaining) + LEASE_END_MARGIN_MS;
}
