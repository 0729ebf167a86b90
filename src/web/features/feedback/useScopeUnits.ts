import { useQueries, useQuery } from '@tanstack/react-query';
import type { Unit } from '../../../server/modules/units/units.schemas.js';
import { api } from '../../lib/api.js';

type Option = { id: number; name: string };
type WithAncestors = { ancestors: { id: number; name: string; kind: string }[] };
const communeKinds = ['COMMUNE', 'WARD', 'SPECIAL_ZONE'];

/**
 * The units a caller works in, for the queue's unit filter and the transfer picker: the units their roles sit on and
 * one level below (a commune's groups, a province's communes). `communes` are the communes among them, or the commune
 * above a group head's group: the one whose settings and categories apply.
 */
export function useScopeUnits() {
  const roots = useQuery({
    queryKey: ['units', 'roots'],
    queryFn: () => api<{ items: Unit[] }>('/api/units').then((r) => r.items),
  });
  const rootList = roots.data ?? [];
  const children = useQueries({
    queries: rootList
      .filter((u) => u.tier === 'PROVINCE' || u.tier === 'COMMUNE')
      .map((u) => ({
        queryKey: ['units', u.id],
        queryFn: () => api<{ items: Unit[] }>(`/api/units?parent=${u.id}`).then((r) => r.items),
      })),
  });
  const above = useQueries({
    queries: rootList
      .filter((u) => u.tier === 'COMMUNITY' || u.tier === 'ZONE')
      .map((u) => ({ queryKey: ['unit', u.id], queryFn: () => api<WithAncestors>(`/api/units/${u.id}`) })),
  });
  const below = children.flatMap((c) => c.data ?? []);
  const units: Option[] = [];
  const seen = new Set<number>();
  for (const u of [...rootList, ...below])
    if (!seen.has(u.id) && !u.closedAt) {
      seen.add(u.id);
      units.push({ id: u.id, name: u.name });
    }
  const communes: Option[] = [];
  const add = (o: Option) => {
    if (!communes.some((c) => c.id === o.id)) communes.push(o);
  };
  for (const u of [...rootList, ...below]) if (u.tier === 'COMMUNE' && !u.closedAt) add({ id: u.id, name: u.name });
  for (const d of above) {
    const commune = d.data?.ancestors.find((a) => communeKinds.includes(a.kind));
    if (commune) add({ id: commune.id, name: commune.name });
  }
  return { units, communes, roots: rootList, isLoading: roots.isLoading };
}

/** The commune a unit belongs to (itself when it is one): whose templates and categories apply to its tickets. */
export function useCommuneOf(unitId: number | undefined) {
  const unit = useQuery({
    queryKey: ['unit', unitId],
    queryFn: () => api<Unit & WithAncestors>(`/api/units/${unitId}`),
    enabled: unitId !== undefined,
    staleTime: 10 * 60_000,
  });
  const u = unit.data;
  if (!u) return undefined;
  if (u.tier === 'COMMUNE') return u.id;
  return u.ancestors.find((a) => communeKinds.includes(a.kind))?.id;
}
