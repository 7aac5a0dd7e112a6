import { z } from 'zod';
import { Ability, Role } from './roles.js';
import { AreaKind } from './areas.js';
import { Locale } from './locale.js';

export const PASSWORD_MIN_LENGTH = 12;

export const LoginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const Password = z.string().min(PASSWORD_MIN_LENGTH).max(256);

export const ScopeDto = z.object({
  role: Role,
  areaId: z.uuid().nullable(),
  areaKind: AreaKind.nullable(),
  areaName: z.string().nullable(),
  areaCode: z.string().nullable(),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
});
export type ScopeDto = z.infer<typeof ScopeDto>;

export const MeDto = z
  .object({
    user: z.object({
      id: z.uuid(),
      username: z.string(),
      displayName: z.string(),
      /** the language the user chose (it follows them to every device); null until they choose */
      locale: Locale.nullable(),
    }),
    roles: z.array(Role),
    scopes: z.array(ScopeDto),
    abilities: z.array(Ability),
    /** roles the user may grant somewhere in their scope (the server's grant rules); the user form offers these */
    grantableRoles: z.array(Role),
    csrfToken: z.string(),
  })
  .meta({ id: 'Me' });
export type MeDto = z.infer<typeof MeDto>;
