/** React Query keys of the users feature (kept free of schemas: the breadcrumb reads them from the first download). */
export const userKeys = {
  all: ['users'] as const,
  lists: ['users', 'list'] as const,
  list: (query: object) => ['users', 'list', query] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};
