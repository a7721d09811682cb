// String.prototype stays in V8's fast mode in a process that loaded ioredis: see src/lib/fast-strings.ts.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Runs `body` as an ES module under tsx with V8's natives, where `fast()` reads the prototype's mode. */
async function probe(body: string): Promise<string[]> {
  const script = `const fast = new Function('return %HasFastProperties(String.prototype)');\n${body}`;
  const { stdout } = await run(
    process.execPath,
    ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: process.cwd() },
  );
  return stdout.trim().split('\n');
}

describe('the String prototype in a worker process', () => {
  it('is fast again once vigie’s dependencies are loaded, although ioredis made it slow', async () => {
    const lines = await probe(`
      console.log(fast());
      await import('ioredis');
      console.log(fast());
      await import('./src/deps.ts');
      console.log(fast());
    `);
    // Fast at start; ioredis's String subclass turns it into a dictionary; deps.ts turns it back.
    expect(lines).toEqual(['true', 'false', 'true']);
  });

  it('is fast again after restoreFastStringPrototype, whatever made it slow', async () => {
    const lines = await probe(`
      const { restoreFastStringPrototype } = await import('./src/lib/fast-strings.ts');
      class Tagged extends String {}
      console.log(fast(), new Tagged('x').length);
      restoreFastStringPrototype();
      console.log(fast());
    `);
    expect(lines).toEqual(['false 1', 'true']);
  });
});
