import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Procedure } from '../../../server/modules/procedures/procedures.schemas.js';
import { api } from '../../lib/api.js';
import { queryString } from '../residents/api.js';

export type { Procedure };

export const useProcedures = (filter: { q?: string; field?: string }) =>
  useQuery({
    queryKey: ['procedures', filter],
    queryFn: () => api<{ items: Procedure[] }>(`/api/public/procedures?${queryString(filter)}`),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });

export const useProcedure = (code: string) =>
  useQuery({
    queryKey: ['procedure', code],
    queryFn: () => api<Procedure>(`/api/public/procedures/${encodeURIComponent(code)}`),
    staleTime: 5 * 60_000,
  });
