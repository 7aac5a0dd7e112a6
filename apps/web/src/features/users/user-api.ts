import { paged, UserDto, type CreateUserInput, type UpdateUserInput, type UserListQuery } from '@linli/contracts';
import { api } from '../../lib/api';

export const UserPage = paged(UserDto);

export const userKeys = { all: ['users'] as const, list: (q: Partial<UserListQuery>) => ['users', 'list', q] as const };

export const listUsers = (q: Partial<UserListQuery>) => api.get('/api/users', UserPage, q);
export const createUser = (input: CreateUserInput) => api.post('/api/users', input, UserDto);
export const updateUser = (id: string, input: UpdateUserInput) => api.patch(`/api/users/${id}`, input, UserDto);
