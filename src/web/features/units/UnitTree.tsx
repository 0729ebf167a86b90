import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits, type Unit } from './api.js';

/** An expandable tree from the caller's units down to alleys; `onSelect` picks a unit for a filter or an import. */
export function UnitTree({
  parent,
  onSelect,
  selected,
}: {
  parent?: number;
  onSelect?: (unit: Unit) => void;
  selected?: number;
}) {
  const { data } = useUnits(parent);
  return (
    <ul className="tree">
      {data?.map((u) => (
        <UnitNode key={u.id} unit={u} onSelect={onSelect} selected={selected} />
      ))}
    </ul>
  );
}

function UnitNode({ unit, onSelect, selected }: { unit: Unit; onSelect?: (unit: Unit) => void; selected?: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(unit.tier === 'COMMUNE' || unit.depth < 1);
  return (
    <li>
      {unit.childCount > 0 ? (
        <button type="button" className="toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'}
        </button>
      ) : (
        <span className="toggle" />
      )}
      <button
        type="button"
        className={`unit ${selected === unit.id ? 'selected' : ''}`}
        onClick={() => onSelect?.(unit)}
      >
        {unit.name}{' '}
        <span className="muted">
          ({t(`unitKind.${unit.kind}`)} · {unit.code})
        </span>
      </button>
      {open && unit.childCount > 0 && <UnitTree parent={unit.id} onSelect={onSelect} selected={selected} />}
    </li>
  );
}
