import { z } from 'zod';
import { FieldCode } from '../../../shared/field-errors.js';
import { PersonalId, Phone, Problem, Text } from '../../lib/http.js';

const Password = z.string().min(10).max(200);

export const CitizenMe = z
  .object({
    citizen: z.object({ id: z.number().int(), fullName: z.string(), phone: z.string() }),
    csrfToken: z.string(),
    dossiers: z.array(
      z.object({
        code: z.string(),
        token: z.string(),
        status: z.string(),
        submittedAt: z.string(),
        procedureName: z.string(),
        /** The name is the Vietnamese one: no translation in the reader's language was entered. */
        procedureNameFallback: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'CitizenMe' });

export const CodeInput = z.object({ phone: Phone });

export const RegisterInput = z.object({
  fullName: Text(120).min(2),
  phone: Phone,
  code: z.string().regex(/^\d{6}$/, FieldCode.CONFIRM_CODE),
  password: Password,
  personalId: PersonalId,
});
export type RegisterInput = z.infer<typeof RegisterInput>;

export const LoginInput = z.object({ phone: Phone, password: z.string().min(1).max(200) });

/** What the citizens' routes may answer besides success (no 404: nothing here is looked up by id). */
export const citizenErrors = {
  400: Problem,
  401: Problem,
  403: Problem,
  409: Problem,
  423: Problem,
  429: Problem,
  503: Problem,
} as const;
