// bin/vigie's choice: the build in dist/ when it is newer than every source, else tsx on src/.
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = path.join(import.meta.dirname, '../..');
let root: string;

/** A checkout of its own: bin/vigie, a dist/ and a src/ that each say which one ran. */
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'vigie-bin-'));
  mkdirSync(path.join(root, 'bin'));
  copyFileSync(path.join(REPO, 'bin/vigie'), path.join(root, 'bin/vigie'));
  mkdirSync(path.join(root, 'src/cli'), { recursive: true });
  writeFileSync(path.join(root, 'src/cli/main.ts'), "process.stdout.write('tsx');\n");
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

function writeDist(age: 'newer' | 'older'): void {
  mkdirSync(path.join(root, 'dist/cli'), { recursive: true });
  writeFileSync(path.join(root, 'dist/cli/main.js'), "process.stdout.write('dist');\n");
  writeFileSync(path.join(root, 'dist/BUILT'), '');
  const now = Date.now() / 1000;
  const [built, source] = age === 'newer' ? [now, now - 60] : [now - 60, now];
  utimesSync(path.join(root, 'dist/BUILT'), built, built);
  utimesSync(path.join(root, 'src/cli/main.ts'), source, source);
}

function runVigie(env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(root, 'bin/vigie'),
      [],
      { env: { PATH: process.env.PATH ?? '', ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, out: stdout + stderr }),
    );
  });
}

describe('bin/vigie', () => {
  it('runs the sources through tsx when there is no dist/', async () => {
    rmSync(path.join(root, 'dist'), { recursive: true, force: true });
    expect(await runVigie()).toEqual({ code: 0, out: 'tsx' });
  });

  it('runs dist/ when it is newer than every source', async () => {
    writeDist('newer');
    expect(await runVigie()).toEqual({ code: 0, out: 'dist' });
  });

  it('runs the sources when one is newer than dist/, or when VIGIE_TSX=1', async () => {
    writeDist('older');
    expect(await runVigie()).toEqual({ code: 0, out: 'tsx' });
    writeDist('newer');
    expect(await runVigie({ VIGIE_TSX: '1' })).toEqual({ code: 0, out: 'tsx' });
  });

  it('says in one line what to do when dist/ is stale and tsx is not installed', async () => {
    writeDist('older');
    rmSync(path.join(root, 'node_modules'));
    const result = await runVigie();
    symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'));
    expect(result.code).toBe(2);
    expect(result.out).toBe(
      'vigie: dist/ is missing or older than src/, and tsx is not installed: run npm run build\n',
    );
  });

  it("gives node the memory flags, to dist/ and the sources alike (README's Memory)", async () => {
    const memoryFlags = ['--max-semi-space-size=4', '--expose-gc', '--liftoff-only'];
    const flags = `process.stdout.write(${JSON.stringify(memoryFlags)}.filter((flag) => process.execArgv.includes(flag)).join(' '));\n`;
    const source = path.join(root, 'src/cli/main.ts');
    writeDist('newer');
    writeFileSync(path.join(root, 'dist/cli/main.js'), flags);
    const fromDist = await runVigie();
    writeFileSync(source, flags);
    const fromSource = await runVigie({ VIGIE_TSX: '1' });
    writeFileSync(source, "process.stdout.write('tsx');\n");
    expect(fromDist).toEqual({ code: 0, out: memoryFlags.join(' ') });
    expect(fromSource).toEqual({ code: 0, out: memoryFlags.join(' ') });
  });
});
