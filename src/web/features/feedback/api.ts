import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Category as CategorySchema,
  Settings as SettingsSchema,
  Template as TemplateSchema,
  TicketDetail,
  TicketSummary,
} from '../../../server/modules/feedback/feedback.schemas.js';
import { ApiError, api } from '../../lib/api.js';
import { queryString } from '../residents/api.js';

export type { TicketDetail, TicketSummary };
export type TicketEvent = TicketDetail['events'][number];
export type TicketFile = TicketDetail['files'][number];
export type AnswerLink = TicketDetail['answerLinks'][number];
export type Category = z.infer<typeof CategorySchema>;
export type Template = z.infer<typeof TemplateSchema>;
export type SettingsWithVersion = z.infer<typeof SettingsSchema>;

export const feedbackViews = ['open', 'mine', 'due_soon', 'overdue', 'approval', 'finished', 'abuse'] as const;
export type FeedbackView = (typeof feedbackViews)[number];

export type TicketFilter = {
  view: FeedbackView;
  status?: string;
  categoryId?: string;
  unitId?: string;
  severity?: string;
  channel?: string;
  q?: string;
  page: number;
};

export const PAGE_SIZE = 20;

export const useTickets = (filter: TicketFilter) =>
  useQuery({
    queryKey: ['feedback-tickets', filter],
    queryFn: () =>
      api<{ items: TicketSummary[]; total: number }>(
        `/api/feedback/tickets?${queryString({ ...filter, pageSize: PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });

/** Each tab's count: the same filters, one row asked for, only `total` read. */
export const useViewCount = (filter: TicketFilter, view: FeedbackView) =>
  useQuery({
    queryKey: ['feedback-tickets', 'count', { ...filter, page: 1, view }],
    queryFn: () =>
      api<{ items: TicketSummary[]; total: number }>(
        `/api/feedback/tickets?${queryString({ ...filter, view, page: 1, pageSize: 1 })}`,
      ).then((r) => r.total),
  });

export const useTicket = (id: number) =>
  useQuery({
    queryKey: ['feedback-ticket', id],
    queryFn: () => api<TicketDetail>(`/api/feedback/tickets/${id}`),
  });

/** A commune's categories (officers read them too: the queue's filter, the counter's form). */
export const useCategories = (communeId: number | undefined) =>
  useQuery({
    queryKey: ['feedback-categories', communeId],
    queryFn: () => api<Category[]>(`/api/feedback/categories?communeId=${communeId}`),
    enabled: communeId !== undefined,
  });

export const useTemplates = (communeId: number | undefined) =>
  useQuery({
    queryKey: ['feedback-templates', communeId],
    queryFn: () => api<Template[]>(`/api/feedback/templates?communeId=${communeId}`),
    enabled: communeId !== undefined,
  });

export const useFeedbackSettings = (communeId: number | undefined) =>
  useQuery({
    queryKey: ['feedback-settings', communeId],
    queryFn: () => api<SettingsWithVersion>(`/api/feedback/settings/${communeId}`),
    enabled: communeId !== undefined,
  });

export const useAssignees = (id: number, enabled: boolean) =>
  useQuery({
    queryKey: ['feedback-assignees', id],
    queryFn: () =>
      api<
        { id: number; name: string; unitName: string }[] | { items: { id: number; name: string; unitName: string }[] }
      >(`/api/feedback/tickets/${id}/assignees`).then((r) => (Array.isArray(r) ? r : r.items)),
    enabled,
  });

export type Publication = { publicTitle: string; publicBody: string; publicAnswer: string };

export const usePublicationPreview = (id: number, enabled: boolean) =>
  useQuery({
    queryKey: ['feedback-publication', id],
    queryFn: () => api<Publication>(`/api/feedback/tickets/${id}/publication/preview`),
    enabled,
  });

/**
 * One workflow step on a ticket: every mutation answers the whole TicketDetail, which replaces the page's copy; the
 * queues are asked again. A stale version (409) reloads the ticket.
 */
export function useTicketChange(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ method = 'POST', path, body }: { method?: string; path: string; body?: unknown }) =>
      api<TicketDetail>(`/api/feedback/tickets/${id}${path}`, { method, body }),
    onSuccess: async (data) => {
      client.setQueryData(['feedback-ticket', id], data);
      await client.invalidateQueries({ queryKey: ['feedback-tickets'] });
    },
    // Someone else changed it meanwhile (a colleague, the citizen's rating): the page reloads it under the message,
    // so the next try works on what is there now.
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409)
        await client.invalidateQueries({ queryKey: ['feedback-ticket', id] });
    },
  });
}

/** A category's name in the console's language: English where the commune gave one, else the Vietnamese. */
export const categoryLabel = (language: string, vi: string, en: string | null | undefined) =>
  language.startsWith('en') && en ? en : vi;
