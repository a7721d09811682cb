// What one pipeline benchmark run cost: CPU of the workers, the servers and this process; the machine's load; memory.
import { readdirSync, readFileSync } from 'node:fs';
import { type BenchProcess, readCpuSeconds } from './pipeline-processes.ts';

/** Process names of the servers the pipeline talks to. */
const SERVERS = ['postgres', 'redis-server'] as const;

export interface Usage {
  /** CPU seconds the worker processes used during the run, all together. */
  workerCpuSeconds: number;
  /** CPU seconds of PostgreSQL, Redis and this process (the site, enqueueing, waiting). */
  otherCpuSeconds: { postgres: number; redis: number; bench: number };
  /** Share of the machine's CPU time (all cores) busy during the run: is the machine saturated? */
  machineBusy: number;
  /** This process's peak resident memory during the run. */
  benchRss: number;
}

interface Reading {
  workers: number;
  servers: Record<string, number>;
  bench: number;
  machine: { busy: number; total: number } | undefined;
}

/** Starts measuring; `stop()` gives what was used since. */
export function measureUsage(processes: BenchProcess[]): { stop(): Usage } {
  const before = read(processes);
  const rss = sampleOwnRss();
  return {
    stop: () => {
      const after = read(processes);
      const busy = (after.machine?.busy ?? 0) - (before.machine?.busy ?? 0);
      const total = (after.machine?.total ?? 0) - (before.machine?.total ?? 0);
      // A server process that exits during the run takes its ticks along: never below zero.
      const server = (name: string) =>
        Math.max(0, (after.servers[name] ?? 0) - (before.servers[name] ?? 0));
      return {
        workerCpuSeconds: after.workers - before.workers,
        otherCpuSeconds: {
          postgres: server('postgres'),
          redis: server('redis-server'),
          bench: after.bench - before.bench,
        },
        machineBusy: total ? busy / total : 0,
        benchRss: rss.stop(),
      };
    },
  };
}

function read(processes: BenchProcess[]): Reading {
  return {
    workers: processes.reduce((sum, child) => sum + (child.cpuSeconds() ?? 0), 0),
    servers: readCpuByName(SERVERS),
    bench: readCpuSeconds('self') ?? 0,
    machine: readMachineCpu(),
  };
}

/** Samples this process's RSS every 100 ms: VmHWM would also count PGlite opened later to count rows. */
function sampleOwnRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

/** The machine's busy and total CPU ticks since boot, from the first line of /proc/stat. */
function readMachineCpu(): { busy: number; total: number } | undefined {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.split(/\s+/) ?? [];
    const values = ticks.map(Number).filter((value) => !Number.isNaN(value));
    const total = values.reduce((sum, value) => sum + value, 0);
    // idle and iowait are the fourth and fifth columns.
    return { busy: total - (values[3] ?? 0) - (values[4] ?? 0), total };
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds so far of every process whose command name is in `names` (postgres, redis-server),
 * by name. Servers are shared: other users' load on them is counted too.
 */
function readCpuByName(names: readonly string[]): Record<string, number> {
  const totals: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return totals;
  }
  for (const pid of entries) {
    const name = readCommandName(pid);
    if (name === undefined || !(name in totals)) continue;
    totals[name] = (totals[name] ?? 0) + (readCpuSeconds(Number(pid)) ?? 0);
  }
  return totals;
}

function readCommandName(pid: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}
