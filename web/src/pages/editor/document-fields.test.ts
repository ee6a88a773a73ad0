import { describe, expect, it } from "vitest";
import { fromDocumentValues, toDocumentValues } from "./DocumentFields.tsx";

describe("the 公文 frame in the settings form", () => {
  it("splits 抄送机关 at 、 and commas, and sends empty fields as null (the server's default)", () => {
    const sent = fromDocumentValues({
      issuerMark: "",
      redHeader: true,
      docNumber: " 南发改〔2020〕12号 ",
      signer: "",
      recipient: "区人民政府",
      cc: "区委办公室、区人大常委会办公室，区政协办公室",
      issuer: "",
    });
    expect(sent).toEqual({
      issuerMark: null,
      redHeader: true,
      docNumber: "南发改〔2020〕12号",
      signer: null,
      recipient: "区人民政府",
      cc: ["区委办公室", "区人大常委会办公室", "区政协办公室"],
      issuer: null,
    });
    expect(toDocumentValues(sent).cc).toBe("区委办公室、区人大常委会办公室、区政协办公室");
  });
});
