import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DossierDetail,
  DossierSummary,
  PublicDossier,
} from '../../../server/modules/dossiers/dossiers.schemas.js';
import { api } from '../../lib/api.js';
import { queryString } from '../residents/api.js';

export type { DossierDetail, DossierSummary, PublicDossier };
export type Upload = { id: number; key: string; fileName: string; mime: string; size: number };
export type SubmitResult = {
  id: number;
  code: string;
  token: string;
  statusUrl: string;
  receiptUrl: string;
  bundle: { code: string; token: string; procedureCode: string }[];
};
export type QueueFilter = { queue: string; q?: string; procedure?: string; page: number };

export const useCommunes = () =>
  useQuery({
    queryKey: ['communes'],
    queryFn: () => api<{ items: { code: string; name: string }[] }>('/api/public/communes'),
    staleTime: 30 * 60_000,
  });

/** One file, sent on its own as soon as it is picked: a dropped 3G line retries one file, not the whole form. */
export function uploadFile(file: File): Promise<Upload> {
  const form = new FormData();
  form.append('file', file);
  return api<Upload>('/api/public/uploads', { method: 'POST', form });
}

export const usePublicDossier = (token: string) =>
  useQuery({
    queryKey: ['public-dossier', token],
    queryFn: () => api<PublicDossier>(`/api/public/dossiers/${token}`),
  });

export function useApplicantAction(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      action: 'WITHDRAW' | 'SUPPLEMENT';
      reason?: string;
      uploads?: { id: number; key: string }[];
    }) => api<PublicDossier>(`/api/public/dossiers/${token}/actions`, { method: 'POST', body }),
    onSuccess: (data) => client.setQueryData(['public-dossier', token], data),
  });
}

export function useRate(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { rating: string; comment?: string }) =>
      api<PublicDossier>(`/api/public/dossiers/${token}/rating`, { method: 'POST', body }),
    onSuccess: (data) => client.setQueryData(['public-dossier', token], data),
  });
}

export const useDossiers = (filter: QueueFilter) =>
  useQuery({
    queryKey: ['dossiers', filter],
    queryFn: () =>
      api<{ items: DossierSummary[]; page: number; hasMore: boolean }>(
        `/api/dossiers?${queryString({ ...filter, limit: 25 })}`,
      ),
    placeholderData: keepPreviousData,
  });

export const useDossier = (id: number) =>
  useQuery({ queryKey: ['dossier', id], queryFn: () => api<DossierDetail>(`/api/dossiers/${id}`) });

export const useOfficers = (unitId: number | undefined) =>
  useQuery({
    queryKey: ['officers', unitId],
    queryFn: () =>
      api<{ items: { id: number; fullName: string; username: string }[] }>(`/api/dossiers/officers?unit=${unitId}`),
    enabled: unitId !== undefined,
  });

export function useDossierAction(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      action: string;
      version: number;
      reason?: string;
      assigneeId?: number;
      newDueDate?: string;
    }) => api<DossierDetail>(`/api/dossiers/${id}/actions`, { method: 'POST', body }),
    onSuccess: async (data) => {
      client.setQueryData(['dossier', id], data);
      await client.invalidateQueries({ queryKey: ['dossiers'] });
    },
  });
}
