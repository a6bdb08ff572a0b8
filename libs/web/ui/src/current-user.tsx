import { createContext, useContext, type ReactNode } from 'react';
import type { Role } from '@corroborate/graphql';

/** The signed-in person, as the UI needs them. */
export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

const CurrentUserContext = createContext<CurrentUser | null>(null);

export function CurrentUserProvider({
  user,
  children,
}: {
  user: CurrentUser;
  children: ReactNode;
}) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

/** The signed-in user. Only valid below the authentication guard. */
export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (user === null) {
    throw new Error('useCurrentUser must be used below <CurrentUserProvider>.');
  }
  return user;
}

/** Whether the signed-in user has one of the given roles. */
export function useHasRole(allowed: readonly Role[]): boolean {
  const user = useContext(CurrentUserContext);
  return user !== null && allowed.includes(user.role);
}
