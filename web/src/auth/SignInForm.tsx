import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { TextField } from '../components/TextField.tsx';
import { SignInValues } from './forms.ts';
import { signInErrorMessage } from './signInErrors.ts';

type Props = { onSubmit: (values: SignInValues) => Promise<void> };

export const SignInForm = ({ onSubmit }: Props) => {
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(SignInValues), defaultValues: { email: '', password: '' } });

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await onSubmit(values);
    } catch (error) {
      setFailure(signInErrorMessage(error));
    }
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Sign in">
      {failure && (
        <p className="form__alert" role="alert">
          {failure}
        </p>
      )}
      <TextField
        label="Email address"
        type="email"
        autoComplete="username"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        error={errors.email?.message}
        {...register('email')}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register('password')}
      />
      <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
        {isSubmitting ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
};
