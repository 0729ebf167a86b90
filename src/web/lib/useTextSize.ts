import { useEffect, useState } from 'react';

const KEY = 'textSize';
const CLASS = 'text-large';

/**
 * The larger-text setting: remembered on the device (localStorage) and applied as a class on <html>, so every size
 * given in rem grows with it. Read in an effect, never during render, so a page rendered on the server matches.
 */
export function useTextSize() {
  const [large, setLarge] = useState(false);
  useEffect(() => {
    try {
      setLarge(localStorage.getItem(KEY) === 'large');
    } catch {
      // Storage refused (a private window): the setting lasts until the page is left.
    }
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle(CLASS, large);
  }, [large]);
  const toggle = () =>
    setLarge((was) => {
      try {
        if (was) localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, 'large');
      } catch {
        // As above: applied for now, not remembered.
      }
      return !was;
    });
  return { large, toggle };
}
