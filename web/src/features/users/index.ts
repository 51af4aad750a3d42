/** What other features use of users: the list for pickers and filters. */
export { useUserList } from './api.ts';
