/**
 * `npm run kb:check`: validates every knowledge-base entry and proves each cited passage is in its
 * source. Exits 1 naming file and field on any problem.
 */
import { sharedDir } from '../bot/paths.js';
import { join, resolve } from 'node:path';
import { readEntries, checkPassages } from '../policies/loadKnowledgeBase.js';

const root = resolve(import.meta.dirname, '..');
const kbDir = process.argv[2] ?? join(root, 'policies', 'kb');
const shared = sharedDir();
const { entries, problems } = readEntries(kbDir);
problems.push(...checkPassages(entries, [join(shared, 'seeds'), join(shared, 'sources')]));
if (problems.length > 0) {
  for (const p of problems) process.stderr.write(`${p.file}: ${p.field}: ${p.message}\n`);
  process.stderr.write(`kb:check: ${problems.length} problem(s) in ${kbDir}\n`);
  process.exit(1);
}
process.stdout.write(`kb:check: ${entries.length} entries valid, every passage found in its source\n`);
