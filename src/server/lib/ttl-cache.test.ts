import { describe, expect, it } from 'vitest';
import { ttlCache } from './ttl-cache.js';

describe('ttlCache', () => {
  it('forgets entries after their time to live and keeps at most maxEntries, oldest out first', () => {
    const cache = ttlCache<string>({ ttlMs: 1000, maxEntries: 2 });
    cache.set('a', 'A', 0);
    expect(cache.get('a', 999)).toBe('A');
    expect(cache.get('a', 1001)).toBeUndefined();
    cache.set('a', 'A', 0);
    cache.set('b', 'B', 0);
    cache.set('c', 'C', 0);
    expect(cache.size).toBe(2);
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('c', 1)).toBe('C');
    cache.clear();
    expect(cache.get('c', 1)).toBeUndefined();
  });
});
