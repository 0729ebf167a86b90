import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { HouseholdSummary } from '../../../server/modules/households/households.schemas.js';
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
