import { CreateUserBody, type UserCreated } from '@dml/shared/api/users';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { useIdempotencyKey } from '../../api/useIdempotencyKey.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { FormDialogActions } from '../../components/FormDialogActions.tsx';
import { Notice } from '../../components/Notice.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { blankToNull, errorText, formFailure, zodFormOptions } from '../../lib/forms.ts';
import { useCreateUser } from './api.ts';
import { roleOptions } from './labels.ts';

const FIELDS = ['email', 'name', 'role', 'designation', 'region_state', 'phone'] as const;
const EMPTY_FORM: CreateUserBody = { email: '', name: '', role: 'mentor' };

const Invited = ({
  user,
  onAnother,
  onClose,
}: {
  user: UserCreated;
  onAnother: () => void;
  onClose: () => void;
}) => (
  <>
    {user.invitation_sent ? (
      <Notice tone="success">
        <strong>Invitation sent to {user.email}.</strong> {user.name} will get an email with a temporary
        password and choose their own when they first sign in.
      </Notice>
    ) : (
      <Notice tone="warning">
        <strong>{user.name} was added, but the invitation email could not be sent.</strong> Open their page
        and use "Resend invitation".
      </Notice>
    )}
    <DialogActions>
      <Link to={`/users/${user.id}`} className="button button--primary" data-autofocus>
        Open {user.name}
      </Link>
      <button type="button" className="button" onClick={onAnother}>
        Invite another user
      </button>
      <button type="button" className="button" onClick={onClose}>
        Done
      </button>
    </DialogActions>
  </>
);

/** Admins invite a user: Cognito account, profile and an invitation email with a temporary password. */
export const InviteUserDialog = ({ onClose }: { onClose: () => void }) => {
  const create = useCreateUser();
  // One key per submission: a retry after a dropped connection cannot invite twice.
  const idempotency = useIdempotencyKey();
  const [invited, setInvited] = useState<UserCreated | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(CreateUserBody, zodFormOptions), defaultValues: EMPTY_FORM });

  const submit = handleSubmit(async (body) => {
    setFailure(null);
    try {
      const user = await create.mutateAsync({ body, idempotencyKey: idempotency.key });
      idempotency.renew();
      setInvited(user);
    } catch (error) {
      setFailure(formFailure(error, setError, FIELDS));
    }
  });

  if (invited) {
    return (
      <Dialog title="User invited" onClose={onClose}>
        <Invited
          user={invited}
          onClose={onClose}
          onAnother={() => {
            reset(EMPTY_FORM);
            setInvited(null);
          }}
        />
      </Dialog>
    );
  }

  const optional = { setValueAs: blankToNull };
  return (
    <Dialog
      title="Invite user"
      description="They get an email with a temporary password and choose their own at first sign-in."
      onClose={onClose}
      busy={isSubmitting}
      wide
    >
      <form className="form" onSubmit={submit} noValidate aria-label="Invite user">
        <FormAlert message={failure} />
        <TextField
          label="Email"
          type="email"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          error={errorText('Email', errors.email?.message)}
          {...register('email', { setValueAs: (value: string) => value.trim() })}
        />
        <TextField
          label="Name"
          autoComplete="off"
          error={errorText('Name', errors.name?.message)}
          {...register('name')}
        />
        <SelectField
          label="Role"
          options={roleOptions}
          error={errorText('Role', errors.role?.message)}
          {...register('role')}
        />
        <TextField
          label="Designation"
          hint="Optional, e.g. Clinical Mentor"
          error={errorText('Designation', errors.designation?.message)}
          {...register('designation', optional)}
        />
        <TextField
          label="Region / state"
          hint="Optional"
          error={errorText('Region / state', errors.region_state?.message)}
          {...register('region_state', optional)}
        />
        <TextField
          label="Phone"
          type="tel"
          hint="Optional"
          autoComplete="off"
          error={errorText('Phone', errors.phone?.message)}
          {...register('phone', optional)}
        />
        <FormDialogActions
          submitLabel="Send invitation"
          busyLabel="Sending invitation…"
          busy={isSubmitting}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
};
