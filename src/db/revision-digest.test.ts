// The digest of a report revision (bound into the audit chain) covers the plausibility warnings a
// reporter confirmed (migration 0011) and leaves the digests of older revisions, which have none, as
// they were.

import { describe, expect, it } from "vitest";
import { revisionDigest } from "./audit-hash.ts";

const row = {
  id: 7,
  report_id: 3,
  revision: 1,
  value: 1.06e12,
  percent: null,
  status_word: null,
  progress: "按计划推进",
  problems: "",
  next_steps: "",
  state: "submitted",
  return_reason: null,
  author_id: 5,
  created_at: "2020-05-04T08:00:00.000Z",
};
const warnings = JSON.stringify([
  {
    rule: "ratio_to_target",
    numbers: { value: 1.06e12, target: 1.06e10, ratio: 100 },
    message: { zh: "请核对单位", en: "check the unit" },
    reason: "统计口径调整",
  },
]);

describe("the digest of a revision", () => {
  it("is the same for a revision without warnings as before the column existed", () => {
    expect(revisionDigest({ ...row, warnings: null })).toBe(revisionDigest(row));
  });

  it("changes with the confirmed warnings and their reason", () => {
    const with1 = revisionDigest({ ...row, warnings });
    expect(with1).not.toBe(revisionDigest(row));
    expect(revisionDigest({ ...row, warnings: warnings.replace("统计口径调整", "无") })).not.toBe(with1);
  });
});
