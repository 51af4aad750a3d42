/** React Query keys of the facilities feature (no schemas here: the breadcrumb imports this eagerly). */
export const facilityKeys = {
  all: ['facilities'] as const,
  lists: ['facilities', 'list'] as const,
  list: (query: object) => ['facilities', 'list', query] as const,
  detail: (id: string) => ['facilities', 'detail', id] as const,
  allUsers: ['facilities', 'users'] as const,
  users: (id: string) => ['facilities', 'users', id] as const,
  /** The facilities assigned to a user (their page lists them): facility edits refresh them. */
  ofAllUsers: ['facilities', 'of-user'] as const,
  ofUser: (userId: string) => ['facilities', 'of-user', userId] as const,
};
