import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../lib/api.js';
import { type Boxes, type PaperBox, PaperBoxes, papersOf } from './PaperBoxes.js';
import { type PublicDossier, useApplicantAction } from './api.js';

/**
 * The papers of a supplement in the submission's boxes, one per paper of the procedure: those the dossier still
 * lacks first (required before optional), then those it holds (a better scan may be asked for), then "other papers".
 */
export function supplementBoxes(papers: NonNullable<PublicDossier['papers']>): PaperBox[] {
  const rank = (p: (typeof papers)[number]) => (p.held ? 2 : p.required ? 0 : 1);
  return [...papers]
    .sort((a, b) => rank(a) - rank(b) || a.paper - b.paper)
    .map((p) => ({ ...p, key: `p${p.paper}`, procedureCode: '', testId: `supplement-paper-${p.paper}` }));
}

/** The officer asked for papers: the proven applicant sends each file in the box of the paper it is. */
export function SupplementForm({ token, dossier }: { token: string; dossier: PublicDossier }) {
  const { t } = useTranslation();
  const action = useApplicantAction(token);
  const [state, setState] = useState<Boxes>({});
  const [error, setError] = useState<string | null>(null);
  const boxes = supplementBoxes(dossier.papers ?? []);
  // The boxes carry no procedure code: every file is this dossier's, so none is sent.
  const { uploads, sending } = papersOf(boxes, state, '');
  const asked = dossier.timeline.findLast((e) => e.action === 'REQUEST_SUPPLEMENT')?.reason;

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (sending) return setError(t('dossiers.track.supplementSending'));
    if (uploads.length === 0) return setError(t('dossiers.track.supplementEmpty'));
    try {
      await action.mutateAsync({ action: 'SUPPLEMENT', uploads });
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <form className="card" onSubmit={send} data-testid="supplement-form">
      <h2>{t('dossiers.track.supplement')}</h2>
      {asked && <p>{t('dossiers.track.supplementAsked', { reason: asked })}</p>}
      <p className="muted">{t('dossiers.track.supplementHint')}</p>
      <PaperBoxes
        boxes={boxes}
        state={state}
        setState={(update) => {
          // A file picked or removed answers the last complaint ("choose a file"); the next send judges afresh.
          setError(null);
          setState(update);
        }}
        counter={false}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button className="primary" type="submit" disabled={action.isPending || sending}>
        {t('dossiers.track.supplement')}
      </button>
    </form>
  );
}
