import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { api } from '../../../lib/api.js';

/** The citizen's side of feedback (PAKN): the ask form, the status page behind its link, "Hỏi đáp". */

export type FeedbackForm = {
  commune: { id: number; code: string; name: string };
  categories: { id: number; code: string; name: string; vietnameseOnly: boolean }[];
  groups: { id: number; name: string }[];
  signedIn: boolean;
};

export type Submitted = { code: string; token: string; statusUrl: string };

export type PublicTicket = {
  code: string;
  title: string;
  body: string;
  category: string;
  commune: { code: string; name: string };
  status: string;
  receivedAt: string;
  dueAt: string;
  answeredAt: string | null;
  events: { id: number; at: string; kind: string; toStatus: string | null; actorKind: string; body: string | null }[];
  answerState: string | null;
  answer: string | null;
  answerLinks: { label: string; href: string }[];
  rejectReason: string | null;
  rating: 'SATISFIED' | 'UNSATISFIED' | null;
  ratingComment: string | null;
  canRate: boolean;
  canReopen: boolean;
  reopenUntil: string | null;
  canMessage: boolean;
  mergedInto: string | null;
};

export type QaItem = {
  id: number;
  code: string;
  title: string;
  body: string;
  answer: string;
  answerLinks: { label: string; href: string }[];
  category: string;
  unitName: string | null;
  receivedAt: string;
  answeredAt: string | null;
  publishedAt: string;
  files: { id: number; fileName: string; mimeType: string }[];
};

export type QaPage = {
  commune: { code: string; name: string };
  items: QaItem[];
  total: number;
  page: number;
  pageSize: number;
  categories: { id: number; name: string }[];
  groups: { id: number; name: string }[];
};

// The language is part of each key: category names come in the reader's language.
export const useFeedbackForm = (code: string) =>
  useQuery({
    queryKey: ['feedback-form', code, i18next.language],
    queryFn: () => api<FeedbackForm>(`/api/public/communes/${code}/feedback/form`),
  });

export const usePublicTicket = (token: string) =>
  useQuery({
    queryKey: ['public-ticket', token, i18next.language],
    queryFn: () => api<PublicTicket>(`/api/public/feedback/${token}`),
  });

export type QaFilter = { q?: string; categoryId?: string; unitId?: string; page?: number };

export const qaSearch = (f: QaFilter) => {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.categoryId) p.set('categoryId', f.categoryId);
  if (f.unitId) p.set('unitId', f.unitId);
  if (f.page && f.page > 1) p.set('page', String(f.page));
  return p.toString();
};

export const useQa = (code: string, filter: QaFilter) =>
  useQuery({
    queryKey: ['qa', code, qaSearch(filter), i18next.language],
    queryFn: () => api<QaPage>(`/api/public/communes/${code}/qa?${qaSearch(filter)}`),
  });

/** A change from the status page (rate, reopen, write again); the page is read again after it. */
export function useTicketChange<T>(token: string, path: 'rating' | 'reopen' | 'messages') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: T) => api<{ ok: true }>(`/api/public/feedback/${token}/${path}`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['public-ticket', token] }),
  });
}
