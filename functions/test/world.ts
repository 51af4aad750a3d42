import { createPeople } from '@dml/infra/local/testing/people';
import type { TestStack } from '@dml/infra/local/testing/stack';
import type { Facility } from '@dml/shared';

export const personas = ['anonymous', 'ownerMentor', 'otherMentor', 'supervisorInScope', 'supervisorOutOfScope', 'admin'] as const;
export type Persona = (typeof personas)[number];

/**
 * The cast every cross-cutting API test uses: two facilities; a mentor and a supervisor covering the
 * first ("in scope"), another mentor and supervisor covering the second; an admin. Objects under test
 * belong to `ownerMentor` at facility `inScope`.
 */
export const buildWorld = async (stack: TestStack) => {
  const people = createPeople(stack);
  const inScope: Facility = await people.facility({ name: 'In-Scope Clinic', latitude: 12, longitude: 8.5 });
  const outOfScope: Facility = await people.facility({ name: 'Out-Of-Scope Clinic', state: 'Kaduna' });
  const [ownerMentor, otherMentor, supervisorInScope, supervisorOutOfScope] = await Promise.all([
    people.user('mentor', { facilities: [inScope.id], name: 'Owner Mentor' }),
    people.user('mentor', { facilities: [outOfScope.id], name: 'Other Mentor' }),
    people.user('supervisor', { facilities: [inScope.id], name: 'Supervisor In Scope' }),
    people.user('supervisor', { facilities: [outOfScope.id], name: 'Supervisor Out Of Scope' }),
  ]);
  const adminToken = await people.admin();
  const tokens: Record<Persona, string | undefined> = {
    anonymous: undefined,
    ownerMentor: ownerMentor.token,
    otherMentor: otherMentor.token,
    supervisorInScope: supervisorInScope.token,
    supervisorOutOfScope: supervisorOutOfScope.token,
    admin: adminToken,
  };
  return { stack, people, facilities: { inScope, outOfScope }, users: { ownerMentor, otherMentor, supervisorInScope, supervisorOutOfScope }, tokens };
};
export type World = Awaited<ReturnType<typeof buildWorld>>;
