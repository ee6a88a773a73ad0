// Strings of the public plan list and of making a plan public.
// zh-CN is the reference; en-US must have the same keys (the type below enforces it), and both are
// spread into messages.ts.

export const publicZhCN = {
  "public.title": "公开的计划",
  "public.intro": "以下计划已由计划编制部门公开，任何人无需登录即可查看。",
  "public.empty": "目前没有公开的计划。",
  "public.loadError": "无法加载公开的计划",
  "public.notFound": "计划 #{id} 不存在或未公开。",
  "public.toggle": "公开",
  "public.toggleHint": "公开后，任何人无需登录即可在 /public/plans/{id} 查看该计划的指标和责任单位。",
  "public.draftHint": "计划发布后才能公开。",
  "public.madePublic": "计划已公开",
  "public.madePrivate": "计划已取消公开",
  "public.failed": "操作失败：{message}",
  "public.openLink": "查看公开页面",
  "public.targetsOf": "{count} 个指标",
  "public.col.subject": "指标",
  "public.col.value": "目标",
  "public.col.lead": "牵头单位",
  "public.col.co": "配合单位",
  "public.col.due": "完成时限",
  "public.other": "其他指标",
  "public.readonlyNote": "只读",
} satisfies Record<string, string>;

export const publicEnUS: Record<keyof typeof publicZhCN, string> = {
  "public.title": "Public plans",
  "public.intro": "The planning office has made these plans public: anyone can read them without signing in.",
  "public.empty": "No plan is public yet.",
  "public.loadError": "Cannot load the public plans",
  "public.notFound": "Plan #{id} does not exist or is not public.",
  "public.toggle": "Public",
  "public.toggleHint":
    "When public, anyone can read the plan's targets and departments at /public/plans/{id} without signing in.",
  "public.draftHint": "A plan can be made public once it is published.",
  "public.madePublic": "The plan is public",
  "public.madePrivate": "The plan is no longer public",
  "public.failed": "Failed: {message}",
  "public.openLink": "Open the public page",
  "public.targetsOf": "{count} targets",
  "public.col.subject": "Target",
  "public.col.value": "Value",
  "public.col.lead": "Lead department",
  "public.col.co": "Co-operating",
  "public.col.due": "Due",
  "public.other": "Other targets",
  "public.readonlyNote": "Read only",
};
