import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DossierDetail,
  DossierSummary,
  PublicDossier,
} from '../../../server/modules/dossiers/dossiers.schemas.js';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api.js';
import i18next from '../../lib/i18n.js';
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
export type QueueFilter = {
  queue: string;
  q?: string;
  procedure?: string;
  page: number;
  unit?: string;
  indicator?: string;
  from?: string;
  to?: string;
};

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

/**
 * The status page's dossier, in the language showing: the API answers the procedure's name in it (a switch to 日本語
 * asks again, for the Japanese name the commune entered).
 */
const publicDossierKey = (token: string, lang = i18next.language) => ['public-dossier', token, lang];

export const usePublicDossier = (token: string) => {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: publicDossierKey(token, i18n.language),
    queryFn: () => api<PublicDossier>(`/api/public/dossiers/${token}`),
    // The same dossier in the other language stays on screen while the new answer comes: no blink to "loading".
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === token ? previous : undefined),
  });
};

/**
 * A change by the applicant: the page shows the answer; a refusal for want of proof (it ran out) reloads the page,
 * which then asks for a code again.
 */
function useApplicantChange<T>(token: string, path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: T) => api<PublicDossier>(`/api/public/dossiers/${token}${path}`, { method: 'POST', body }),
    // Answered in the language showing (api() sends it): kept under that language.
    onSuccess: (data) => client.setQueryData(publicDossierKey(token), data),
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 401)
        await client.invalidateQueries({ queryKey: ['public-dossier', token] });
    },
  });
}

export const useApplicantAction = (token: string) =>
  useApplicantChange<{
    action: 'WITHDRAW' | 'SUPPLEMENT';
    reason?: string;
    /** A supplement's files, each tied to its paper (the position in the procedure's list) or to none. */
    uploads?: { id: number; key: string; label?: string; paper?: number }[];
  }>(token, '/actions');

export const useRate = (token: string) => useApplicantChange<{ rating: string; comment?: string }>(token, '/rating');

/** Sends the confirmation code to the applicant's phone on file (the server picks the number, never the page). */
export const useSendProofCode = (token: string) =>
  useMutation({
    mutationFn: () =>
      api<{ sent: true; phoneEnding: string; minutes: number }>(`/api/public/dossiers/${token}/proof-code`, {
        method: 'POST',
      }),
  });

/** Checks the code: the server sets a 30-minute proof for this dossier (httpOnly cookie) and answers the page. */
export const useProve = (token: string) => useApplicantChange<{ code: string }>(token, '/proof');

/** Ends the proof on this device (a shared phone). */
export function useForgetProof(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<undefined>(`/api/public/dossiers/${token}/proof`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['public-dossier', token] }),
  });
}

export const useDossiers = (filter: QueueFilter) =>
  useQuery({
    queryKey: ['dossiers', filter],
    queryFn: () =>
      api<{ items: DossierSummary[]; page: number; hasMore: boolean; total?: number }>(
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
