// Who is signed in. The session itself is a server-side cookie; this keeps the user and
// the CSRF token for the pages, and returns to the login page when the server ends it.

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
import { api, ApiError, get, setCsrfToken, whenSignedOut } from '@shared/api-client.ts';

interface SessionState {
  user: SessionUser | null;
  loading: boolean;
  /** Why the last session ended (SESSION_EXPIRED ...), for the login page to say. */
  endedBecause: string | null;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
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
    get<Session>('/api/v1/session')
      .then(accept)
      .catch((e: unknown) => {
        if (!(e instanceof ApiError)) throw e;
      })
      .finally(() => setLoading(false));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    accept(await api<Session>('POST', '/api/v1/session', { username, password }));
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
      hasRole: (...roles) => !!user && roles.some((r) => user.roles.includes(r)),
    }),
    [user, loading, endedBecause, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
