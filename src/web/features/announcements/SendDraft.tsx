import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { ReachSplit, type ReachPreview } from './ReachSplit.js';

type Size = { households: number; people: number; reach: ReachPreview };
type Draft = { id: number; title: string; scheduledAt: string | null };

/**
 * "Gửi" on a saved draft: first the audience it would go to now and how (the same split the form shows, with the
 * warnings for channels not set up), then a second tap to send. One tap must not reach a whole commune by mistake.
 */
export function SendDraft({ draft, run }: { draft: Draft; run: (work: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [size, setSize] = useState<Size | null>(null);
  if (!size)
    return (
      <button
        type="button"
        className="primary"
        onClick={() => void run(async () => setSize(await api<Size>(`/api/announcements/${draft.id}/audience`)))}
      >
        {t('announcements.send')}
      </button>
    );
  return (
    <div className="confirm" data-testid="send-confirm">
      <strong>{t('announcements.size', { households: size.households, people: size.people })}</strong>
      <ReachSplit reach={size.reach} />
      <p className="actions">
        <button
          type="button"
          className="primary"
          onClick={() =>
            void run(async () => {
              const r = await api<{ status: string; households: number }>(`/api/announcements/${draft.id}/send`, {
                method: 'POST',
              });
              setSize(null);
              await client.invalidateQueries({ queryKey: ['announcements'] });
              return r.status === 'SCHEDULED'
                ? t('announcements.extra.scheduled', { at: formatDateTime(draft.scheduledAt!) })
                : t('announcements.sent', { count: r.households });
            })
          }
        >
          {t('announcements.sendConfirm', { count: size.households })}
        </button>
        <button type="button" onClick={() => setSize(null)}>
          {t('common.cancel')}
        </button>
      </p>
    </div>
  );
}
