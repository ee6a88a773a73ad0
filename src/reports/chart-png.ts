// Server-side charts for the Word reports: ECharts renders the option to SVG without a browser (ssr),
// and resvg turns the SVG into a PNG with the machine's fonts, so Chinese labels are drawn.

import { Resvg } from "@resvg/resvg-js";
import * as echarts from "echarts";
import type { EChartsOption } from "./report-charts.ts";

export interface ChartImage {
  png: Uint8Array;
  /** Size of the drawing in CSS pixels (the PNG is `scale` times larger). */
  width: number;
  height: number;
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

/** The chart as a PNG drawn at `scale` times its size, sharp enough to print. */
export function renderChartPng(option: EChartsOption, width: number, height: number, scale = 2): ChartImage {
  const svg = renderChartSvg(option, width, height);
  const png = new Resvg(svg, {
    background: "#ffffff",
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: "Noto Serif CJK SC" },
  })
    .render()
    .asPng();
  return { png, width, height };
}
