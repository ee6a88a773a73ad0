import { Button, Empty, Tree, type TreeDataNode } from "antd";
import { type Key, useEffect, useMemo, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ancestorIds, nodeLabel, type OutlineTree } from "./model.ts";

interface Props {
  tree: OutlineTree;
  selectedId: number | null;
  onSelect: (id: number | null) => void;
}

/** The plan's structure: sections, areas, groups and tasks, with the number of targets under each. */
export function OutlinePanel({ tree, selectedId, onSelect }: Props) {
  const { t } = useI18n();

  const data = useMemo<TreeDataNode[]>(() => {
    const build = (nodes: typeof tree.roots): TreeDataNode[] =>
      nodes.map((node) => {
        const count = tree.targetCount.get(node.id) ?? 0;
        const children = tree.children.get(node.id) ?? [];
        return {
          key: node.id,
          title: (
            <span className={`outline-node outline-${node.kind}`} title={node.title || node.text}>
              <span className="outline-label">{nodeLabel(node)}</span>
              {count > 0 ? (
                <span className="outline-count" title={t("outline.targetsCount", { count })}>
                  {count}
                </span>
              ) : null}
            </span>
          ),
          isLeaf: children.length === 0,
          children: children.length > 0 ? build(children) : undefined,
        };
      });
    return build(tree.roots);
  }, [tree, t]);

  // Sections and areas open; groups closed, so the first screen shows the plan's shape.
  const [expanded, setExpanded] = useState<Key[]>(() =>
    [...tree.byId.values()].filter((n) => n.kind === "section" || n.kind === "area").map((n) => n.id),
  );

  // A node chosen elsewhere (or a target's task) must be visible in the tree.
  useEffect(() => {
    if (selectedId === null) return;
    const up = ancestorIds(tree, selectedId);
    setExpanded((keys) => {
      const missing = up.filter((id) => !keys.includes(id));
      return missing.length > 0 ? [...keys, ...missing] : keys;
    });
  }, [selectedId, tree]);

  return (
    <div className="outline-panel">
      <div className="panel-head">
        <h2 className="panel-title">{t("outline.title")}</h2>
        {selectedId !== null ? (
          <Button size="small" type="link" onClick={() => onSelect(null)}>
            {t("outline.showAll")}
          </Button>
        ) : null}
      </div>
      <div className="panel-body" data-testid="outline-tree">
        {data.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("outline.empty")} />
        ) : (
          <Tree
            blockNode
            treeData={data}
            expandedKeys={expanded}
            onExpand={(keys) => setExpanded(keys)}
            selectedKeys={selectedId === null ? [] : [selectedId]}
            onSelect={(keys) => onSelect(keys.length > 0 ? Number(keys[0]) : null)}
          />
        )}
      </div>
    </div>
  );
}
