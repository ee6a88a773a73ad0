import { describe, expect, it } from "vitest";
import { characterClasses, passwordProblems } from "./password-rules.ts";

describe("password rules", () => {
  it("count the four classes", () => {
    expect(characterClasses("abc")).toBe(1);
    expect(characterClasses("aB3")).toBe(3);
    expect(characterClasses("aB3-")).toBe(4);
    expect(characterClasses("密码abc123")).toBe(3);
  });

  it("accept ten characters of three classes that are not the user name", () => {
    expect(passwordProblems("Nankai-2020", "planner")).toEqual([]);
    expect(passwordProblems("abcdefgh12", "x")).toEqual(["too_few_classes"]);
    expect(passwordProblems("abcdefghiJ1", "x")).toEqual([]);
    expect(passwordProblems("abcdefghij12-", "x")).toEqual([]);
  });

  it("refuse short, two-class and user-name passwords, naming every rule broken", () => {
    expect(passwordProblems("Ab1-", "x")).toEqual(["too_short"]);
    expect(passwordProblems("abcdefghijk", "x")).toEqual(["too_few_classes"]);
    expect(passwordProblems("ab1", "x")).toEqual(["too_short", "too_few_classes"]);
    expect(passwordProblems("Planner-2020", "planner")).toEqual(["contains_username"]);
    expect(passwordProblems(`${"x".repeat(201)}A1`, "x")).toContain("too_long");
  });
});
