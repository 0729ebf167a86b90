import { foldText } from '../../../../shared/text.js';

type Listed = { householdId: number; address: string; unitName: string; people: { fullName: string | null }[] };

/** House numbers in numeric order ("Số 17" before "Số 103"), Vietnamese letters in their places. */
const houseOrder = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/**
 * The field list as a member walks it: households that match the search (a name or the address, accents and case
 * ignored), grouped by alley in the pack's order (the unit tree's), each alley in house-number order. Sorted here,
 * not on the server, because the list is read offline from the device's store.
 */
export function byAlley<H extends Listed>(households: H[], search: string): { unitName: string; households: H[] }[] {
  const words = foldText(search).split(' ').filter(Boolean);
  const matches = (h: H) => {
    const text = foldText([h.address, ...h.people.map((p) => p.fullName ?? '')].join(' '));
    return words.every((w) => text.includes(w));
  };
  const groups = new Map<string, H[]>();
  for (const h of households) {
    if (!matches(h)) continue;
    const list = groups.get(h.unitName) ?? [];
    list.push(h);
    groups.set(h.unitName, list);
  }
  return [...groups].map(([unitName, list]) => ({
    unitName,
    households: list.sort((a, b) => houseOrder.compare(a.address, b.address) || a.householdId - b.householdId),
  }));
}
