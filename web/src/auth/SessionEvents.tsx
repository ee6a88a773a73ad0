import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useNavigate } from "react-router";
import type { SessionInfo } from "../../../src/contract/users.ts";
import { api } from "../api/client.ts";
import { sessionKey } from "../api/session.ts";
import { loginPath } from "./access.ts";

/**
 * Any 401 from the API means the session is gone (idle time-out, signed out elsewhere, disabled):
 * forget the user and go to /login, coming back here after. A 403 password_change_required goes to
 * the forced change.
 */
export function SessionEvents() {
  const client = useQueryClient();
  const navigate = useNavigate();
  useEffect(() => {
    api.setEvents({
      onUnauthenticated: () => {
        const here = `${window.location.pathname}${window.location.search}`;
        if (window.location.pathname.startsWith("/login")) return;
        client.setQueryData<SessionInfo | null>(sessionKey, null);
        const path = loginPath(here);
        navigate(`${path}${path.includes("?") ? "&" : "?"}expired=1`, { replace: true });
      },
      onPasswordChangeRequired: () => {
        void client.invalidateQueries({ queryKey: sessionKey });
        const here = `${window.location.pathname}${window.location.search}`;
        navigate(`/change-password?next=${encodeURIComponent(here)}`, { replace: true });
      },
    });
    return () => api.setEvents({});
  }, [client, navigate]);
  return null;
}
