import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type {
  ResidentDetail,
  ResidentSummary,
  RevealedContact,
} from '../../../server/modules/residents/residents.schemas.js';
import { api } from '../../lib/api.js';

export type ResidentPage = { items: ResidentSummary[]; page: number; limit: number; hasMore: boolean };

/**
 * What a registry list is narrowed to, as the URL carries it (the server's RegistryFilter): the resident and the
 * household list, and their exports, read the same fields.
 */
export type RegistryFilter = {
  q?: string;
  unit?: number;
  ageFrom?: number;
  ageTo?: number;
  gender?: string;
  vneidLevel?: string;
  smartphone?: string;
  tags: string[];
  kind?: string;
  movedInSince?: string;
};
export type ResidentFilter = RegistryFilter & { page: number; includeFormer?: boolean };

const numberOf = (v: string | null) => (v !== null && /^\d{1,3}$/.test(v) ? Number(v) : undefined);

/** The filter a URL's query holds (an age that is not a number is left out; anything else the server judges). */
export function filterFromParams(p: URLSearchParams): RegistryFilter {
  const text = (k: string) => p.get(k) || undefined;
  return {
    q: text('q'),
    unit: numberOf(p.get('unit')),
    ageFrom: numberOf(p.get('ageFrom')),
    ageTo: numberOf(p.get('ageTo')),
    gender: text('gender'),
    vneidLevel: text('vneidLevel'),
    smartphone: text('smartphone'),
    tags: p.getAll('tag').filter(Boolean),
    kind: text('kind'),
    movedInSince: text('movedInSince'),
  };
}

/** The filter as query parameters, in the server's names (tags repeated); empty fields left out. */
export function filterParams(f: RegistryFilter & Record<string, unknown>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (k === 'tags') for (const tag of f.tags) p.append('tag', tag);
    else if (v !== undefined && v !== '' && v !== false) p.set(k, String(v));
  }
  return p;
}

/** The query keys a filter owns, so a page can replace them all at once. */
export const filterKeys = [
  'q',
  'unit',
  'ageFrom',
  'ageTo',
  'gender',
  'vneidLevel',
  'smartphone',
  'tag',
  'kind',
  'movedInSince',
];

/** How many filters (besides the search box) are set: shown on the folded panel. */
export const countFilters = (f: RegistryFilter) =>
  [f.unit, f.ageFrom ?? f.ageTo, f.gender, f.vneidLevel, f.smartphone, f.tags[0], f.kind, f.movedInSince].filter(
    (v) => v !== undefined,
  ).length;

export const queryString = (params: Record<string, string | number | boolean | undefined>) =>
  new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== '' && v !== false)
      .map(([k, v]) => [k, String(v)]),
  ).toString();

export function useResidents(filter: ResidentFilter) {
  return useQuery({
    queryKey: ['residents', filter],
    queryFn: () => api<ResidentPage>(`/api/residents?${filterParams({ ...filter, limit: 25 })}`),
    placeholderData: keepPreviousData,
  });
}

export function useResident(id: number) {
  return useQuery({ queryKey: ['resident', id], queryFn: () => api<ResidentDetail>(`/api/residents/${id}`) });
}

export type Revealed = RevealedContact;

/** Asks for a person's full ID number and phone; the server records each time in the audit log. */
export function useReveal(id: number) {
  return useMutation({ mutationFn: () => api<Revealed>(`/api/residents/${id}/reveal`, { method: 'POST' }) });
}
