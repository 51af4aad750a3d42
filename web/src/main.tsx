import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { ConfigErrorScreen } from './app/ConfigErrorScreen.tsx';
import { loadConfig } from './app/config.ts';
import { configureAmplify } from './auth/amplify.ts';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { PageErrorFallback } from './components/PageErrorFallback.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

/** Config first: the API URL and the user pool come from /config.json, so one build serves every stage. */
const start = async () => {
  try {
    const config = await loadConfig();
    configureAmplify(config);
    root.render(
      <StrictMode>
        <ErrorBoundary fallback={PageErrorFallback}>
          <App config={config} />
        </ErrorBoundary>
      </StrictMode>,
    );
  } catch (error) {
    root.render(<ConfigErrorScreen error={error} onRetry={() => void start()} />);
  }
};

void start();
