import { useQuery } from '@tanstack/react-query';
import type { Unit } from '../../../server/modules/units/units.schemas.js';
import { api } from '../../lib/api.js';

export type { Unit };
export const useUnits = (parent?: number) =>
  useQuery({
    queryKey: ['units', parent ?? 'roots'],
    queryFn: () => api<{ items: Unit[] }>(`/api/units${parent ? `?parent=${parent}` : ''}`).then((r) => r.items),
  });

export type UnitDetail = Unit & { ancestors: { id: number; code: string; name: string }[] };

/** One unit with its ancestors (to show where a chosen unit sits). */
export const useUnitDetail = (id: number | undefined) =>
  useQuery({
    queryKey: ['unit', id],
    queryFn: () => api<UnitDetail>(`/api/units/${id}`),
    enabled: id !== undefined,
  });
