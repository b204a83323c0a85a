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

  it('deletes items', async () => {
    await storage.write({ 'test/users/c': { x: 1 } });
    await storage.delete(['test/users/c']);
    expect(await storage.read(['test/users/c'])).toEqual({});
  });
});
