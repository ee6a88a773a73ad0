// User rows as the API and the session show them (src/contract/users.ts): the one place a user row
// becomes a view. Pure: the caller reads the row (with its region and department names).

import type { UserView } from "../contract/users.ts";
import type { UserViewRow } from "../db/users-repository.ts";

export interface UserDetail extends UserView {
  /** A reporter's department's region (null for other roles). */
  departmentRegionId: number | null;
}

export function toUserDetail(row: UserViewRow): UserDetail {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name ?? row.username,
    role: row.role,
    regionId: row.region_id,
    regionName: row.region_name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    totpEnabled: row.totp_enabled === 1,
    lockedUntil: row.locked_until,
    lastSignInAt: row.last_login_at,
    createdAt: row.created_at,
    departmentRegionId: row.department_region_id,
  };
}

/** What the admin API shows of a user: the detail without what only the access rules need. */
export function toUserView(user: UserDetail): UserView {
  const { departmentRegionId: _r, ...view } = user;
  return view;
}
