import { useQuery } from '@tanstack/react-query';
import type { Unit } from '../../../server/modules/units/units.schemas.js';
import { api } from '../../lib/api.js';

export type { Unit };
export const useUnits = (parent?: number) =>
  useQuery({
    queryKey: ['units', parent ?? 'roots'],
    queryFn: () => api<{ items: Unit[] }>(`/api/units${parent ? `?parent=${parent}` : ''}`).then((r) => r.items),
  });
