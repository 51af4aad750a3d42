import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SignInForm } from './SignInForm.tsx';

const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

describe('SignInForm', () => {
  it('asks for both fields and does not submit when they are empty', async () => {
    const onSubmit = vi.fn(async () => {});
    render(<SignInForm onSubmit={onSubmit} />);

    submit();

    expect(await screen.findByText('Enter your email address')).toBeDefined();
    expect(screen.getByText('Enter your password')).toBeDefined();
    expect(screen.getByLabelText('Email address').getAttribute('aria-invalid')).toBe('true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('rejects an email address without a domain', async () => {
    const onSubmit = vi.fn(async () => {});
    render(<SignInForm onSubmit={onSubmit} />);

    fill('Email address', 'mentor@');
    fill('Password', 'DemoPassw0rd!');
    submit();

    expect(await screen.findByText(/Enter a valid email address/)).toBeDefined();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('ties the error message to its field for screen readers', async () => {
    render(<SignInForm onSubmit={vi.fn(async () => {})} />);

    submit();

    const error = await screen.findByText('Enter your password');
    expect(screen.getByLabelText('Password').getAttribute('aria-describedby')).toBe(error.id);
  });

  it('submits the trimmed email and the password', async () => {
    const onSubmit = vi.fn(async () => {});
    render(<SignInForm onSubmit={onSubmit} />);

    fill('Email address', '  mentor@example.org ');
    fill('Password', 'DemoPassw0rd!');
    submit();

    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({ email: 'mentor@example.org', password: 'DemoPassw0rd!' }),
    );
  });

  it('shows a failed sign-in as a human message', async () => {
    const wrong = Object.assign(new Error('Incorrect username or password.'), {
      name: 'NotAuthorizedException',
    });
    render(<SignInForm onSubmit={vi.fn(async () => Promise.reject(wrong))} />);

    fill('Email address', 'mentor@example.org');
    fill('Password', 'wrong');
    submit();

    expect((await screen.findByRole('alert')).textContent).toBe('Incorrect email or password.');
  });
});
