import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider, notifyManager } from '@tanstack/react-query';
import { ApiError } from './api/client.ts';
import './i18n/index.ts';
import './styles.css';
import { Root } from './shell/Root.tsx';

// Query results reach components in a microtask rather than a setTimeout(0): data fetched while a
// screen rendered is then shown in the same task as the screen's commit, not a frame later.
notifyManager.setScheduler(queueMicrotask);

// The data file can fail its background integrity check while the app runs: the next call then
// answers RECOVERY_REQUIRED, and a fresh status switches the window to the recovery screen.
const onError = (error: Error) => {
  if (error instanceof ApiError && error.code === 'RECOVERY_REQUIRED')
    void queryClient.invalidateQueries({ queryKey: ['system', 'status'] });
};
const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
    mutations: { retry: false },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <Root />
    </QueryClientProvider>
  </StrictMode>,
);
