import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type {
  LoginBody,
  LoginReply,
  PasswordChangeBody,
  SessionReply,
} from '../../../src/modules/access/access.schema.ts';
import { ApiError, api, setCsrfToken } from './client.ts';

/**
 * Who is signed in, as `GET /api/auth/session` answers: each role with the place it applies to (a
 * facility for station staff, an area for managers).
 */
export type Session = SessionReply;

const SESSION_KEY = ['session'] as const;

/** The session, or null when nobody is signed in (a 401 is an answer here, not an error). */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<Session | null> => {
      try {
        const session = await api.get<Session>('/auth/session');
        setCsrfToken(session.csrfToken);
        return session;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw err;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/**
 * The session the signed-in shell was drawn for. A context, not the query: when the session ends,
 * App swaps the shell for the sign-in page, and the screens inside must not render once more
 * with no session before they go.
 */
export const SignedInSession = createContext<Session | null>(null);

/** The signed-in session; only for screens inside the signed-in shell. */
export function useSignedIn(): Session {
  const session = useContext(SignedInSession);
  if (!session) throw new Error('useSignedIn outside the signed-in shell');
  return session;
}

export function can(session: Session | null | undefined, permission: string | undefined): boolean {
  if (!permission) return true;
  return session?.permissions.includes(permission) ?? false;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<LoginReply>('/auth/login', body),
    onSuccess: async (reply) => {
      setCsrfToken(reply.csrfToken);
      // Nothing read by a previous user may linger; the session query refetches as it is on screen.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      await queryClient.resetQueries({ queryKey: SESSION_KEY });
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    // The screen clears at once, not when the server answers: on a slow line a shared phone must not
    // keep showing health data after the tap. The request is built (CSRF token included) before
    // the session is forgotten, so the server still ends it.
    mutationFn: async () => {
      const ended = api.post<void>('/auth/logout');
      forgetSession(queryClient);
      await ended;
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordChangeBody) => api.post<void>('/auth/password', body),
    // The server ends the other sessions; this one stays, with a fresh CSRF token.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

/** When the API says the session ended, forget it so the shell shows the sign-in page. */
export function forgetSession(queryClient: ReturnType<typeof useQueryClient>): void {
  setCsrfToken(null);
  queryClient.setQueryData(SESSION_KEY, null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
}
