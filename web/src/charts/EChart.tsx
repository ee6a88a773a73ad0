// One ECharts canvas, with only the charts and components the cockpit uses registered (echarts/core),
// so the bundle carries bar, gauge and line and nothing else. Sized by its box (fixed height: no layout
// shift), redrawn when the box resizes; `data-drawn` is set once the chart has finished drawing.
import { BarChart, GaugeChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { type ECharts, type EChartsCoreOption, init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

use([BarChart, GaugeChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartClick {
  dataIndex: number;
  name: string;
  data: unknown;
  seriesIndex: number;
}

interface Props {
  option: EChartsCoreOption;
  height: number;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  label: string;
  onClick?: (click: ChartClick) => void;
  testId?: string;
}

export function EChart({ option, height, label, onClick, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = init(el, undefined, { renderer: "canvas" });
    chart.current = instance;
    instance.on("click", (p) => {
      clickRef.current?.({
        dataIndex: p.dataIndex,
        name: p.name,
        data: p.data,
        seriesIndex: p.seriesIndex ?? 0,
      });
    });
    instance.on("finished", () => {
      el.dataset.drawn = "true";
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={box}
      className="echart"
      style={{ height, cursor: onClick ? "pointer" : undefined }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
