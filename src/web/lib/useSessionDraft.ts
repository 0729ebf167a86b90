import { useEffect, useRef, useState } from 'react';

/**
 * A form's typed values kept in sessionStorage under `key`, so a reload or a failed submit does not lose them. Only
 * text goes in (never files); sessionStorage ends with the tab, so an ID number typed here is not kept past the
 * session. Read in an effect, after the first render, so the page renders the same on the server and in the browser.
 */
export function useSessionDraft<T extends Record<string, string>>(key: string | null, empty: T) {
  const [values, setValues] = useState<T>(empty);
  const loaded = useRef(false);
  useEffect(() => {
    if (!key) return;
    try {
      const saved = sessionStorage.getItem(key);
      if (saved) setValues((v) => ({ ...v, ...(JSON.parse(saved) as T) }));
    } catch {
      // A private window may refuse storage, or the draft is from an older form: start empty.
    }
    loaded.current = true;
  }, [key]);
  useEffect(() => {
    if (!key || !loaded.current) return;
    try {
      // Nothing typed (or the form was sent): nothing kept.
      if (Object.values(values).some(Boolean)) sessionStorage.setItem(key, JSON.stringify(values));
      else sessionStorage.removeItem(key);
    } catch {
      // Storage full or refused: the form still works, it just forgets on reload.
    }
  }, [key, values]);
  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const clear = () => {
    if (key) sessionStorage.removeItem(key);
    setValues(empty);
  };
  return { values, set, clear };
}
