import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { TextField } from '../components/TextField.tsx';
import { NewPasswordValues, PASSWORD_RULES_HINT } from './forms.ts';
import { signInErrorMessage } from './signInErrors.ts';

type Props = {
  email: string;
  onSubmit: (values: NewPasswordValues) => Promise<void>;
  onCancel: () => void;
};

/** First sign-in: replace the temporary password from the invitation email. */
export const NewPasswordForm = ({ email, onSubmit, onCancel }: Props) => {
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(NewPasswordValues), defaultValues: { password: '', confirm: '' } });

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await onSubmit(values);
    } catch (error) {
      setFailure(signInErrorMessage(error, 'new-password'));
    }
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Set your password">
      <p>
        Welcome{email ? `, ${email}` : ''}. Choose a new password to replace the temporary one from your
        invitation email.
      </p>
      {failure && (
        <p className="form__alert" role="alert">
          {failure}
        </p>
      )}
      {/* Lets password managers save the new password against the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={PASSWORD_RULES_HINT}
        error={errors.password?.message}
        {...register('password')}
      />
      <TextField
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        error={errors.confirm?.message}
        {...register('confirm')}
      />
      <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
        {isSubmitting ? 'Saving…' : 'Set password and sign in'}
      </button>
      <button type="button" className="button button--link" onClick={onCancel}>
        Back to sign in
      </button>
    </form>
  );
};
