import { CreateFollowUpBody } from '@dml/shared/api/follow-ups';
import type { MentorshipLogView } from '@dml/shared/api/logs';
import type { Role } from '@dml/shared/roles';
import { adminRoutes } from '@dml/shared/routes/admin';
import * as z from '@dml/shared/zod';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { isApiError } from '../../api/ApiError.ts';
import { useIdempotencyKey } from '../../api/useIdempotencyKey.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { blankToNull, errorText, formFailure, zodFormOptions } from '../../lib/forms.ts';
import { programmeToday } from '../../lib/today.ts';
import { useAssignees, useCreateFollowUp } from './api.ts';

type Input = z.input<typeof CreateFollowUpBody>;
type Output = z.output<typeof CreateFollowUpBody>;
const FIELDS = ['action_item', 'assigned_to', 'due_date', 'notes'] as const;

type Props = {
  log: Pick<MentorshipLogView, 'id' | 'facility_id' | 'facility_name'>;
  me: { id: string; name: string; role: Role };
  onAdded: (message: string) => void;
  onCancel: () => void;
};

/**
 * Agree an action item on a log: what, who (someone covering the facility), by when. Reviewers and
 * admins choose from the facility's users; mentors may not list them, so they assign themselves.
 */
export const AddFollowUpForm = ({ log, me, onAdded, onCancel }: Props) => {
  const today = programmeToday();
  const mayList = (adminRoutes.listFacilityUsers.auth as readonly Role[]).includes(me.role);
  const assignees = useAssignees(log.facility_id, mayList);
  const create = useCreateFollowUp(log.id);
  const idempotency = useIdempotencyKey();
  const schema = useMemo(
    () =>
      z.extend(CreateFollowUpBody, {
        due_date: CreateFollowUpBody.shape.due_date.check(
          z.refine((date) => date >= today, { message: `must be ${today} or later` }),
        ),
      }),
    [today],
  );
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({
    resolver: zodResolver(schema, zodFormOptions),
    defaultValues: { action_item: '', assigned_to: mayList ? '' : me.id, due_date: '' },
  });

  // Only ourselves when we may not list the facility's users (or the list is refused).
  const listed =
    mayList && assignees.data
      ? assignees.data.items
          .filter((u) => u.is_active)
          .map((u) => ({ value: u.id, label: `${u.name} (${u.role})` }))
      : null;
  const options = listed ?? [{ value: me.id, label: `${me.name} (you)` }];
  if (listed && !listed.some((o) => o.value === me.id) && me.role === 'admin') {
    options.push({ value: me.id, label: `${me.name} (you)` });
  }
  const refused =
    mayList && assignees.isError && isApiError(assignees.error) && assignees.error.status === 403;

  const submit = handleSubmit(async (values) => {
    try {
      const created = await create.mutateAsync({ body: values, idempotencyKey: idempotency.key });
      idempotency.renew();
      reset({ action_item: '', assigned_to: mayList ? '' : me.id, due_date: '', notes: undefined });
      onAdded(`Follow-up added for ${created.assigned_to_name}.`);
    } catch (error) {
      const message = formFailure(error, setError, FIELDS);
      if (message) setError('root', { type: 'server', message });
    }
  });

  return (
    <form className="form follow-up-form" onSubmit={submit} noValidate aria-label="Add follow-up">
      <FormAlert message={errors.root?.message} />
      <TextField
        label="Action item"
        autoComplete="off"
        error={errorText('Action item', errors.action_item?.message)}
        {...register('action_item')}
      />
      <SelectField
        label="Assign to"
        hint={
          listed
            ? `People who cover ${log.facility_name}.`
            : refused || !mayList
              ? 'You can assign follow-ups to yourself; your supervisor can assign others.'
              : 'Loading who covers the facility…'
        }
        options={listed ? [{ value: '', label: 'Choose who' }, ...options] : options}
        error={errorText('Assignee', errors.assigned_to?.message)}
        {...register('assigned_to')}
      />
      <TextField
        label="Due date"
        type="date"
        min={today}
        error={errorText('Due date', errors.due_date?.message)}
        {...register('due_date')}
      />
      <TextAreaField
        label="Notes"
        rows={2}
        error={errorText('Notes', errors.notes?.message)}
        {...register('notes', { setValueAs: blankToNull })}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? 'Adding…' : 'Add follow-up'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </button>
      </div>
    </form>
  );
};
