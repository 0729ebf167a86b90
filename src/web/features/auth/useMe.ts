import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../server/modules/auth/auth.schemas.js';
import { api, setCsrfToken } from '../../lib/api.js';
import { setLanguage, type Lang } from '../../lib/i18n.js';
import { forgetPacks } from '../campaigns/field/store.js';

/** The signed-in user (null when signed out). The CSRF token rides along and is kept for mutations. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      const { me } = await api<{ signedIn: boolean; me: Me | null }>('/api/auth/session');
      if (me) setCsrfToken(me.csrfToken);
      return me;
    },
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) =>
      api<Me>('/api/auth/login', { method: 'POST', body: input }),
    onSuccess: async (me) => {
      setCsrfToken(me.csrfToken);
      if (!localStorage.getItem('lang')) await setLanguage(me.user.locale as Lang);
      client.setQueryData(['me'], me);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (everywhere: boolean) => api('/api/auth/logout', { method: 'POST', body: { everywhere } }),
    onSettled: () => {
      void forgetPacks();
      // Set the session to null in place, then drop everything else. Clearing the whole cache first would detach the
      // mounted useMe observers from the 'me' query, and the sign-in form would wait for some unrelated re-render.
      client.setQueryData(['me'], null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
  });
}

export const can = (me: Me | null | undefined, permission: Me['permissions'][number]) =>
  !!me?.permissions.includes(permission);
