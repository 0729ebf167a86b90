import { useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../../lib/api.js';

export type CitizenMe = {
  citizen: { id: number; fullName: string; phone: string };
  csrfToken: string;
  dossiers: {
    code: string;
    token: string;
    status: string;
    submittedAt: string;
    procedureName: string;
    procedureNameFallback: boolean;
  }[];
};

/** Kept per language: the list names each procedure in the language showing (a switch to 日本語 asks again). */
export const citizenKey = (lang = i18next.language) => ['citizen', lang];

/** The signed-in citizen, or null. Keeps the CSRF token for their requests. */
export function useCitizen() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: citizenKey(i18n.language),
    // The account in the other language stays on screen while the new answer comes.
    placeholderData: (previous) => previous,
    queryFn: async () => {
      const { me } = await api<{ me: CitizenMe | null }>('/api/public/citizens/me');
      if (me) setCsrfToken(me.csrfToken);
      return me;
    },
    staleTime: 60_000,
  });
}
