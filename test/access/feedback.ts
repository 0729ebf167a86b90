import type { Permission } from '../../src/shared/permissions.js';
import type { World } from '../world.js';
import { type Expectation, type Target, unique } from './targets.js';

// Questions and reports (PAKN, issue 16): the staff side. A ticket "inside" sits with group A1 (in every A account's
// reach), one "outside" with commune B. Each call gets a fresh ticket at version 1, so an action allowed finds the
// state it needs or answers 409 (allowed: it got past authorization).

type Side = 'A' | 'B';
const unitOf = (w: World, side: Side) => (side === 'A' ? w.groupA1 : w.communeB);
const communeOf = (w: World, side: Side) => (side === 'A' ? w.communeA : w.communeB);

async function ticket(w: World, side: Side, opts: { withFile?: boolean } = {}) {
  return w.f.ticket(unitOf(w, side), opts);
}

/**
 * One ticket per operation and side, made on the first call and kept: the first role allowed acts on it for real, the
 * next ones pass authorization and meet a stale version or a state that no longer allows it (409, allowed), which
 * keeps the matrix from filing hundreds of tickets.
 */
const kept = new WeakMap<World, Map<string, Promise<{ id: number }>>>();
function ticketFor(w: World, key: string, side: Side, opts: { withFile?: boolean } = {}) {
  const byKey = kept.get(w) ?? new Map<string, Promise<{ id: number }>>();
  kept.set(w, byKey);
  const name = `${key} ${side}`;
  if (!byKey.has(name)) byKey.set(name, ticket(w, side, opts));
  return byKey.get(name)!;
}

/** An operation on a fresh ticket: `suffix` after /api/feedback/tickets/{id}, `payload` from the world and side. */
const onTicket = (
  permission: Permission,
  suffix: string,
  payload?: (w: World, side: Side) => Promise<unknown> | unknown,
): Expectation => {
  const target = async (w: World, side: Side): Promise<Target> => {
    const { id } = await ticketFor(w, suffix, side);
    return {
      url: `/api/feedback/tickets/${id}${suffix}`,
      payload: (await payload?.(w, side)) as Target['payload'],
    };
  };
  return { permission, inside: (w) => target(w, 'A'), outside: (w) => target(w, 'B') };
};

/** A category of the commune, read as the system administrator. */
async function categoryOf(w: World, side: Side): Promise<number> {
  const res = await w.agents.admin.get(`/api/feedback/categories?communeId=${communeOf(w, side).id}`);
  return res.json()[0].id;
}

async function templateOf(w: World, side: Side): Promise<number> {
  const res = await w.agents.admin.post('/api/feedback/templates', {
    communeId: communeOf(w, side).id,
    title: 'Mẫu thử',
    body: 'Cảm ơn ông/bà đã phản ánh.',
  });
  return res.json().id;
}

const settings = {
  acceptWithin: { amount: 8, unit: 'WORKING_HOUR' },
  deadlines: {
    URGENT: { amount: 4, unit: 'WORKING_HOUR' },
    NORMAL: { amount: 10, unit: 'WORKING_DAY' },
    COMPLEX: { amount: 20, unit: 'WORKING_DAY' },
  },
  reopenDays: 7,
  approvalRequired: false,
  dueSoonHours: 8,
  perPhonePerDay: 5,
  perAddressPerDay: 20,
  // A stale version on purpose: allowed callers get 409 and the settings stay as shipped for the other tests.
  version: 99,
};

const hotline = async (w: World, side: Side) => ({
  communeId: communeOf(w, side).id,
  channel: 'HOTLINE',
  categoryId: await categoryOf(w, side),
  title: 'Hỏi qua đường dây nóng',
  body: 'Nội dung cuộc gọi',
  publishable: false,
});

export const feedbackExpectations: Record<string, Expectation> = {
  'GET /api/feedback/tickets': { permission: 'feedback.read', inside: () => ({ url: '/api/feedback/tickets' }) },
  'POST /api/feedback/tickets': {
    permission: 'feedback.process',
    inside: async (w) => ({ url: '/api/feedback/tickets', payload: await hotline(w, 'A') }),
    outside: async (w) => ({ url: '/api/feedback/tickets', payload: await hotline(w, 'B') }),
  },
  'GET /api/feedback/tickets/{id}': onTicket('feedback.read', ''),
  'GET /api/feedback/tickets/{id}/assignees': onTicket('feedback.process', '/assignees'),
  'POST /api/feedback/tickets/{id}/accept': onTicket('feedback.process', '/accept', () => ({ version: 1 })),
  'POST /api/feedback/tickets/{id}/reject': onTicket('feedback.process', '/reject', () => ({
    version: 1,
    reason: 'Không thuộc thẩm quyền',
  })),
  'POST /api/feedback/tickets/{id}/assign': onTicket('feedback.process', '/assign', (w, side) => ({
    version: 1,
    assigneeId: side === 'A' ? w.accounts.leaderA.id : w.accounts.leaderB.id,
  })),
  'POST /api/feedback/tickets/{id}/transfer': onTicket('feedback.process', '/transfer', (w, side) => ({
    version: 1,
    unitId: side === 'A' ? w.alleyA1.id : w.groupB1.id,
    note: 'Chuyển về đơn vị phụ trách',
  })),
  'PUT /api/feedback/tickets/{id}/answer': onTicket('feedback.process', '/answer', () => ({
    version: 1,
    answer: 'Đã xử lý xong.',
    submit: false,
  })),
  'POST /api/feedback/tickets/{id}/answer/approve': onTicket('feedback.approve', '/answer/approve', () => ({
    version: 1,
  })),
  'POST /api/feedback/tickets/{id}/answer/return': onTicket('feedback.approve', '/answer/return', () => ({
    version: 1,
    note: 'Viết lại',
  })),
  'POST /api/feedback/tickets/{id}/close': onTicket('feedback.process', '/close', () => ({ version: 1 })),
  'POST /api/feedback/tickets/{id}/notes': onTicket('feedback.process', '/notes', () => ({ body: 'Ghi chú' })),
  'POST /api/feedback/tickets/{id}/extension': onTicket('feedback.process', '/extension', () => ({
    version: 1,
    until: new Date(Date.now() + 60 * 86_400_000).toISOString(),
    reason: 'Cần thêm thời gian',
  })),
  'POST /api/feedback/tickets/{id}/extension/decide': onTicket('feedback.approve', '/extension/decide', () => ({
    version: 1,
    approve: true,
  })),
  'POST /api/feedback/tickets/{id}/merge': onTicket('feedback.process', '/merge', async (w, side) => ({
    version: 1,
    intoId: (await ticketFor(w, 'merge target', side)).id,
  })),
  'POST /api/feedback/tickets/{id}/abuse': onTicket('feedback.approve', '/abuse', () => ({
    version: 1,
    reason: 'Tin rác',
  })),
  'GET /api/feedback/tickets/{id}/publication/preview': onTicket('feedback.approve', '/publication/preview'),
  'PUT /api/feedback/tickets/{id}/publication': onTicket('feedback.approve', '/publication', () => ({
    version: 1,
    publicTitle: 'Đèn đường hỏng',
    publicBody: 'Đèn đường đầu thôn hỏng.',
    publicAnswer: 'Đã thay bóng.',
    publicFileIds: [],
  })),
  'DELETE /api/feedback/tickets/{id}/publication': onTicket('feedback.approve', '/publication'),
  'GET /api/feedback/tickets/{id}/files/{fileId}': {
    permission: 'feedback.read',
    inside: async (w) => {
      const made = await ticketFor(w, 'file', 'A', { withFile: true });
      const detail = await w.agents.admin.get(`/api/feedback/tickets/${made.id}`);
      return { url: `/api/feedback/tickets/${made.id}/files/${detail.json().files[0].id}` };
    },
    outside: async (w) => {
      const made = await ticketFor(w, 'file', 'B', { withFile: true });
      const detail = await w.agents.admin.get(`/api/feedback/tickets/${made.id}`);
      return { url: `/api/feedback/tickets/${made.id}/files/${detail.json().files[0].id}` };
    },
  },
  'GET /api/feedback/settings/{communeId}': {
    permission: 'feedback.manage',
    inside: (w) => ({ url: `/api/feedback/settings/${w.communeA.id}` }),
    outside: (w) => ({ url: `/api/feedback/settings/${w.communeB.id}` }),
  },
  'PUT /api/feedback/settings/{communeId}': {
    permission: 'feedback.manage',
    inside: (w) => ({ url: `/api/feedback/settings/${w.communeA.id}`, payload: settings }),
    outside: (w) => ({ url: `/api/feedback/settings/${w.communeB.id}`, payload: settings }),
  },
  'GET /api/feedback/categories': {
    permission: 'feedback.read',
    inside: (w) => ({ url: `/api/feedback/categories?communeId=${w.communeA.id}` }),
    outside: (w) => ({ url: `/api/feedback/categories?communeId=${w.communeB.id}` }),
  },
  'POST /api/feedback/categories': {
    permission: 'feedback.manage',
    inside: (w) => ({
      url: '/api/feedback/categories',
      payload: { communeId: w.communeA.id, code: `C${unique()}`, nameVi: 'Lĩnh vực thử', nameEn: 'Test' },
    }),
    outside: (w) => ({
      url: '/api/feedback/categories',
      payload: { communeId: w.communeB.id, code: `C${unique()}`, nameVi: 'Lĩnh vực thử', nameEn: 'Test' },
    }),
  },
  'PATCH /api/feedback/categories/{id}': {
    permission: 'feedback.manage',
    inside: async (w) => ({ url: `/api/feedback/categories/${await categoryOf(w, 'A')}`, payload: { sortOrder: 0 } }),
    outside: async (w) => ({ url: `/api/feedback/categories/${await categoryOf(w, 'B')}`, payload: { sortOrder: 0 } }),
  },
  'GET /api/feedback/templates': {
    permission: 'feedback.process',
    inside: (w) => ({ url: `/api/feedback/templates?communeId=${w.communeA.id}` }),
    outside: (w) => ({ url: `/api/feedback/templates?communeId=${w.communeB.id}` }),
  },
  'POST /api/feedback/templates': {
    permission: 'feedback.manage',
    inside: (w) => ({
      url: '/api/feedback/templates',
      payload: { communeId: w.communeA.id, title: 'Mẫu', body: 'Cảm ơn ông/bà.' },
    }),
    outside: (w) => ({
      url: '/api/feedback/templates',
      payload: { communeId: w.communeB.id, title: 'Mẫu', body: 'Cảm ơn ông/bà.' },
    }),
  },
  'PATCH /api/feedback/templates/{id}': {
    permission: 'feedback.manage',
    inside: async (w) => ({
      url: `/api/feedback/templates/${await templateOf(w, 'A')}`,
      payload: { title: 'Mẫu mới' },
    }),
    outside: async (w) => ({
      url: `/api/feedback/templates/${await templateOf(w, 'B')}`,
      payload: { title: 'Mẫu mới' },
    }),
  },
  'DELETE /api/feedback/templates/{id}': {
    permission: 'feedback.manage',
    inside: async (w) => ({ url: `/api/feedback/templates/${await templateOf(w, 'A')}` }),
    outside: async (w) => ({ url: `/api/feedback/templates/${await templateOf(w, 'B')}` }),
  },
};
