// The signed-in user as a TanStack Query (GET /api/auth/me), and the sign-in, sign-out and account
// mutations that change it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ChangePasswordRequest,
  LoginRequest,
  SessionInfo,
  TotpDisableRequest,
} from "../../../src/contract/users.ts";
import { api } from "./client.ts";

export const sessionKey = ["session"] as const;

/** data: the session, or null when nobody is signed in. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: api.me, staleTime: 60_000 });
}

export function useCurrentUser() {
  return useSession().data?.user ?? null;
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api.login(body),
    onSuccess: (session) => {
      // Another user's cached data must not show through.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      client.setQueryData<SessionInfo | null>(sessionKey, session);
    },
  });
}

function useEndSession(call: () => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      client.setQueryData<SessionInfo | null>(sessionKey, null);
    },
  });
}

export const useLogout = () => useEndSession(api.logout);
export const useLogoutAll = () => useEndSession(api.logoutAll);

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => api.changePassword(body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export function useTotpSetup() {
  return useMutation({ mutationFn: api.totpSetup });
}

export function useTotpToggle() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: sessionKey });
  const enable = useMutation({ mutationFn: (code: string) => api.totpEnable(code), onSuccess: refresh });
  const disable = useMutation({
    mutationFn: (body: TotpDisableRequest) => api.totpDisable(body),
    onSuccess: refresh,
  });
  return { enable, disable };
}
