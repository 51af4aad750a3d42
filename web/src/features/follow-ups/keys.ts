/** React Query keys of the follow-ups feature. */
export const followUpKeys = {
  all: ['follow-ups'] as const,
  lists: ['follow-ups', 'list'] as const,
  list: (query: object) => ['follow-ups', 'list', query] as const,
  assignees: (facilityId: string) => ['follow-ups', 'assignees', facilityId] as const,
};
