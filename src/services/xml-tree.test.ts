import { describe, expect, it } from "vitest";
import { expandDeltas, resolveOfdPath } from "./read-ofd.ts";
import { checkXmlDepth, descendants, parseXml, textOf } from "./xml-tree.ts";

describe("parseXml", () => {
  it("read elements without their prefixes, attributes, entities and CDATA", () => {
    const root = parseXml(
      '<?xml version="1.0"?><!-- c --><ofd:Page xmlns:ofd="x"><ofd:TextCode X="1" Y=\'2\' note="a>b">A&amp;B &#x4e00;<![CDATA[<c>]]></ofd:TextCode></ofd:Page>',
      "t.xml",
    );
    expect(root.name).toBe("Page");
    const code = descendants(root, "TextCode")[0];
    expect(code?.attrs).toMatchObject({ X: "1", Y: "2", note: "a>b" });
    expect(code && textOf(code)).toBe("A&B 一<c>");
  });

  it("refuse malformed and too deeply nested XML, and never expand a DTD's entities", () => {
    expect(() => parseXml("<a><b></a>", "t.xml")).toThrow(/mismatched|不匹配/);
    const deep = `${"<a>".repeat(300)}${"</a>".repeat(300)}`;
    expect(() => parseXml(deep, "t.xml")).toThrow(/256/);
    expect(() => checkXmlDepth(deep, "t.xml")).toThrow(/256/);
    expect(() => checkXmlDepth(`<w:body>${"<w:p/>".repeat(1000)}</w:body>`, "t.xml")).not.toThrow();
    const laughs = '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;&a;</x>';
    expect(textOf(parseXml(laughs, "t.xml"))).toBe("&a;&a;");
  });
});

describe("OFD helpers", () => {
  it("resolve paths against the naming file's folder, or the package root", () => {
    expect(resolveOfdPath("OFD.xml", "Doc_0/Document.xml")).toBe("Doc_0/Document.xml");
    expect(resolveOfdPath("Doc_0/Document.xml", "Pages/Page_0/Content.xml")).toBe(
      "Doc_0/Pages/Page_0/Content.xml",
    );
    expect(resolveOfdPath("Doc_0/Document.xml", "/Doc_0/Pages/P1.xml")).toBe("Doc_0/Pages/P1.xml");
    expect(resolveOfdPath("Doc_0/Document.xml", "../Res/a.xml")).toBe("Res/a.xml");
  });

  it("expand DeltaX with its g N D repeats", () => {
    expect(expandDeltas("g 3 3.5 1 2")).toEqual([3.5, 3.5, 3.5, 1, 2]);
    expect(expandDeltas(undefined)).toEqual([]);
  });
});
