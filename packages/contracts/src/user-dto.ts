import { z } from 'zod';
import { Role } from './roles.js';
import { Password, ScopeDto } from './auth.js';
import { PageQuery } from './common.js';

/**
 * One role on exactly one scope: an area node, or a handler organisation for ORG_SCOPED_ROLES.
 * The server checks that rule with messages in the user's language, so no English-only refine here.
 */
export const RoleAssignmentInput = z.object({ role: Role, areaId: z.uuid().optional(), orgId: z.uuid().optional() });
export type RoleAssignmentInput = z.infer<typeof RoleAssignmentInput>;

/** The role the user form suggests for a new assignment, when the actor may grant it (most accounts are staff). */
export const SUGGESTED_ROLE: Role = 'community_staff';

export const UserDto = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    active: z.boolean(),
    createdAt: z.string(),
    lastLoginAt: z.string().nullable(),
    scopes: z.array(ScopeDto),
    abilities: z.object({ canEdit: z.boolean(), canDeactivate: z.boolean() }),
  })
  .meta({ id: 'User' });
export type UserDto = z.infer<typeof UserDto>;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/);

export const CreateUserInput = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(64),
  password: Password,
  assignments: z.array(RoleAssignmentInput).min(1).max(20),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.object({
  displayName: z.string().trim().min(1).max(64).optional(),
  active: z.boolean().optional(),
  password: Password.optional(),
  assignments: z.array(RoleAssignmentInput).min(1).max(20).optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const UserListQuery = PageQuery.extend({ q: z.string().trim().max(64).optional() });
export type UserListQuery = z.infer<typeof UserListQuery>;

export const ChangePasswordInput = z.object({ currentPassword: z.string().min(1), newPassword: Password });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;
