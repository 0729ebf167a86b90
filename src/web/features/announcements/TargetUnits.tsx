import { useUnits } from '../units/api.js';

/** The units a writer can target: their own unit, or each residential group of the commune they hold. */
export function TargetUnits({ chosen, onChange }: { chosen: number[]; onChange: (ids: number[]) => void }) {
  const roots = useUnits();
  const root = roots.data?.[0];
  const children = useUnits(root && root.tier === 'COMMUNE' ? root.id : undefined);
  const options = root?.tier === 'COMMUNE' ? (children.data ?? []).filter((u) => !u.closedAt) : (roots.data ?? []);
  return (
    <div className="actions">
      {options.map((u) => (
        <label key={u.id} className="inline">
          <input
            type="checkbox"
            checked={chosen.includes(u.id)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, u.id] : chosen.filter((x) => x !== u.id))}
          />
          {u.name}
        </label>
      ))}
    </div>
  );
}
