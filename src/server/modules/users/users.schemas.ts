import { z } from 'zod';
import { Role } from '../../../shared/enums.js';
import { Id, PageQuery, pageOf, Text, Version } from '../../lib/http.js';
import { ContactFields } from './users.contact.js';

export const RoleGrant = z.object({ role: z.enum(Role), unitId: Id });

export const UserSummary = z
  .object({
    id: z.number().int(),
    username: z.string(),
    fullName: z.string(),
    /** Masked ("n•••@xa.gov.vn", "•••••••5678"): the list says whether and whose, never the full contact. */
    email: z.string().nullable(),
    phone: z.string().nullable(),
    disabled: z.boolean(),
    lockedUntil: z.string().nullable(),
    roles: z.array(
      z.object({ role: z.enum(Role), unitId: z.number().int(), unitCode: z.string(), unitName: z.string() }),
    ),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'UserSummary' });
export type UserSummary = z.infer<typeof UserSummary>;

export const UserPage = pageOf(UserSummary).meta({ id: 'UserPage' });
export const ListUsersQuery = PageQuery.extend({ q: Text(100).optional() });

const Username = z
  .string()
  .trim()
  .min(3)
  .max(60)
  .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, dot, dash, underscore');
export const Password = z.string().min(10).max(200);

export const CreateUserInput = z.object({
  username: Username,
  fullName: Text(120).min(2),
  password: Password,
  roles: z.array(RoleGrant).min(1).max(20),
  ...ContactFields,
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z
  .object({
    fullName: Text(120).min(2).optional(),
    disabled: z.boolean().optional(),
    /** Replaces the user's roles (re-scoping). */
    roles: z.array(RoleGrant).min(1).max(20).optional(),
    /** Where reminders reach the person; `null` clears one. */
    ...ContactFields,
    /** The version read with the account: a stale one is refused (409). */
    version: Version.optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), { message: 'nothing to change' });
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const ResetPasswordInput = z.object({ newPassword: Password });
