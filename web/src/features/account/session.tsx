// Who is signed in. The session itself is a server-side cookie; this keeps the user and
// the CSRF token for the pages, and returns to the login page when the server ends it.
// A user whose password an administrator set must change it first (mustChangePassword):
// the routes send them to the password page until they have.

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { Session, SessionUser } from '../../../../src/contract/account.schemas.ts';
import type { Role } from '../../../../src/contract/labels.ts';
import {
  api,
  ApiError,
  get,
  put,
  setCsrfToken,
  whenPasswordChangeRequired,
  whenSignedOut,
} from '@shared/api-client.ts';
import type { PasswordBody } from '../../../../src/contract/account.schemas.ts';

interface SessionState {
  user: SessionUser | null;
  loading: boolean;
  /** Why the last session ended (SESSION_EXPIRED ...), for the login page to say. */
  endedBecause: string | null;
  /** Signs in; answers the user, who may have to change the password first. */
  login(username: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
  /** Changes the password, then reads the session again (no change is asked any more). */
  changePassword(current: string, next: string): Promise<void>;
  hasRole(...roles: readonly Role[]): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [loading, setLoading] = useState(true);
  const [endedBecause, setEndedBecause] = useState<string | null>(null);

  const accept = (session: Session) => {
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    setEndedBecause(null);
  };

  useEffect(() => {
    whenSignedOut((code) => {
      setCsrfToken(null);
      setUser(null);
      setEndedBecause(code);
    });
    // The server asks for the change (an administrator reset the password meanwhile).
    whenPasswordChangeRequired(() =>
      setUser((u) => (u && !u.mustChangePassword ? { ...u, mustChangePassword: true } : u)),
    );
    get<Session>('/api/v1/session')
      .then(accept)
      .catch((e: unknown) => {
        if (!(e instanceof ApiError)) throw e;
      })
      .finally(() => setLoading(false));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const session = await api<Session>('POST', '/api/v1/session', { username, password });
    accept(session);
    return session.user;
  }, []);

  const changePassword = useCallback(async (current: string, next: string) => {
    const body: PasswordBody = { current, next };
    await put<void>('/api/v1/session/password', body);
    accept(await get<Session>('/api/v1/session'));
  }, []);

  const logout = useCallback(async () => {
    await api('DELETE', '/api/v1/session').catch(() => undefined);
    setCsrfToken(null);
    setUser(null);
  }, []);

  const value = useMemo<SessionState>(
    () => ({
      user,
      loading,
      endedBecause,
      login,
      logout,
      changePassword,
      hasRole: (...roles) => !!user && roles.some((r) => user.roles.includes(r)),
    }),
    [user, loading, endedBecause, login, logout, changePassword],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
