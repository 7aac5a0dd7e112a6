import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, setCsrfToken } from '../lib/api';

export const ME_KEY = ['me'] as const;

let sessionEnded = false;
/** True when the session ended under the user's feet (not a first visit); cleared by the next sign-in. */
export const didSessionEnd = () => sessionEnded;
export const clearSessionEnded = () => {
  sessionEnded = false;
};

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { keepSessionOn401?: boolean };
  }
}

/** A 401 anywhere but the sign-in form means the session ended: drop `me` so the guards send the user to /login. */
function endSessionOn401(err: unknown) {
  if (!isApiError(err, 'UNAUTHENTICATED')) return;
  if (queryClient.getQueryData(ME_KEY)) sessionEnded = true;
  setCsrfToken(null);
  queryClient.setQueryData(ME_KEY, null);
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (err, query) => query.queryKey[0] !== ME_KEY[0] && endSessionOn401(err) }),
  mutationCache: new MutationCache({ onError: (err, _v, _c, mutation) => !mutation.meta?.keepSessionOn401 && endSessionOn401(err) }),
  defaultOptions: {
    queries: { retry: (count, err) => !isApiError(err) && count < 2, refetchOnWindowFocus: false, staleTime: 30_000 },
  },
});
