import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (the folder with package.json), whether running from source or from dist/. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

/** ../shared beside the checkout (policy sources, evaluation set), or SHARED_DIR. */
export function sharedDir(): string {
  return process.env.SHARED_DIR ? resolve(process.env.SHARED_DIR) : join(projectRoot(), '..', 'shared');
}
