import { useTranslation } from 'react-i18next';
import { messageOf } from '../../lib/api.js';
import type { Procedure } from '../procedures/api.js';
import { uploadFile, type Upload } from './api.js';

type Attached = { id: number; name: string; state: 'sending' | 'sent' | 'failed'; upload?: Upload; error?: string };
/** One box per paper: the files picked for it and, at the counter, whether it was handed over on paper. */
export type BoxState = { files: Attached[]; onPaper: boolean };
export type Boxes = Record<string, BoxState>;

/**
 * A paper the submission asks for: the first procedure of the bundle that asks for it (its code and position), and
 * whether any asks for it as required. Two procedures asking for a paper of the same name share one box: the server
 * gives each dossier its copy.
 */
export type PaperBox = {
  key: string;
  procedureCode: string;
  paper: number;
  nameVi: string;
  nameEn: string;
  copyType: string;
  count: number;
  required: boolean;
  /** On a supplement: whether the dossier already holds this paper (a file or received on paper). */
  held?: boolean;
  /** The box's test id, when its position in the list is not the one to go by (a supplement sorts the missing first). */
  testId?: string;
};

const EXTRA = '__extra';
const keyOf = (nameVi: string) => nameVi.toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

export function paperBoxes(procedures: Procedure[]): PaperBox[] {
  const boxes = new Map<string, PaperBox>();
  for (const p of procedures)
    p.documents.forEach((d, paper) => {
      const key = keyOf(d.nameVi);
      const seen = boxes.get(key);
      if (seen) seen.required ||= d.required;
      else boxes.set(key, { key, procedureCode: p.code, paper, ...d });
    });
  return [...boxes.values()];
}

/** What the submission sends: each file tied to its paper, and the papers handed over on paper (counter only). */
export function papersOf(boxes: PaperBox[], state: Boxes, mainCode: string) {
  const owner = (b: PaperBox) => (b.procedureCode === mainCode ? {} : { procedureCode: b.procedureCode });
  const sent = (key: string) => (state[key]?.files ?? []).filter((f) => f.upload);
  const ref = (f: Attached) => ({ id: f.upload!.id, key: f.upload!.key, label: f.name.slice(0, 300) });
  return {
    uploads: [
      ...boxes.flatMap((b) => sent(b.key).map((f) => ({ ...ref(f), paper: b.paper, ...owner(b) }))),
      ...sent(EXTRA).map(ref),
    ],
    papersOnPaper: boxes.filter((b) => state[b.key]?.onPaper).map((b) => ({ paper: b.paper, ...owner(b) })),
    missing: boxes.filter((b) => b.required && sent(b.key).length === 0 && !state[b.key]?.onPaper),
    sending: Object.values(state).some((s) => s.files.some((f) => f.state === 'sending')),
  };
}

let lastFileId = 0;

/**
 * The papers of a submission, one box per paper the procedure (and its bundle) asks for, plus one for anything else.
 * Each file is uploaded as soon as it is picked (a slow line retries one file, not the form). At the counter a box
 * can instead be ticked "handed over on paper".
 */
export function PaperBoxes({
  boxes,
  state,
  setState,
  counter,
}: {
  boxes: PaperBox[];
  state: Boxes;
  setState: (update: (prev: Boxes) => Boxes) => void;
  counter: boolean;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const change = (key: string, f: (box: BoxState) => BoxState) =>
    setState((prev) => ({ ...prev, [key]: f(prev[key] ?? { files: [], onPaper: false }) }));
  const setFile = (key: string, id: number, patch: Partial<Attached>) =>
    change(key, (b) => ({ ...b, files: b.files.map((f) => (f.id === id ? { ...f, ...patch } : f)) }));

  async function attach(key: string, list: FileList | null) {
    for (const file of Array.from(list ?? [])) {
      // Each file its own id: two papers may share a name (scan.pdf), and the list keys and updates by it.
      const id = ++lastFileId;
      change(key, (b) => ({ ...b, files: [...b.files, { id, name: file.name, state: 'sending' }] }));
      try {
        setFile(key, id, { state: 'sent', upload: await uploadFile(file) });
      } catch (e) {
        setFile(key, id, { state: 'failed', error: messageOf(e) });
      }
    }
  }

  const box = (key: string, title: string, hint: string | null, testId: string) => {
    const s = state[key] ?? { files: [], onPaper: false };
    return (
      <li key={key} className="paper-box" data-testid={testId}>
        <strong>{title}</strong>
        {hint && <span className="muted"> — {hint}</span>}
        <div className="actions">
          {/* The browser's own file button speaks the browser's language ("Choose Files"): a label in the page's
              language stands in for it, and the input inside keeps the keyboard and the paper's name. */}
          <label className={`file-pick${s.onPaper ? ' disabled' : ''}`}>
            <input
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              multiple
              aria-label={title}
              disabled={s.onPaper}
              onChange={(e) => {
                void attach(key, e.target.files);
                e.target.value = '';
              }}
              data-testid={`${testId}-file`}
            />
            <span aria-hidden="true">{t('dossiers.submit.chooseFile')}</span>
          </label>
          {counter && key !== EXTRA && (
            <label className="inline">
              <input
                type="checkbox"
                checked={s.onPaper}
                onChange={(e) => change(key, (b) => ({ ...b, onPaper: e.target.checked }))}
                data-testid={`${testId}-on-paper`}
              />
              {t('dossiers.papers.onPaper')}
            </label>
          )}
        </div>
        {s.files.length > 0 && (
          <ul className="files">
            {s.files.map((f) => (
              <li
                key={f.id}
                className={f.state === 'failed' ? 'error' : undefined}
                role={f.state === 'failed' ? 'alert' : undefined}
              >
                {f.name} —{' '}
                {f.state === 'sending'
                  ? t('dossiers.submit.uploading')
                  : f.state === 'sent'
                    ? t('dossiers.submit.uploaded')
                    : f.error}
                {f.state !== 'sending' && (
                  <button
                    type="button"
                    onClick={() => change(key, (b) => ({ ...b, files: b.files.filter((g) => g.id !== f.id) }))}
                  >
                    {t('dossiers.submit.remove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </li>
    );
  };

  return (
    <fieldset>
      <legend>{t('dossiers.submit.papers')}</legend>
      <p className="muted">{t('dossiers.submit.papersHint')}</p>
      <ul className="paper-boxes">
        {boxes.map((b, i) =>
          box(
            b.key,
            en ? b.nameEn : b.nameVi,
            [
              t(`dossiers.papers.copyType.${b.copyType}`, { count: b.count }),
              b.required ? t('dossiers.papers.required') : t('dossiers.papers.optional'),
              ...(b.held === undefined ? [] : [b.held ? t('dossiers.papers.held') : t('dossiers.papers.notHeld')]),
            ].join(' · '),
            b.testId ?? `paper-${i}`,
          ),
        )}
        {box(EXTRA, t('dossiers.papers.extra'), null, 'paper-extra')}
      </ul>
    </fieldset>
  );
}
