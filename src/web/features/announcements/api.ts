import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.js';

export type StaffGroup = {
  id: number;
  name: string;
  kind: 'GROUP_HEADS' | 'PARTY_CELLS' | 'ASSOCIATION' | 'OTHER';
  members: { id: number; fullName: string; title: string | null }[];
};

export const useStaffGroups = () =>
  useQuery({ queryKey: ['staff-groups'], queryFn: () => api<{ items: StaffGroup[] }>('/api/staff-groups') });
