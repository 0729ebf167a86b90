import { useCallback, useEffect, useState } from 'react';
import { fieldEvents } from './store.js';

/** Re-reads the device's store whenever it changes (a visit saved, a download, a sync settled). */
export function useField<T>(read: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps say when `read` reads something else
  const load = useCallback(() => void read().then(setValue), deps);
  useEffect(() => {
    load();
    fieldEvents.addEventListener('change', load);
    return () => fieldEvents.removeEventListener('change', load);
  }, [load]);
  return value;
}
