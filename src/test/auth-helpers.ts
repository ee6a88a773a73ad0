// Users and signed-in clients for HTTP tests: cheap password hashes (TEST_SCRYPT), a session cookie and
// the CSRF header added to every request.

import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { Kysely } from "kysely";
import type { SessionInfo } from "../contract/users.ts";
import { SYSTEM_ACTOR } from "../db/audit-repository.ts";
import type { Database, UserRole } from "../db/schema.ts";
import { insertUser } from "../db/users-repository.ts";
import { type AuthSettings, DEFAULT_AUTH_SETTINGS } from "../services/auth.ts";
import { hashPassword, TEST_SCRYPT } from "../services/password-hash.ts";

export const TEST_PASSWORD = "Test-password-1";

export const TEST_AUTH: AuthSettings = { ...DEFAULT_AUTH_SETTINGS, scrypt: TEST_SCRYPT };

export interface TestUserSpec {
  username: string;
  role: UserRole;
  regionId?: number | null;
  departmentId?: number | null;
  password?: string;
  mustChangePassword?: boolean;
}

export async function createTestUser(db: Kysely<Database>, spec: TestUserSpec): Promise<number> {
  const row = await insertUser(
    db,
    SYSTEM_ACTOR,
    {
      username: spec.username,
      displayName: spec.username,
      passwordHash: await hashPassword(spec.password ?? TEST_PASSWORD, TEST_SCRYPT),
      role: spec.role,
      regionId: spec.regionId ?? null,
      departmentId: spec.departmentId ?? null,
      mustChangePassword: spec.mustChangePassword ?? false,
    },
    new Date().toISOString(),
  );
  return row.id;
}

export interface TestClient {
  session: SessionInfo;
  cookie: string;
  inject: (options: InjectOptions) => Promise<LightMyRequestResponse>;
}

/** The session cookies of a login answer, as a Cookie header. */
export function cookiesOf(response: LightMyRequestResponse): string {
  const set = response.headers["set-cookie"];
  const list = Array.isArray(set) ? set : set ? [set] : [];
  return list.map((c) => c.split(";")[0]).join("; ");
}

export async function signIn(
  app: FastifyInstance,
  username: string,
  password: string = TEST_PASSWORD,
): Promise<TestClient> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  const session = response.json<SessionInfo>();
  const cookie = cookiesOf(response);
  return {
    session,
    cookie,
    inject: (options) =>
      app.inject({
        ...options,
        headers: { ...(options.headers ?? {}), cookie, "x-csrf-token": session.csrfToken },
      }),
  };
}
