import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  HouseholdSummary,
  RegistryChange as RegistryChangeSchema,
} from '../../../server/modules/households/households.schemas.js';
import { api } from '../../lib/api.js';
import { filterParams, type RegistryFilter } from '../residents/api.js';

type Member = {
  membershipId: number;
  residentId: number;
  fullName: string;
  birthDate: string;
  gender: 'MALE' | 'FEMALE';
  vneidLevel: 'NONE' | 'L1' | 'L2';
  relation: string;
  residenceType: string;
  joinedOn: string | null;
  leftOn: string | null;
  leftReason: string | null;
  cameFrom: string | null;
  wentTo: string | null;
  /** The household in the registry they went to (split off, merged, moved), when it is in your units. */
  wentToHousehold: { id: number; address: string } | null;
};
export type HouseholdDetail = HouseholdSummary & { establishedOn: string | null; version: number; members: Member[] };
export type HouseholdFilter = RegistryFilter & { page: number };

export function useHouseholds(filter: HouseholdFilter) {
  return useQuery({
    queryKey: ['households', filter],
    queryFn: () =>
      api<{ items: HouseholdSummary[]; page: number; hasMore: boolean }>(
        `/api/households?${filterParams({ ...filter, limit: 25 })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export const useHousehold = (id: number) =>
  useQuery({ queryKey: ['household', id], queryFn: () => api<HouseholdDetail>(`/api/households/${id}`) });

export type RegistryChange = RegistryChangeSchema;

/** The changes made by hand to a household or a person, newest first, each saying whether it can be undone. */
export const useHistory = (about: { household: number } | { resident: number }) =>
  useQuery({
    queryKey: ['history', about],
    queryFn: () =>
      api<{ items: RegistryChange[] }>(
        'household' in about
          ? `/api/households/${about.household}/history`
          : `/api/residents/${about.resident}/history`,
      ).then((r) => r.items),
  });

/**
 * A registry change (POST): on success every screen showing households, people or histories reloads, since one
 * action may touch several households (a move, a split, a merge).
 */
export function useRegistryAction<T>(path: () => string, onDone?: (result: T) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api<T>(path(), { method: 'POST', body }),
    onSuccess: (result) => {
      for (const key of ['household', 'households', 'resident', 'residents', 'history'])
        void client.invalidateQueries({ queryKey: [key] });
      onDone?.(result);
    },
  });
}
