export type AssignMode = 'set' | 'add' | 'remove';

/** What to add and remove so that a user's facilities become what was asked. */
export const planAssignments = (
  current: readonly string[],
  requested: readonly string[],
  mode: AssignMode,
) => {
  const have = new Set(current);
  const want = new Set(requested);
  if (mode === 'add') return { add: [...want].filter((id) => !have.has(id)).sort(), remove: [] as string[] };
  if (mode === 'remove')
    return { add: [] as string[], remove: [...want].filter((id) => have.has(id)).sort() };
  return {
    add: [...want].filter((id) => !have.has(id)).sort(),
    remove: [...have].filter((id) => !want.has(id)).sort(),
  };
};

/** Splits a plan into batches small enough for one transaction each (writes + its audit entry). */
export const batchPlan = (plan: { add: string[]; remove: string[] }, maxWrites: number) => {
  const ops = [
    ...plan.add.map((id) => ({ op: 'add' as const, id })),
    ...plan.remove.map((id) => ({ op: 'remove' as const, id })),
  ];
  const batches: (typeof ops)[] = [];
  for (let i = 0; i < ops.length; i += maxWrites) batches.push(ops.slice(i, i + maxWrites));
  return batches;
};
