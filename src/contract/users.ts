// Users, sessions, departments and regions. Part of the API contract: pure types shared by the server, the CLI and the web app.

// ── Who may do what (issue 4): users, sign-in, administration, audit ──────────────────────────

export type Role = "admin" | "planner" | "reporter" | "leader";

export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionId: number | null;
  regionName: string | null;
  departmentId: number | null;
  departmentName: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
}

/** POST /api/auth/login. `totp` only when the account has a second factor. */
export interface LoginRequest {
  username: string;
  password: string;
  totp?: string;
}

/**
 * 200 from POST /api/auth/login and GET /api/auth/me. The session travels in an HttpOnly cookie;
 * `csrfToken` (also in the readable cookie `plantrack_csrf`) must be sent back in the header
 * `x-csrf-token` on every POST/PATCH/PUT/DELETE made with the cookie.
 */
export interface SessionInfo {
  user: CurrentUser;
  csrfToken: string;
  /** ISO time at which the session ends if idle. */
  idleExpiresAt: string;
}

/** POST /api/auth/password (also the forced change at first sign-in). */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** POST /api/auth/totp/setup → the secret to put in an authenticator app; then POST /api/auth/totp/enable { code }. */
export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionId: number | null;
  regionName: string | null;
  departmentId: number | null;
  departmentName: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  lockedUntil: string | null;
  lastSignInAt: string | null;
  createdAt: string;
}

/** POST /api/admin/users. With no password a random one is made and returned once. */
export interface CreateUserRequest {
  username: string;
  displayName?: string;
  role: Role;
  regionId?: number | null;
  departmentId?: number | null;
  password?: string;
}

/** PATCH /api/admin/users/:id */
export interface UpdateUserRequest {
  displayName?: string;
  role?: Role;
  regionId?: number | null;
  departmentId?: number | null;
  disabled?: boolean;
}

/** 200 from POST /api/admin/users and POST /api/admin/users/:id/reset-password: shown once. */
export interface UserWithPassword {
  user: UserView;
  password: string;
}

export interface DepartmentView {
  id: number;
  regionId: number;
  regionName: string;
  name: string;
  shortName: string | null;
  /** Added: the full name (天津市南开区人力资源和社会保障局). */
  fullName: string | null;
  /** Added: a disabled department keeps its history but gets no new users. */
  disabled: boolean;
  userCount: number;
}

export interface RegionView {
  id: number;
  name: string;
  code: string;
  parentId: number | null;
}

// ── Added with the server side of issue 4 ─────────────────────────────────────────────────────
// Errors of sign-in and access, by code: unauthenticated 401 (no session, wrong name or password),
// totp_required 401 (password right, give `totp`), locked 423 (5 failed sign-ins: 15 minutes;
// details.lockedUntil), rate_limited 429 (details.retryAfterSeconds), password_change_required 403,
// csrf 403, forbidden 403. POST /api/auth/logout and /logout-all answer 204 with no body.

/** POST /api/auth/totp/enable */
export interface TotpCodeRequest {
  code: string;
}

/** POST /api/auth/totp/disable: a current code or the password. */
export interface TotpDisableRequest {
  code?: string;
  currentPassword?: string;
}

/** POST /api/admin/users/:id/reset-password (body optional). */
export interface ResetPasswordRequest {
  /** Also remove the second factor (the user lost the authenticator). */
  clearTotp?: boolean;
}

/** POST /api/admin/departments */
export interface CreateDepartmentRequest {
  regionId: number;
  name: string;
  shortName?: string | null;
  fullName?: string | null;
}

/** PATCH /api/admin/departments/:id */
export interface UpdateDepartmentRequest {
  name?: string;
  shortName?: string | null;
  fullName?: string | null;
  disabled?: boolean;
}
