import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { checkPassages, loadKnowledgeBase, readEntries, KnowledgeBaseError } from '../../policies/loadKnowledgeBase.js';
import { projectRoot, sharedDir } from '../../bot/paths.js';

const root = projectRoot();
const kbDir = join(root, 'policies', 'kb');
const sourceDirs = [join(sharedDir(), 'seeds'), join(sharedDir(), 'sources')];

/** A folder holding a copy of one real entry, to break on purpose. */
function copyOf(id: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'anbang-kb-'));
  const file = join(dir, `${id}.yaml`);
  copyFileSync(join(kbDir, `${id}.yaml`), file);
  return { dir, file };
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(from, to);
  expect(changed, `edit of ${file} must change something`).not.toBe(text);
  writeFileSync(file, changed);
}

describe('the knowledge base', () => {
  it('is valid and every cited passage stands verbatim in its source', () => {
    const entries = loadKnowledgeBase(kbDir);
    expect(entries.length).toBeGreaterThan(100);
    expect(checkPassages(entries, sourceDirs)).toEqual([]);
  });

  it('covers every region and the topics people ask about', () => {
    const entries = loadKnowledgeBase(kbDir);
    const regions = new Set(entries.map((e) => e.region));
    for (const r of ['national', '江西', '广州', '重庆荣昌', '郑州', '河南', '上海']) expect(regions).toContain(r);
    const topics = new Set(entries.map((e) => e.topic));
    for (const t of ['checkin', 'transition_subsidy', 'subsistence', 'pickup', 'visits', 'key_subjects', 'business_loan']) {
      expect(topics).toContain(t);
    }
  });
});

describe('kb:check catches a broken entry', () => {
  it('names the file and field of a passage that is not in its source', () => {
    const { dir } = copyOf('rc-checkin');
    edit(join(dir, 'rc-checkin.yaml'), '30日内持刑满释放证明书', '60日内持刑满释放证明书');
    const problems = checkPassages(readEntries(dir).entries, sourceDirs);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'rc-checkin.yaml', field: 'sources.0.passage' });
  });

  it('names a missing translation and a region that does not exist', () => {
    const { dir, file } = copyOf('rc-checkin');
    edit(file, /\n {2}zh-TW: 出獄後30天內[^\n]*/, '');
    edit(file, 'region: 重庆荣昌', 'region: 火星');
    const { problems } = readEntries(dir);
    const fields = problems.map((p) => p.field);
    expect(fields).toContain('title.zh-TW');
    expect(fields).toContain('region');
    expect(problems.every((p) => p.file === 'rc-checkin.yaml')).toBe(true);
    expect(() => loadKnowledgeBase(dir)).toThrow(KnowledgeBaseError);
  });

  it('reports an unknown related entry and an id that differs from the file name', () => {
    const { dir, file } = copyOf('rc-checkin');
    edit(file, /related:[^\n]*(\n {2}- [^\n]*)*/, 'related: [no-such-entry]');
    edit(file, 'id: rc-checkin', 'id: rc-checkin-2');
    const fields = readEntries(dir).problems.map((p) => `${p.field}: ${p.message}`);
    expect(fields.some((f) => f.startsWith('related: unknown entry no-such-entry'))).toBe(true);
    expect(fields.some((f) => f.startsWith('id: must equal the file name'))).toBe(true);
  });

  it('exits 1 from the command line, naming file and field', () => {
    const { dir } = copyOf('rc-checkin');
    writeFileSync(join(dir, 'broken.yaml'), 'id: [unclosed\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/kbCheck.ts', dir], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('broken.yaml: (yaml)');
    const ok = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/kbCheck.ts'], { cwd: root, encoding: 'utf8' });
    expect(ok.status).toBe(0);
  });
});
