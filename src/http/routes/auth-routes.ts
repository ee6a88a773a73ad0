import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { AppError } from "../../domain/app-error.ts";
import {
  changeOwnPassword,
  currentUserOf,
  disableTotp,
  enableTotp,
  login,
  logout,
  logoutEverywhere,
  sessionInfo,
  setupTotp,
} from "../../services/auth.ts";
import { clearSessionCookies, setSessionCookies, wantsSecureCookies } from "../cookies.ts";
import {
  changePasswordSchema,
  loginSchema,
  logoutAllSchema,
  logoutSchema,
  meSchema,
  totpDisableSchema,
  totpEnableSchema,
  totpSetupSchema,
} from "./auth-schemas.ts";
import { actorOf, type RouteDeps, sessionOf } from "./route-deps.ts";

export const authRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db, auth } = deps;

  app.post("/api/auth/login", { schema: loginSchema }, async (request, reply) => {
    const nowMs = auth.now().getTime();
    const username = request.body.username.trim().toLowerCase();
    const wait = Math.max(
      deps.loginLimiters.perIp.hit(request.ip, nowMs),
      deps.loginLimiters.perUsername.hit(username, nowMs),
    );
    if (wait > 0) {
      reply.header("retry-after", String(wait));
      throw new AppError(
        "rate_limited",
        {
          zh: `登录尝试过于频繁，请 ${wait} 秒后再试`,
          en: `too many sign-in attempts: try again in ${wait} s`,
        },
        { retryAfterSeconds: wait },
      );
    }
    const session = await login(db, auth, request.body, {
      ip: request.ip,
      userAgent: request.headers["user-agent"] ?? null,
    });
    setSessionCookies(reply, session, {
      secure: wantsSecureCookies(request, deps.secureCookies),
      maxAgeSeconds: auth.absoluteHours * 3600,
    });
    return sessionInfo(session);
  });

  app.post("/api/auth/logout", { schema: logoutSchema }, async (request, reply) => {
    await logout(db, actorOf(request), sessionOf(request), auth.now());
    clearSessionCookies(reply, wantsSecureCookies(request, deps.secureCookies));
    return reply.status(204).send(null);
  });

  app.post("/api/auth/logout-all", { schema: logoutAllSchema }, async (request, reply) => {
    await logoutEverywhere(db, actorOf(request), sessionOf(request), auth.now());
    clearSessionCookies(reply, wantsSecureCookies(request, deps.secureCookies));
    return reply.status(204).send(null);
  });

  app.get("/api/auth/me", { schema: meSchema }, async (request) => sessionInfo(sessionOf(request)));

  app.post("/api/auth/password", { schema: changePasswordSchema }, async (request) => {
    const session = sessionOf(request);
    const user = await changeOwnPassword(db, auth, actorOf(request), session, request.body);
    return sessionInfo({ ...session, user });
  });

  app.post("/api/auth/totp/setup", { schema: totpSetupSchema }, async (request) =>
    setupTotp(db, auth, actorOf(request), sessionOf(request)),
  );

  app.post("/api/auth/totp/enable", { schema: totpEnableSchema }, async (request) =>
    currentUserOf(await enableTotp(db, auth, actorOf(request), sessionOf(request), request.body.code)),
  );

  app.post("/api/auth/totp/disable", { schema: totpDisableSchema }, async (request) =>
    currentUserOf(await disableTotp(db, auth, actorOf(request), sessionOf(request), request.body)),
  );
};
