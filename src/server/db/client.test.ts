import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../../../test/helpers.js';
import { copyInto } from './client.js';

let t: TestContext;
beforeAll(async () => {
  t = await buildTestApp();
  await t.database.raw('create table copy_probe (a text, b text[], c boolean, d int, e date)');
});
afterAll(() => t.close());

describe('copyInto', () => {
  it('round-trips quotes, commas, newlines, backslashes, empty strings, NULLs and arrays inside a transaction', async () => {
    const tricky = [
      'Nhà "Hạnh Phúc", ngõ 3\nthôn Đông',
      '',
      'a\\b',
      'Nguyễn Văn Đức',
      '\t tab ',
      "'; drop table residents; --",
    ];
    await t.database.db.transaction(async (tx) => {
      await copyInto(
        tx,
        t.database.kind,
        'copy_probe',
        ['a', 'b', 'c', 'd', 'e'],
        [
          ...tricky.map((a, i) => [a, [a, 'x,y', 'q"uote', 'back\\slash'], i % 2 === 0, i, '2026-11-23']),
          [null, [], null, null, null],
        ],
      );
    });
    const rows = await t.database.raw<{
      a: string | null;
      b: string[];
      c: boolean | null;
      d: number | null;
      e: string | null;
    }>('select a, b, c, d, e::text as e from copy_probe order by d nulls last');
    expect(rows.map((r) => r.a)).toEqual([...tricky, null]);
    expect(rows[0]!.b).toEqual([tricky[0], 'x,y', 'q"uote', 'back\\slash']);
    expect(rows[1]!.c).toBe(false);
    expect(rows.at(-1)).toEqual({ a: null, b: [], c: null, d: null, e: null });
  });

  it('rolls back with the transaction', async () => {
    await expect(
      t.database.db.transaction(async (tx) => {
        await copyInto(tx, t.database.kind, 'copy_probe', ['a'], [['rolled back']]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await t.database.raw(`select 1 from copy_probe where a = 'rolled back'`)).toEqual([]);
  });
});
