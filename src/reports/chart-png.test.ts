// Chart fonts are found once per process, and the PNG drawn with only those files is the one resvg
// draws with every system font loaded: the same pixels, the Chinese labels included.

import { spawnSync } from "node:child_process";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import {
  chartFontFiles,
  chartFontLookups,
  drawChartPng,
  renderChartPng,
  renderChartSvg,
} from "./chart-png.ts";
import { statusRows } from "./progress-model.ts";
import { CHART_SIZE, statusCountOption } from "./report-charts.ts";

const hasFontconfig = spawnSync("sh", ["-c", "command -v fc-match"]).status === 0;
const skipReason = hasFontconfig ? "" : " (skipped: fontconfig not installed — apt-get install fontconfig)";

const option = (done: number) =>
  statusCountOption(
    statusRows({
      counts: { completed: done, on_track: 5, behind: 2, far_behind: 1, not_reported: 0, not_started: 1 },
      total: done + 9,
      completionIndex: 0.5,
    } as Parameters<typeof statusRows>[0]),
  );

describe("chart PNGs", () => {
  it.skipIf(skipReason !== "")(`look the fonts up once, however many charts are drawn${skipReason}`, () => {
    for (let i = 1; i <= 3; i++) renderChartPng(option(i), CHART_SIZE.width, 300);
    const files = chartFontFiles();
    expect(files?.length ?? 0).toBeGreaterThan(0);
    expect(chartFontFiles()).toBe(files);
    expect(chartFontLookups()).toBe(1);
  });

  it.skipIf(skipReason !== "")(`draw the same pixels as resvg with every system font${skipReason}`, () => {
    const svg = renderChartSvg(option(4), CHART_SIZE.width, 300);
    const everyFont = new Resvg(svg, {
      background: "#ffffff",
      fitTo: { mode: "zoom", value: 2 },
      font: { loadSystemFonts: true, defaultFontFamily: "Noto Serif CJK SC" },
    })
      .render()
      .asPng();
    const ours = drawChartPng(option(4), CHART_SIZE.width, 300).png;
    expect(Buffer.from(ours).equals(Buffer.from(everyFont))).toBe(true);
    // Remembered: the same chart again is the same PNG, and a different one is not.
    expect(renderChartPng(option(4), CHART_SIZE.width, 300).png).toEqual(ours);
    expect(Buffer.from(renderChartPng(option(5), CHART_SIZE.width, 300).png).equals(Buffer.from(ours))).toBe(
      false,
    );
  });
});
