import { describe, expect, it } from 'vitest';
import {
  directions,
  entryStatuses,
  indicatorKinds,
  indicatorLevels,
  inventoryKinds,
  inventoryStates,
  measures,
} from '../../shared/scorecards.js';
import { scorecardEntryEn } from './scorecard-entry.en.js';
import { scorecardEntryVi } from './scorecard-entry.vi.js';

describe('the scorecard entry words', () => {
  for (const [lang, words] of [
    ['vi', scorecardEntryVi],
    ['en', scorecardEntryEn],
  ] as const)
    it(`name every status, kind, measure, direction, level and inventory kind and state (${lang})`, () => {
      const named = (group: Record<string, string>, keys: readonly string[], prefix: string) =>
        keys.filter((k) => !group[k]?.trim()).map((k) => `${prefix}.${k}`);
      expect([
        ...named(words.status, [...entryStatuses, 'NONE'], 'status'),
        ...named(words.kind, indicatorKinds, 'kind'),
        ...named(words.measure, measures, 'measure'),
        ...named(words.direction, directions, 'direction'),
        ...named(words.level, indicatorLevels, 'level'),
        ...named(words.inventory.kind, inventoryKinds, 'inventory.kind'),
        ...named(words.inventory.state, inventoryStates, 'inventory.state'),
      ]).toEqual([]);
    });
});
