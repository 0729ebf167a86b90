import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHouseholds } from './api.js';

/** Finds a household in the caller's units by address or head's name, for a move or a merge. */
export function HouseholdPicker({
  exclude,
  selected,
  onPick,
}: {
  exclude: number;
  selected: { id: number; address: string } | null;
  onPick: (h: { id: number; address: string; version?: number }) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const { data } = useHouseholds({ q: q || undefined, tags: [], page: 1 });
  const found = q ? (data?.items ?? []).filter((h) => h.id !== exclude && !h.dissolvedOn) : [];
  return (
    <div className="stack">
      <label>
        {t('households.act.findHousehold')}
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              setQ(text.trim());
            }
          }}
        />
      </label>
      <button type="button" onClick={() => setQ(text.trim())}>
        {t('households.act.search')}
      </button>
      {selected && <p className="confirm">{selected.address}</p>}
      <ul className="picker">
        {found.map((h) => (
          <li key={h.id}>
            <label className="inline">
              <input
                type="radio"
                name="household-pick"
                checked={selected?.id === h.id}
                onChange={() => onPick({ id: h.id, address: h.address })}
              />{' '}
              {h.address}{' '}
              <span className="muted">
                · {h.headName ?? t('households.noHead')} · {h.unitName}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
