import { Table } from "antd";
import { useParams } from "react-router";
import type { TargetStatusView } from "../../../../src/contract/status.ts";
import { useCockpit } from "../../api/cockpit-queries.ts";

/**
 * The web bench's baseline (bench/web-bench.ts), built only when VITE_PLANTRACK_BENCH=1: the same
 * cockpit answer shown as a bare antd Table, no charts. The cockpit's cost is measured against it.
 */
export function CockpitBaselinePage() {
  const planId = Number(useParams().id);
  const cockpit = useCockpit(planId, null);
  const rows = cockpit.data?.targets ?? [];
  return (
    <div className="page-scroll" data-testid="baseline-page" data-drawn={cockpit.data ? "true" : undefined}>
      <Table<TargetStatusView>
        size="small"
        rowKey="targetId"
        loading={!cockpit.data}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: "指标", dataIndex: "subject" },
          { title: "目标", dataIndex: "display" },
          { title: "状态", key: "status", render: (_, r) => r.evaluation.statusWord.zh },
        ]}
      />
    </div>
  );
}
