import { UpdateUserBody, User } from '@dml/shared/api/users';
import * as z from '@dml/shared/zod';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { FormDialogActions } from '../../components/FormDialogActions.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useVersionConflict } from '../../components/useVersionConflict.ts';
import { VersionConflict } from '../../components/VersionConflict.tsx';
import { EMPTY } from '../../lib/format.ts';
import { blankToNull, changedKeys, errorText, formFailure, zodFormOptions } from '../../lib/forms.ts';
import { useUpdateUser } from './api.ts';
import { userKeys } from './keys.ts';
import { roleLabels, roleOptions } from './labels.ts';

/** What the dialog edits: the shared update body's admin fields (the version is sent separately). */
const EditUserValues = z.omit(UpdateUserBody, { version: true, reminder_emails: true });
type EditInput = z.input<typeof EditUserValues>;
type EditOutput = z.output<typeof EditUserValues>;

const FIELDS = ['name', 'designation', 'region_state', 'phone', 'role', 'is_active'] as const;
type Field = (typeof FIELDS)[number];

const LABELS: Record<Field, string> = {
  name: 'Name',
  designation: 'Designation',
  region_state: 'Region / state',
  phone: 'Phone',
  role: 'Role',
  is_active: 'Active',
};

/** Empty optional fields start undefined: the input reads as blank and `blankToNull` makes it null. */
const formValues = (user: User): EditInput => ({
  name: user.name,
  designation: user.designation ?? undefined,
  region_state: user.region_state ?? undefined,
  phone: user.phone ?? undefined,
  role: user.role,
  is_active: user.is_active,
});

const show = (field: Field, value: unknown) => {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (field === 'is_active') return value ? 'Active' : 'Inactive';
  if (field === 'role') return roleLabels[value as User['role']] ?? String(value);
  return String(value);
};

type Props = {
  user: User;
  onClose: () => void;
  onSaved: (user: User) => void;
  /** The signed-in admin editing their own profile may not demote or deactivate themselves. */
  isSelf?: boolean;
};

/**
 * Admins edit a user's profile, role and activation. Only changed fields are sent, with the version
 * read; if someone saved in between, the dialog shows their values beside yours.
 */
export const EditUserDialog = ({ user, onClose, onSaved, isSelf = false }: Props) => {
  const update = useUpdateUser();
  const client = useQueryClient();
  // The profile the form started from, and the version to send (both move on after "Reload").
  const [base, setBase] = useState(user);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(EditUserValues, zodFormOptions), defaultValues: formValues(user) });

  const save = async (values: EditOutput, version: number) => {
    setFailure(null);
    const changed = changedKeys(values, base, FIELDS);
    if (changed.length === 0) {
      onClose();
      return;
    }
    const body: UpdateUserBody = { version };
    for (const key of changed) Object.assign(body, { [key]: values[key] });
    try {
      const saved = await update.mutateAsync({ id: user.id, body });
      onSaved(saved);
      onClose();
    } catch (error) {
      if (!conflict.catchConflict(error, values)) setFailure(formFailure(error, setError, FIELDS));
    }
  };

  const conflict = useVersionConflict({
    schema: User,
    fields: FIELDS,
    labels: LABELS,
    show,
    onReload: (saved) => {
      setBase(saved);
      reset(formValues(saved));
      // The page behind the dialog shows the saved version too.
      client.setQueryData(userKeys.detail(user.id), saved);
    },
    onReapply: save,
  });

  const submit = handleSubmit((values) => save(values, base.version));

  const busy = isSubmitting || update.isPending;
  const optional = { setValueAs: blankToNull };
  return (
    <Dialog title={`Edit ${user.name}`} onClose={onClose} busy={busy} wide>
      <form className="form" onSubmit={submit} noValidate aria-label={`Edit ${user.name}`}>
        <FormAlert message={failure} />
        {conflict.view && <VersionConflict what="user" busy={busy} {...conflict.view} />}
        <TextField label="Name" error={errorText('Name', errors.name?.message)} {...register('name')} />
        <TextField
          label="Designation"
          error={errorText('Designation', errors.designation?.message)}
          {...register('designation', optional)}
        />
        <TextField
          label="Region / state"
          error={errorText('Region / state', errors.region_state?.message)}
          {...register('region_state', optional)}
        />
        <TextField
          label="Phone"
          type="tel"
          error={errorText('Phone', errors.phone?.message)}
          {...register('phone', optional)}
        />
        <SelectField
          label="Role"
          options={roleOptions}
          hint={
            isSelf
              ? 'You cannot remove your own admin role.'
              : 'Changes what they can see and do at their next sign-in.'
          }
          error={errorText('Role', errors.role?.message)}
          {...register('role')}
        />
        <CheckboxField
          label="Active"
          hint={
            isSelf
              ? 'You cannot deactivate your own account.'
              : 'Inactive users cannot sign in; their history is kept.'
          }
          error={errorText('Active', errors.is_active?.message)}
          {...register('is_active')}
        />
        <FormDialogActions submitLabel="Save" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
};
