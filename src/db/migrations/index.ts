// Every migration, by name, in the order they run. A static list (not a directory scan) so that the
// set is the same under tsx, a bundler and the tests. Add a module here when you add a file.

import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001-initial.ts";
import * as m0002 from "./0002-auth.ts";
import * as m0003 from "./0003-reporting.ts";
import * as m0004 from "./0004-links-attachments.ts";
import * as m0005 from "./0005-write-path.ts";
import * as m0006 from "./0006-audit-integrity.ts";
import * as m0007 from "./0007-tasks.ts";
import * as m0009 from "./0009-reminder-channels.ts";
import * as m0010 from "./0010-target-stop.ts";
import * as m0011 from "./0011-plausibility.ts";
import * as m0012 from "./0012-target-attributes.ts";
import * as m0013 from "./0013-five-year.ts";

export const MIGRATIONS: Record<string, Migration> = {
  "0001-initial": m0001,
  "0002-auth": m0002,
  "0003-reporting": m0003,
  "0004-links-attachments": m0004,
  "0005-write-path": m0005,
  "0006-audit-integrity": m0006,
  "0007-tasks": m0007,
  "0009-reminder-channels": m0009,
  "0010-target-stop": m0010,
  "0011-plausibility": m0011,
  "0012-target-attributes": m0012,
  "0013-five-year": m0013,
};

export const staticMigrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
