// The deployment files' shape: docker-compose.yml parsed as Compose reads it, the Dockerfile's key lines.
// Docker cannot run here (no daemon, no registry): these checks are what stands for `docker compose up`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.join(import.meta.dirname, '../../..');

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  deploy?: { replicas?: number };
}

const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as { services: Record<string, Service> };
const services = compose.services;

function service(name: string): Service {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

describe('docker-compose.yml', () => {
  it('runs vigie itself: one `vigie run` and at least two `vigie worker` replicas of the image built here', () => {
    expect(Object.keys(services).sort()).toEqual(['mail', 'postgres', 'redis', 'vigie', 'worker']);
    expect(service('vigie').command?.[0]).toBe('run');
    expect(service('worker').command?.[0]).toBe('worker');
    expect(service('worker').deploy?.replicas).toBeGreaterThanOrEqual(2);
    for (const name of ['vigie', 'worker']) expect(service(name).build).toBe('.');
  });

  it('gives every worker /healthz on the port the image checks, and publishes none of theirs', () => {
    const worker = service('worker');
    const port = worker.command?.[worker.command.indexOf('--port') + 1];
    expect(port).toBe(worker.environment?.PORT);
    expect(worker.ports).toBeUndefined();
  });

  it('points vigie at the Redis, PostgreSQL and mail services', () => {
    for (const name of ['vigie', 'worker']) {
      const env = service(name).environment ?? {};
      expect(env.REDIS_URL).toBe('redis://redis:6379');
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/vigie:.+@postgres:5432\/vigie$/);
      expect(env.SMTP_URL).toBe('smtp://mail:1025');
    }
  });

  it('starts vigie only once Redis and PostgreSQL pass their health checks', () => {
    for (const name of ['vigie', 'worker']) {
      const dependsOn = service(name).depends_on ?? {};
      expect(dependsOn.redis?.condition).toBe('service_healthy');
      expect(dependsOn.postgres?.condition).toBe('service_healthy');
    }
    expect(service('redis').healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(service('postgres').healthcheck?.test.join(' ')).toContain('pg_isready');
  });

  it('keeps every Redis key: AOF on, no eviction (BullMQ)', () => {
    const command = (service('redis').command ?? []).join(' ');
    expect(command).toContain('--appendonly yes');
    expect(command).toContain('--maxmemory-policy noeviction');
  });

  it('takes every host port from a variable, defaulting away from a local Redis or PostgreSQL', () => {
    const ports = Object.values(services).flatMap((s) => s.ports ?? []);
    expect(ports.length).toBeGreaterThanOrEqual(5);
    for (const port of ports) {
      expect(port).toMatch(/^(127\.0\.0\.1:)?\$\{[A-Z_]+:-\d+\}:\d+$/);
    }
    const defaults = ports.map((port) => Number(/:-(\d+)\}/.exec(port)?.[1]));
    expect(defaults).not.toContain(6379);
    expect(defaults).not.toContain(5432);
  });
});

describe('Dockerfile', () => {
  const text = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  const lines = text
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));
  const stages = text.split(/^FROM /m).slice(1);
  const final = stages.at(-1) ?? '';

  it('builds in stages and ships production dependencies and compiled JavaScript only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/npm ci --omit=dev/);
    expect(final).toMatch(/^COPY --from=\w+ \/app\/dist \.\/dist$/m);
    expect(final).toMatch(/^COPY --from=\w+ \/app\/node_modules \.\/node_modules$/m);
    expect(final).not.toMatch(/^COPY (src|tests)\b/m);
  });

  it('runs as a user that is not root', () => {
    const user = lines.filter((line) => line.startsWith('USER ')).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER (root|0)\b/);
  });

  it('checks its health on /healthz and runs `vigie run` by default', () => {
    expect(lines.find((line) => line.startsWith('HEALTHCHECK'))).toContain('/healthz');
    expect(lines).toContain('ENTRYPOINT ["/app/bin/vigie"]');
    expect(lines).toContain('CMD ["run"]');
  });

  it('copies only paths that exist, and the build context leaves out node_modules and dist', () => {
    const sources = lines
      .filter((line) => line.startsWith('COPY ') && !line.includes('--from'))
      .flatMap((line) => line.split(/\s+/).slice(1, -1));
    for (const source of sources) expect(existsSync(path.join(ROOT, source)), source).toBe(true);
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.git', 'data']));
  });
});
