import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type {
  ResidentDetail,
  ResidentSummary,
  RevealedContact,
} from '../../../server/modules/residents/residents.schemas.js';
import { api } from '../../lib/api.js';

export type ResidentPage = { items: ResidentSummary[]; page: number; limit: number; hasMore: boolean };
export type ResidentFilter = { q?: string; unit?: number; page: number; includeFormer?: boolean };

export const queryString = (params: Record<string, string | number | boolean | undefined>) =>
  new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== '' && v !== false)
      .map(([k, v]) => [k, String(v)]),
  ).toString();

export function useResidents(filter: ResidentFilter) {
  return useQuery({
    queryKey: ['residents', filter],
    queryFn: () => api<ResidentPage>(`/api/residents?${queryString({ ...filter, limit: 25 })}`),
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
