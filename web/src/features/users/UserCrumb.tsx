import type { User } from '@dml/shared/api/users';
import { useCachedQueryData } from '../../api/useCachedQueryData.ts';
import { userKeys } from './keys.ts';

/** Breadcrumb of a user's page: their name once the page has loaded it. Part of the first download, so tiny. */
export const UserCrumb = ({ id }: { id: string }) =>
  useCachedQueryData<User>(userKeys.detail(id))?.name ?? 'User';
