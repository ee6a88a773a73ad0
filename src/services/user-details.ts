// Reading users as views: the rows from the users repository, presented by the user presenter.

import type { Kysely } from "kysely";
import type { Database, SessionRow } from "../db/schema.ts";
import { getSessionWithUser, getUserViewRow, listUserViewRows } from "../db/users-repository.ts";
import { toUserDetail, type UserDetail } from "./user-presenter.ts";

type Db = Kysely<Database>;

export async function getUserDetail(db: Db, id: number): Promise<UserDetail | undefined> {
  const row = await getUserViewRow(db, id);
  return row ? toUserDetail(row) : undefined;
}

/** Every user, by role and then username. */
export async function listUserDetails(db: Db): Promise<UserDetail[]> {
  return (await listUserViewRows(db)).map(toUserDetail);
}

/** A session and its user's detail in one round trip: every signed-in request starts here. */
export async function findSessionWithUser(
  db: Db,
  id: string,
): Promise<{ session: SessionRow; user: UserDetail } | undefined> {
  const found = await getSessionWithUser(db, id);
  return found ? { session: found.session, user: toUserDetail(found.user) } : undefined;
}
