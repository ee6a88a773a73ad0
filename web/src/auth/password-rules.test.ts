import fc from "fast-check";
import { describe, expect, it } from "vitest";
// The server's own rules, to check that the two agree (a test import: nothing of src/ is bundled).
import { passwordProblems } from "../../../src/domain/password-rules.ts";
import { characterClasses, checkPassword } from "./password-rules.ts";

const failing = (password: string, username = "planner") =>
  checkPassword(password, username)
    .rules.filter((r) => !r.ok)
    .map((r) => r.id);

describe("password rules", () => {
  it("accepts ten characters of three classes that do not hold the user name", () => {
    expect(checkPassword("Spring2026go", "planner").ok).toBe(true);
    expect(checkPassword("abc-def-123", "planner").ok).toBe(true);
  });

  it("says which rule fails", () => {
    expect(failing("Ab1!")).toEqual(["length"]);
    expect(failing("abcdefghijkl")).toEqual(["classes"]);
    expect(failing("abcdefghij12")).toEqual(["classes"]);
    expect(failing("Planner2026!")).toEqual(["username"]);
    expect(failing("xxPLANNER-1x")).toEqual(["username"]);
    expect(failing("")).toEqual(["length", "classes", "username"]);
  });

  it("counts code points, and letters beyond ASCII as symbols, as the server does", () => {
    expect(checkPassword("计划跟踪系统很好用啊", "a").length).toBe(10);
    expect([...characterClasses("计划Ab")].sort()).toEqual(["lower", "other", "upper"]);
    expect([...characterClasses("ÄäB1")].sort()).toEqual(["digit", "other", "upper"]);
    expect(failing("x".repeat(150) + "A1".repeat(30))).toEqual(["maxLength"]);
  });

  it("ignores a user name of fewer than three characters", () => {
    expect(checkPassword("Spring2026go", "  ").ok).toBe(true);
    expect(checkPassword("Spring2026go", "go").ok).toBe(true);
  });

  it("agrees with the server on any password", () => {
    const names = fc.constantFrom("admin", "planner", "Go", "李四", "abc");
    const pieces = fc.constantFrom("a", "B", "7", "-", "计", "admin", "PLANNER", "abc", "Ä", " ");
    const passwords = fc.oneof(
      fc.string({ maxLength: 24, unit: "binary" }),
      fc.array(pieces, { maxLength: 16 }).map((p) => p.join("")),
    );
    fc.assert(
      fc.property(passwords, names, (pw, name) => {
        expect(checkPassword(pw, name).ok).toBe(passwordProblems(pw, name).length === 0);
      }),
      { numRuns: 2000 },
    );
  });

  it("never passes a password shorter than ten characters", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 9, unit: "binary" }), (pw) => {
        expect(checkPassword(pw, "u").ok).toBe(false);
      }),
    );
  });
});
