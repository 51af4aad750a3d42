import type { ReactNode } from 'react';

type Props = {
  title: string;
  message: ReactNode;
  onRetry?: () => void;
  /** Disables the button while a retry is in flight (a second tap would only queue another request). */
  retrying?: boolean;
  retryLabel?: string;
};

export const ErrorState = ({
  title,
  message,
  onRetry,
  retrying = false,
  retryLabel = 'Try again',
}: Props) => (
  <section className="state state--error" role="alert">
    <h2 className="state__title">{title}</h2>
    <p>{message}</p>
    {onRetry && (
      <button type="button" className="button" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Trying again…' : retryLabel}
      </button>
    )}
  </section>
);
