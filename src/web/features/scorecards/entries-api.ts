import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EntryStatus,
  IndicatorLevel,
  InventoryKind,
  InventoryState,
  Measure,
} from '../../../shared/scorecards.js';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { queryString } from '../residents/api.js';
import { useUnits } from '../units/api.js';

/**
 * The entered values, the ICT inventory and the targets, as the contract of issue 17 shapes them (the server's zod
 * schemas are written in parallel; the types are copied here rather than imported so this screen builds on its own).
 */

export type UnitRef = { id: number; code: string; name: string; tier: IndicatorLevel | string };
export type Evidence = { id: number; fileName: string; mimeType: string; size: number };

export type Entry = {
  id: number;
  indicatorId: number;
  indicatorCode: string;
  indicatorName: { vi: string; en: string };
  measure: Measure;
  unit: UnitRef;
  period: string;
  version: number;
  numerator: number;
  denominator: number | null;
  value: number | null;
  note: string;
  status: EntryStatus;
  returnReason: string | null;
  createdBy: { id: number; name: string } | null;
  createdAt: string;
  submittedAt: string | null;
  decidedBy: { id: number; name: string } | null;
  decidedAt: string | null;
  correctsId: number | null;
  rowVersion: number;
  evidence: Evidence[];
};
export type EntryDetail = Entry & { history: Entry[]; audit: { at: string; action: string; actor: string | null }[] };

/** Versions still being worked on: a new one cannot be started beside them (the server answers 409 ENTRY_OPEN). */
export const openStatuses: EntryStatus[] = ['DRAFT', 'SUBMITTED', 'RETURNED'];
/** Versions the unit may still change. */
export const editableStatuses: EntryStatus[] = ['DRAFT', 'RETURNED'];

export const evidenceUrl = (id: number) => `/api/scorecards/evidence/${id}`;

export type EntryFilter = { unit?: number; period?: string; status?: EntryStatus; indicator?: number };

export const useEntries = (filter: EntryFilter, enabled = true) =>
  useQuery({
    queryKey: ['scorecard-entries', filter],
    queryFn: () => api<{ items: Entry[] }>(`/api/scorecards/entries?${queryString(filter)}`).then((r) => r.items),
    enabled: enabled && filter.unit !== undefined,
  });

/** The entries of several periods at once (a month's form shows the month's, its quarter's and its year's). */
export function useEntriesOf(unit: number | undefined, periods: string[]) {
  const results = useQueries({
    queries: periods.map((period) => ({
      queryKey: ['scorecard-entries', { unit, period }],
      queryFn: () =>
        api<{ items: Entry[] }>(`/api/scorecards/entries?${queryString({ unit, period })}`).then((r) => r.items),
      enabled: unit !== undefined,
    })),
  });
  return {
    items: results.flatMap((r) => r.data ?? []),
    isLoading: results.some((r) => r.isLoading),
    error: results.find((r) => r.error)?.error ?? null,
  };
}

export const useEntryDetail = (id: number, enabled: boolean) =>
  useQuery({
    queryKey: ['scorecard-entry', id],
    queryFn: () => api<EntryDetail>(`/api/scorecards/entries/${id}`),
    enabled,
  });

/** After any change to entries: every list and detail asked again (a value moves between the form and the queue). */
export function useEntriesChanged() {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: ['scorecard-entries'] });
    await client.invalidateQueries({ queryKey: ['scorecard-entry'] });
  };
}

export const uploadEvidence = (entryId: number, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api<Evidence>(`/api/scorecards/entries/${entryId}/evidence`, { method: 'POST', form });
};

// --- inventory -------------------------------------------------------------------------------------------------

export type InventoryItem = {
  id: number;
  unit: UnitRef;
  kind: InventoryKind;
  label: string;
  count: number;
  year: number | null;
  state: InventoryState;
  note: string;
  version: number;
  updatedAt: string;
};
export type InventoryList = {
  items: InventoryItem[];
  totals: Partial<Record<InventoryKind, { count: number; working: number }>>;
};

export const useInventory = (unit: number | undefined) =>
  useQuery({
    queryKey: ['inventory', unit],
    queryFn: () => api<InventoryList>(`/api/inventory?unit=${unit}`),
    enabled: unit !== undefined,
  });

export type Suggestion = {
  indicatorId: number;
  indicatorCode: string;
  numerator: number;
  denominator: number | null;
  basis: string;
};

/** What the inventory says for the entered indicators it feeds, per period asked. */
export function useSuggestions(unit: number | undefined, periods: string[]) {
  const results = useQueries({
    queries: periods.map((period) => ({
      queryKey: ['inventory-suggestions', unit, period],
      queryFn: () =>
        api<{ items: Suggestion[] }>(`/api/inventory/suggestions?${queryString({ unit, period })}`).then((r) =>
          r.items.map((s) => ({ ...s, period })),
        ),
      enabled: unit !== undefined,
      // A unit without inventory, or a server without the route yet: the form simply starts empty.
      retry: false,
    })),
  });
  return results.flatMap((r) => r.data ?? []);
}

// --- targets ---------------------------------------------------------------------------------------------------

export type TargetRow = {
  indicatorId: number;
  own: { id: number; target: number; period: string } | null;
  inherited: { target: number; period: string; setBy: UnitRef } | null;
  effective: number | null;
};

export const useTargets = (unit: number | undefined, period: string) =>
  useQuery({
    queryKey: ['scorecard-targets', unit, period],
    queryFn: () =>
      api<{ items: TargetRow[] }>(`/api/scorecards/targets?${queryString({ unit, period })}`).then((r) => r.items),
    enabled: unit !== undefined,
  });

// --- the units one works in -------------------------------------------------------------------------------------

/**
 * The units a person's roles sit on and one level below (a province's communes, a commune's groups), with their tier:
 * the pickers of these screens.
 */
export function useWorkUnits() {
  const roots = useUnits();
  const parents = (roots.data ?? []).filter((u) => u.tier === 'PROVINCE' || u.tier === 'COMMUNE');
  const children = useQueries({
    queries: parents.map((u) => ({
      queryKey: ['units', u.id],
      queryFn: () => api<{ items: UnitRef[] }>(`/api/units?parent=${u.id}`).then((r) => r.items),
    })),
  });
  const seen = new Set<number>();
  const units: UnitRef[] = [];
  for (const u of [...(roots.data ?? []), ...children.flatMap((c) => c.data ?? [])]) {
    if (seen.has(u.id) || ('closedAt' in u && u.closedAt)) continue;
    seen.add(u.id);
    units.push({ id: u.id, code: u.code, name: u.name, tier: u.tier });
  }
  return { units, isLoading: roots.isLoading, error: roots.error };
}

/** A period's name as people say it: "Tháng 11/2026", "Quý IV/2026", "Năm 2026". */
export function usePeriodLabel() {
  const { t } = useTranslation();
  return (period: string) => {
    const [year, rest] = period.split('-');
    if (!rest) return t('scorecardEntry.period.year', { year });
    if (rest.startsWith('Q'))
      return t('scorecardEntry.period.quarter', {
        year,
        q: rest[1],
        quarter: ['I', 'II', 'III', 'IV'][Number(rest[1]) - 1],
      });
    return t('scorecardEntry.period.month', { year, month: rest });
  };
}
