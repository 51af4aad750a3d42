import { ConfigError } from './config.ts';

/** Shown instead of the app when /config.json cannot be used: nothing else can work without it. */
export const ConfigErrorScreen = ({ error, onRetry }: { error: unknown; onRetry: () => void }) => {
  const message = error instanceof ConfigError ? error.message : 'The app could not start.';
  const details = error instanceof ConfigError ? error.details : [];
  return (
    <div className="auth-layout">
      <main className="auth-card">
        <p className="auth-card__product">Digital Mentorship Log</p>
        <h1 className="auth-card__title">The app could not start</h1>
        <div role="alert">
          <p>{message}</p>
          {details.length > 0 && (
            <ul className="config-errors">
              {details.map((detail) => (
                <li key={detail.path}>
                  <code>{detail.path}</code> {detail.message}
                </li>
              ))}
            </ul>
          )}
        </div>
        <p className="muted">If this keeps happening, tell your programme administrator.</p>
        <button type="button" className="button button--primary" onClick={onRetry}>
          Try again
        </button>
      </main>
    </div>
  );
};
