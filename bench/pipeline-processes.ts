// Worker processes for the pipeline benchmark: `vigie worker` or the bare chain, ready, peak memory, stopped.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface BenchProcess {
  child: ChildProcess;
  /** Resolves once the process says its workers listen. */
  ready: Promise<void>;
  /** Peak resident memory so far in bytes (VmHWM), undefined off Linux. */
  peakRss(): number | undefined;
  /** User and system CPU seconds so far, undefined off Linux. */
  cpuSeconds(): number | undefined;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Node with the tsx loader, as bin/vigie runs it. BENCH_NODE_ARGS adds flags that NODE_OPTIONS
 * refuses, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where a worker spends its time.
 */
function nodeArgs(): string[] {
  return [
    ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    '--disable-warning=ExperimentalWarning',
    '--import',
    new URL('../node_modules/tsx/dist/loader.mjs', import.meta.url).href,
  ];
}

/** `vigie worker --queues …` as bin/vigie starts it, with its settings in the environment. */
export function spawnVigieWorker(queues: readonly string[], env: Record<string, string>) {
  const args = [...nodeArgs(), 'src/cli/main.ts', 'worker', '--queues', queues.join(',')];
  return spawnReady(process.execPath, args, env, (output) =>
    output.includes('"msg":"vigie started"'),
  );
}

export function spawnBareChain(env: Record<string, string>) {
  return spawnReady(process.execPath, [...nodeArgs(), 'bench/bare-chain.ts'], env, (output) =>
    output.includes('ready\n'),
  );
}

function spawnReady(
  command: string,
  args: string[],
  env: Record<string, string>,
  isReady: (output: string) => boolean,
): BenchProcess {
  const child = spawn(command, args, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const ready = new Promise<void>((resolve, reject) => {
    // Only the start is kept: later log lines are read and dropped so that the pipe never fills.
    let output = '';
    const onData = (chunk: Buffer) => {
      if (output.length > 64_000) return;
      output += chunk.toString();
      if (isReady(output)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) =>
      reject(new Error(`bench: ${args.join(' ')} exited (${code}) before ready:\n${output}`)),
    );
  });
  return {
    child,
    ready,
    peakRss: () => (child.pid === undefined ? undefined : readPeakRss(child.pid)),
    cpuSeconds: () => (child.pid === undefined ? undefined : readCpuSeconds(child.pid)),
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** VmHWM of /proc/<pid>/status: the process's peak resident set, in bytes. */
export function readPeakRss(pid: number | 'self'): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    return kilobytes === undefined ? undefined : Number(kilobytes) * 1024;
  } catch {
    return undefined;
  }
}

/** utime + stime of /proc/<pid>/stat (fields 14 and 15, after the parenthesised name), in seconds. */
export function readCpuSeconds(pid: number | 'self'): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Clock ticks: USER_HZ is 100 on every Linux Node supports.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
