import { describe, expect, it } from "vitest";
import { htmlToText, looksLikeHtml } from "./html-to-text.ts";

describe("htmlToText", () => {
  it("drop head, scripts, styles and comments and keep the visible text", () => {
    const html = `<!DOCTYPE html><html><head><title>标题</title><style>p{color:red}</style>
      <script>var a = "<p>不显示</p>";</script></head>
      <body><!-- 注释 --><p>地区生产总值增长5%。</p><noscript>请启用脚本</noscript></body></html>`;
    expect(htmlToText(html)).toBe("地区生产总值增长5%。");
  });

  it("make paragraphs and headings blank-line separated, <br> and <div> line breaks", () => {
    const html = "<h2>一、主要预期指标</h2><p>第一段</p><p>第二段<br>续行</p><div>块一</div><div>块二</div>";
    expect(htmlToText(html)).toBe("一、主要预期指标\n\n第一段\n\n第二段\n续行\n\n块一\n块二");
  });

  it("collapse source white space like a browser, and trim lines", () => {
    const html = "<p>  地区生产总值\n   增长5%，  </p>\n\n<p>\t一般公共预算收入增长5%</p>";
    expect(htmlToText(html)).toBe("地区生产总值 增长5%，\n\n一般公共预算收入增长5%");
  });

  it("decode named and numeric entities; keep unknown ones and bare ampersands", () => {
    expect(htmlToText("<p>&ldquo;131&rdquo;工程&nbsp;&#20013;&#x6587; AT&T &foo; &lt;b&gt;</p>")).toBe(
      "\u201c131\u201d工程 中文 AT&T &foo; <b>",
    );
  });

  it("separate table cells by tabs and rows by lines", () => {
    const html = "<table><tr><th>指标</th><th>目标</th></tr><tr><td>GDP</td><td>5%</td></tr></table>";
    expect(htmlToText(html)).toBe("指标\t目标\nGDP\t5%");
  });

  it("survive '>' inside attributes and unclosed scripts", () => {
    expect(htmlToText('<p title="a>b">正文</p>')).toBe("正文");
    expect(htmlToText("<p>正文</p><script>never closed")).toBe("正文");
  });

  it("recognise an HTML document", () => {
    expect(looksLikeHtml("<!DOCTYPE html>\n<html>")).toBe(true);
    expect(looksLikeHtml("  <html lang=zh>")).toBe(true);
    expect(looksLikeHtml("南开区2020年计划 <b>")).toBe(false);
  });
});
