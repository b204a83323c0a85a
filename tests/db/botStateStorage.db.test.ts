import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStorage, ETagConflictError } from '../../db/botStateStorage.js';
import { createMigratedTestDatabase, testEngine, type TestDatabase } from '../support/testDatabase.js';

describe(`PostgresStorage (${testEngine()})`, () => {
  let t: TestDatabase;
  let storage: PostgresStorage;
  beforeAll(async () => {
    t = await createMigratedTestDatabase();
    storage = new PostgresStorage(t.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('reads back what it wrote, with an eTag', async () => {
    await storage.write({ 'test/conversations/a': { dialogState: { stack: [1, 2] }, name: '小李' } });
    const items = await storage.read(['test/conversations/a', 'missing']);
    expect(Object.keys(items)).toEqual(['test/conversations/a']);
    expect(items['test/conversations/a']).toMatchObject({ dialogState: { stack: [1, 2] }, name: '小李' });
    expect(typeof items['test/conversations/a']?.eTag).toBe('string');
  });

  it('accepts a write carrying the current eTag and changes the eTag', async () => {
    const before = (await storage.read(['test/conversations/a']))['test/conversations/a'];
    await storage.write({ 'test/conversations/a': { ...before, name: '老王' } });
    const after = (await storage.read(['test/conversations/a']))['test/conversations/a'];
    expect(after?.name).toBe('老王');
    expect(after?.eTag).not.toBe(before?.eTag);
  });

  it('rejects a write with a stale eTag and keeps the newer data', async () => {
    const first = (await storage.read(['test/conversations/a']))['test/conversations/a'];
    await storage.write({ 'test/conversations/a': { ...first, name: 'newer' } });
    await expect(storage.write({ 'test/conversations/a': { ...first, name: 'stale' } })).rejects.toBeInstanceOf(
      ETagConflictError,
    );
    expect((await storage.read(['test/conversations/a']))['test/conversations/a']?.name).toBe('newer');
  });

  it('lets "*" and a missing eTag overwrite whatever is stored', async () => {
    await storage.write({ 'test/conversations/a': { name: 'star', eTag: '*' } });
    expect((await storage.read(['test/conversations/a']))['test/conversations/a']?.name).toBe('star');
    await storage.write({ 'test/conversations/a': { name: 'plain' } });
    expect((await storage.read(['test/conversations/a']))['test/conversations/a']?.name).toBe('plain');
  });

  it('writes nothing of a batch when one item conflicts', async () => {
    const current = (await storage.read(['test/conversations/a']))['test/conversations/a'];
    await storage.write({ 'test/conversations/a': { ...current, name: 'moved on' } });
    await expect(
      storage.write({
        'test/users/b': { name: 'should not be written' },
        'test/conversations/a': { ...current, name: 'stale again' },
      }),
    ).rejects.toBeInstanceOf(ETagConflictError);
    expect(await storage.read(['test/users/b'])).toEqual({});
  });

  it('writes concurrent turns together, failing only the stale one', async () => {
    await storage.write({ 'k/1': { n: 0 }, 'k/2': { n: 0 } });
    const fresh = await storage.read(['k/1', 'k/2']);
    await storage.write({ 'k/2': { ...fresh['k/2'], n: 1 } }); // makes fresh['k/2'] stale
    const results = await Promise.allSettled([
      storage.write({ 'k/1': { ...fresh['k/1'], n: 2 } }),
      storage.write({ 'k/2': { ...fresh['k/2'], n: 2 } }),
      storage.write({ 'k/3': { n: 2 } }),
      ...Array.from({ length: 20 }, (_, i) => storage.write({ [`k/many-${i}`]: { n: i } })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', ...Array(21).fill('fulfilled')]);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ETagConflictError);
    const after = await storage.read(['k/1', 'k/2', 'k/3', 'k/many-19']);
    expect([after['k/1']?.n, after['k/2']?.n, after['k/3']?.n, after['k/many-19']?.n]).toEqual([2, 1, 2, 19]);
  });

  it('applies two writes of the same key in one moment one after the other', async () => {
    await Promise.all([storage.write({ 'k/same': { n: 1 } }), storage.write({ 'k/same': { n: 2 } })]);
    expect((await storage.read(['k/same']))['k/same']?.n).toBe(2);
  });

  it('gives each of two readers of the same key its own copy', async () => {
    await storage.write({ 'k/copy': { list: [1] } });
    const [a, b] = await Promise.all([storage.read(['k/copy']), storage.read(['k/copy'])]);
    (a['k/copy']?.list as number[]).push(2);
    expect(b['k/copy']?.list).toEqual([1]);
  });

  it('deletes items', async () => {
    await storage.write({ 'test/users/c': { x: 1 } });
    await storage.delete(['test/users/c']);
    expect(await storage.read(['test/users/c'])).toEqual({});
  });
});
