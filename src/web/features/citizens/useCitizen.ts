import { useQuery } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../lib/api.js';

export type CitizenMe = {
  citizen: { id: number; fullName: string; phone: string };
  csrfToken: string;
  dossiers: { code: string; token: string; status: string; submittedAt: string; procedureName: string }[];
};

/** The signed-in citizen, or null. Keeps the CSRF token for their requests. */
export function useCitizen() {
  return useQuery({
    queryKey: ['citizen'],
    queryFn: async () => {
      const { me } = await api<{ me: CitizenMe | null }>('/api/public/citizens/me');
      if (me) setCsrfToken(me.csrfToken);
      return me;
    },
    staleTime: 60_000,
  });
}
