// Server-side charts for the Word reports: ECharts renders the option to SVG without a browser (ssr),
// and resvg turns the SVG into a PNG with the machine's fonts, so Chinese labels are drawn.
//
// Fonts are looked up once per process: resvg told to load the system fonts scans and parses every
// font file of the machine on each render (a CJK .ttc is tens of megabytes), which cost more than the
// chart itself. The few files the charts' families resolve to are found once (fontconfig) and only
// they are handed to resvg. resvg (native, 2.6) still reads those files on each render and keeps no
// font database between renders, so a drawn chart is also remembered by its option and size: the same
// figures exported again (the office downloads a report more than once) are not drawn again.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { Resvg } from "@resvg/resvg-js";
import * as echarts from "echarts";
import type { EChartsOption } from "./report-charts.ts";

export interface ChartImage {
  png: Uint8Array;
  /** Size of the drawing in CSS pixels (the PNG is `scale` times larger). */
  width: number;
  height: number;
}

/** The families the charts name (report-charts.ts), regular and bold, and the generic fall-backs. */
const CHART_FAMILIES = ["Noto Serif CJK SC", "仿宋_GB2312", "serif", "sans-serif"];
const DEFAULT_FAMILY = "Noto Serif CJK SC";

let fontFiles: readonly string[] | null | undefined;
let lookups = 0;

/**
 * The font files the charts draw with, found once per process; null where fontconfig is missing
 * (resvg then loads the system fonts itself, on every render).
 */
export function chartFontFiles(): readonly string[] | null {
  if (fontFiles !== undefined) return fontFiles;
  lookups++;
  const files = new Set<string>();
  for (const family of CHART_FAMILIES)
    for (const style of ["", ":bold"]) {
      const out = spawnSync("fc-match", ["-f", "%{file}", `${family}${style}`], { encoding: "utf8" });
      if (out.status === 0 && out.stdout.trim() !== "") files.add(out.stdout.trim());
    }
  fontFiles = files.size > 0 ? [...files] : null;
  return fontFiles;
}

/** How many times this process looked the fonts up: 1 after any number of charts. */
export function chartFontLookups(): number {
  return lookups;
}

export function renderChartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * The last charts drawn, by their option, size and scale (not by the SVG: ECharts numbers its clip
 * paths afresh each time): a few dozen kilobytes each, the oldest dropped first.
 */
const drawn = new Map<string, Uint8Array>();
const DRAWN_MAX = 32;

/** The chart as a PNG drawn at `scale` times its size, sharp enough to print. */
export function renderChartPng(option: EChartsOption, width: number, height: number, scale = 2): ChartImage {
  // A formatter may be a function: its source keys it, as JSON would drop it.
  const json = JSON.stringify(option, (_, v: unknown) => (typeof v === "function" ? `fn:${String(v)}` : v));
  const key = `${width}x${height}@${scale}:${createHash("sha256").update(json).digest("hex")}`;
  const known = drawn.get(key);
  if (known) {
    drawn.delete(key);
    drawn.set(key, known);
    return { png: known, width, height };
  }
  const png = drawPng(renderChartSvg(option, width, height), scale);
  drawn.set(key, png);
  if (drawn.size > DRAWN_MAX) drawn.delete(drawn.keys().next().value as string);
  return { png, width, height };
}

/** The chart drawn afresh, never from the memory of charts drawn (what the bench times). */
export function drawChartPng(option: EChartsOption, width: number, height: number, scale = 2): ChartImage {
  return { png: drawPng(renderChartSvg(option, width, height), scale), width, height };
}

function drawPng(svg: string, scale: number): Uint8Array {
  const files = chartFontFiles();
  return new Resvg(svg, {
    background: "#ffffff",
    fitTo: { mode: "zoom", value: scale },
    font: files
      ? { loadSystemFonts: false, fontFiles: [...files], defaultFontFamily: DEFAULT_FAMILY }
      : { loadSystemFonts: true, defaultFontFamily: DEFAULT_FAMILY },
  })
    .render()
    .asPng();
}
