import type { ReactNode } from 'react';

/** The signed-out shell: the product name and one card (sign-in, set password). */
export const AuthLayout = ({ title, children }: { title: string; children: ReactNode }) => (
  <div className="auth-layout">
    <main className="auth-card">
      <p className="auth-card__product">Digital Mentorship Log</p>
      <h1 className="auth-card__title">{title}</h1>
      {children}
    </main>
  </div>
);
