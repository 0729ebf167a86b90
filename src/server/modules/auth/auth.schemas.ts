import { z } from 'zod';
import { Role } from '../../../shared/enums.js';
import { Permission } from '../../../shared/permissions.js';

export const LoginInput = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const Me = z
  .object({
    user: z.object({ id: z.number().int(), username: z.string(), fullName: z.string(), locale: z.string() }),
    roles: z.array(
      z.object({ role: z.enum(Role), unitId: z.number().int(), unitCode: z.string(), unitName: z.string() }),
    ),
    permissions: z.array(z.enum(Permission)),
    csrfToken: z.string(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const LogoutInput = z.object({ everywhere: z.boolean().default(false) }).default({ everywhere: false });

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
});

export const LocaleInput = z.object({ locale: z.enum(['vi', 'en']) });
