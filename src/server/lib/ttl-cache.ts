/**
 * A small in-process cache with a time-to-live and a size bound (oldest entries go first). For public pages read far
 * more often than they change: each API process keeps its own, so a change made through another process shows after
 * at most the TTL.
 */
export function ttlCache<V>(options: { ttlMs: number; maxEntries: number }) {
  const entries = new Map<string, { at: number; value: V }>();
  return {
    get(key: string, now = Date.now()): V | undefined {
      const hit = entries.get(key);
      if (!hit) return undefined;
      if (now - hit.at > options.ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return hit.value;
    },
    set(key: string, value: V, now = Date.now()): void {
      entries.delete(key);
      entries.set(key, { at: now, value });
      if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}
