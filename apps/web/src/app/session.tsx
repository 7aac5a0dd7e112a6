import { LoginInput, MeDto, OkBody, type Ability, type Locale } from '@linli/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { api, isApiError, setCsrfToken } from '../lib/api';
import { readStoredLocale } from './i18n/translate';
import { clearSessionEnded, ME_KEY, queryClient } from './query-client';

async function fetchMe(): Promise<MeDto | null> {
  try {
    const me = await api.get('/api/me', MeDto);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (!isApiError(err, 'UNAUTHENTICATED')) throw err;
    setCsrfToken(null);
    return null;
  }
}

/** The signed-in user, or null when there is no session. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: false });
}

export const SessionContext = createContext<MeDto | null>(null);

/** The current user inside the guarded part of the app. */
export function useSession(): MeDto {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside a signed-in route');
  return me;
}

export function useCan(ability: Ability): boolean {
  return useSession().abilities.includes(ability);
}

export function saveLocale(locale: Locale): Promise<unknown> {
  return api.put('/api/me/locale', { locale }, OkBody);
}

export function useSignIn(adoptLocale: (saved: Locale | null) => void) {
  return useMutation({
    meta: { keepSessionOn401: true },
    mutationFn: (input: LoginInput) => api.post('/api/auth/login', input, MeDto),
    onSuccess: async (me) => {
      setCsrfToken(me.csrfToken);
      clearSessionEnded();
      queryClient.setQueryData(ME_KEY, me);
      const chosen = readStoredLocale();
      adoptLocale(me.user.locale);
      // The device choice applies either way; the saved copy only matters on other devices.
      if (chosen && chosen !== me.user.locale) await saveLocale(chosen).catch(() => undefined);
    },
  });
}

export function useSignOut() {
  return useMutation({
    mutationFn: () => api.post('/api/auth/logout', {}, OkBody),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, null);
    },
  });
}
