// In-process limit on simultaneous requests per host, so one slow site cannot take every fetch slot.

interface HostSlots {
  active: number;
  waiting: Array<() => void>;
}

const slotsByHost = new Map<string, HostSlots>();

/** Runs `task` once fewer than `limit` tasks for `host` are running; waiting ends early if `signal` aborts. */
export async function withHostSlot<T>(
  host: string,
  limit: number,
  signal: AbortSignal,
  task: () => Promise<T>,
): Promise<T> {
  await acquireSlot(host, Math.max(1, limit), signal);
  try {
    return await task();
  } finally {
    releaseSlot(host);
  }
}

function acquireSlot(host: string, limit: number, signal: AbortSignal): Promise<void> {
  const slots = slotsByHost.get(host) ?? { active: 0, waiting: [] };
  slotsByHost.set(host, slots);
  if (slots.active < limit) {
    slots.active += 1;
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      slots.waiting = slots.waiting.filter((entry) => entry !== grant);
      reject(signal.reason);
    };
    const grant = () => {
      signal.removeEventListener('abort', onAbort);
      slots.active += 1;
      resolve();
    };
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    slots.waiting.push(grant);
  });
}

function releaseSlot(host: string): void {
  const slots = slotsByHost.get(host);
  if (!slots) return;
  slots.active -= 1;
  const next = slots.waiting.shift();
  if (next) next();
  else if (slots.active === 0) slotsByHost.delete(host);
}
