import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The one search box: name without accents, ID number, phone or address. */
export function SearchBox({ initial = '', onSearch }: { initial?: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(initial);
  useEffect(() => setQ(initial), [initial]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(q.trim());
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is unknown to the older Android browsers; the role says it
    <form role="search" className="search" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="q">
        {t('search.label')}
      </label>
      <input
        id="q"
        name="q"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('search.placeholder')}
        autoComplete="off"
        enterKeyHint="search"
      />
      <button type="submit" className="primary">
        {t('common.search')}
      </button>
    </form>
  );
}
