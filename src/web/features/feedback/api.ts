import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AnswerState,
  FeedbackSettings,
  TicketChannel,
  TicketRating,
  TicketSeverity,
  TicketStatus,
} from '../../../shared/feedback.js';
import { api } from '../../lib/api.js';
import { queryString } from '../residents/api.js';

/** One line of the staff queue (f-contract: TicketSummary). */
export type TicketSummary = {
  id: number;
  code: string;
  title: string;
  status: TicketStatus;
  severity: TicketSeverity;
  channel: TicketChannel;
  categoryId: number;
  categoryName: string;
  unitId: number;
  unitName: string;
  assigneeId: number | null;
  assigneeName: string | null;
  receivedAt: string;
  dueAt: string | null;
  overdue: boolean;
  dueSoon: boolean;
  answerState: AnswerState | null;
  rating: TicketRating | null;
  mergedIntoId: number | null;
  version: number;
};

export type TicketEvent = {
  id: number;
  at: string;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorName: string | null;
  actorKind: string | null;
  body: string | null;
  public: boolean;
  fromUnitName: string | null;
  toUnitName: string | null;
};

export type TicketFile = { id: number; fileName: string; mimeType: string; size: number; public: boolean };
export type AnswerLink = { label: string; href: string };

/** One ticket as an officer sees it, with what this caller may do now (`actions`). */
export type TicketDetail = TicketSummary & {
  body: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  locationUnitId: number | null;
  locationUnitName: string | null;
  publishable: boolean;
  senderName: string | null;
  senderPhone: string | null;
  senderEmail: string | null;
  language: string;
  acceptDueAt: string | null;
  acceptedAt: string | null;
  extendedDueAt: string | null;
  extensionRequestedUntil: string | null;
  extensionReason: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  onTime: boolean | null;
  rejectReason: string | null;
  answer: string | null;
  answerLinks: AnswerLink[] | null;
  answeredBy: string | null;
  publishedAt: string | null;
  publicTitle: string | null;
  publicBody: string | null;
  publicAnswer: string | null;
  ratingComment: string | null;
  ratedAt: string | null;
  reopenCount: number;
  abuseAt: string | null;
  lookupUrl: string | null;
  files: TicketFile[];
  events: TicketEvent[];
  merged: { id: number; code: string }[];
  actions: string[];
};

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

export type Category = {
  id: number;
  communeId: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
  nameJa: string | null;
  nameZh: string | null;
  routeUnitId: number | null;
  routeRole: string | null;
  routeUserId: number | null;
  defaultSeverity: TicketSeverity;
  active: boolean;
  sortOrder: number;
};

export const useCategories = (communeId: number | undefined) =>
  useQuery({
    queryKey: ['feedback-categories', communeId ?? 'all'],
    queryFn: () =>
      api<{ items: Category[] } | Category[]>(
        `/api/feedback/categories${communeId ? `?communeId=${communeId}` : ''}`,
      ).then((r) => (Array.isArray(r) ? r : r.items)),
  });

export type Template = { id: number; communeId: number; title: string; body: string; categoryId: number | null };

export const useTemplates = (communeId: number | undefined) =>
  useQuery({
    queryKey: ['feedback-templates', communeId ?? 'all'],
    queryFn: () =>
      api<{ items: Template[] } | Template[]>(
        `/api/feedback/templates${communeId ? `?communeId=${communeId}` : ''}`,
      ).then((r) => (Array.isArray(r) ? r : r.items)),
  });

export type SettingsWithVersion = FeedbackSettings & { version: number };

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
 * queues are asked again.
 */
export function useTicketChange(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ method = 'POST', path, body }: { method?: string; path: string; body?: unknown }) =>
      api<TicketDetail>(`/api/feedback/tickets/${id}${path}`, { method, body }),
    onSuccess: async (data) => {
      if (data && typeof data === 'object' && 'id' in data) client.setQueryData(['feedback-ticket', id], data);
      else await client.invalidateQueries({ queryKey: ['feedback-ticket', id] });
      await client.invalidateQueries({ queryKey: ['feedback-tickets'] });
    },
  });
}
