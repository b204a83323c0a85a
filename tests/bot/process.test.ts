import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { projectRoot } from '../../bot/paths.js';

describe('the process', () => {
  it('exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/index.ts'], {
      cwd: projectRoot(),
      env: { ...process.env, PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'anbang-')), DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = createInterface({ input: child.stdout });
    const logged: string[] = [];
    for await (const line of lines) {
      logged.push(line);
      if (line.includes('is listening')) break;
    }
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(logged.some((l) => l.includes('is listening'))).toBe(true);
    // Nothing personal in the start-up lines, and they are JSON.
    for (const line of logged) expect(() => JSON.parse(line)).not.toThrow();
  });
});
