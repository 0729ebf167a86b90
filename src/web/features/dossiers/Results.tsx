import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { CopyButton } from '../payments/CopyButton.js';

// How the result reaches the citizen (an electronic file to download, a parcel to follow) and the forms an officer
// prints from the dossier page.

/** Forms 02–05 the dossier's history has issued, to print (the server renders them as PDF). */
export function PrintForms({ token, formTypes }: { token: string; formTypes: (string | null)[] }) {
  const { t } = useTranslation();
  const issued = (['02', '03', '04', '05'] as const).filter((n) => formTypes.includes(`MAU_${n}`));
  if (issued.length === 0) return null;
  return (
    <section data-testid="print-forms">
      <h2>{t('dossiers.results.print')}</h2>
      <ul>
        {issued.map((n) => (
          <li key={n}>
            <a href={`/api/public/dossiers/${token}/forms/${n}`} target="_blank" rel="noreferrer">
              {t(`dossiers.track.form.${n}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

type Results = {
  ready: boolean;
  items: { id: number; fileName: string; size: number; url: string; expiresAt: string }[];
};

/**
 * The electronic result for its proven applicant: each file behind a signed link that lasts 10 minutes, fetched
 * again every few minutes so the link on the screen still works when tapped.
 */
export function ResultDownload({ token }: { token: string }) {
  const { t } = useTranslation();
  const results = useQuery({
    queryKey: ['results', token],
    queryFn: () => api<Results>(`/api/public/dossiers/${token}/results`),
    refetchInterval: 5 * 60_000,
  });
  const r = results.data;
  if (!r?.ready) return null;
  return (
    <section className="card" data-testid="results">
      <h2>{t('dossiers.results.title')}</h2>
      <p className="muted">{t('dossiers.results.hint')}</p>
      <ul>
        {r.items.map((f) => (
          <li key={f.id}>
            <a href={f.url} download={f.fileName}>
              {t('dossiers.results.download', { name: f.fileName })}
            </a>{' '}
            <span className="muted">({Math.ceil(f.size / 1024)} KB)</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

type Tracking = { items: { carrier: string; trackingNumber: string; status: string; createdAt: string }[] };

/** The result sent by post: carrier, tracking number (to copy into the post's tracking page) and where it is. */
export function PostalTracking({ token }: { token: string }) {
  const { t } = useTranslation();
  const tracking = useQuery({
    queryKey: ['tracking', token],
    queryFn: () => api<Tracking>(`/api/public/dossiers/${token}/shipments`),
  });
  const items = tracking.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card" data-testid="tracking">
      <h2>{t('dossiers.results.byPost')}</h2>
      <ul>
        {items.map((s) => (
          <li key={s.trackingNumber}>
            {t('dossiers.results.parcel', { carrier: s.carrier })}{' '}
            <strong data-testid="tracking-number">{s.trackingNumber}</strong>{' '}
            <CopyButton text={s.trackingNumber} label={t('counter.tracking').toLocaleLowerCase()} /> —{' '}
            {t(`counter.shipmentStatus.${s.status}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Whether RETURN can go through now, as the server checks it: online, a result file attached; by post, an outgoing
 * shipment recorded. Otherwise the reason, shown beside a disabled button.
 */
export function useReturnReady(dossier: {
  id: number;
  returnMethod: string;
  allowedActions: string[];
  files: { kind: string }[];
}): string | null {
  const { t } = useTranslation();
  const byPost = dossier.returnMethod === 'POST' && dossier.allowedActions.includes('RETURN');
  const shipments = useQuery({
    queryKey: ['shipments', dossier.id],
    queryFn: () => api<{ items: { direction: string }[] }>(`/api/dossiers/${dossier.id}/shipments`),
    enabled: byPost,
  });
  if (!dossier.allowedActions.includes('RETURN')) return null;
  if (dossier.returnMethod === 'ONLINE' && !dossier.files.some((f) => f.kind === 'RESULT'))
    return t('dossiers.results.needFile');
  if (byPost && !shipments.data?.items.some((s) => s.direction === 'OUT')) return t('dossiers.results.needShipment');
  return null;
}
