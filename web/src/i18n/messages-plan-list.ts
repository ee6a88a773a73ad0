// Strings of the plan list and the import of a plan document.
// zh-CN is the reference; en-US must have the same keys (the type below enforces it), and both are
// spread into messages.ts.

export const planListZhCN = {
  "plans.title": "计划列表",
  "plans.intro": "导入的计划文档经自动识别后以草稿保存，核对无误后发布执行。",
  "plans.col.title": "计划名称",
  "plans.col.region": "地区",
  "plans.col.year": "年度",
  "plans.col.state": "状态",
  "plans.col.areas": "领域",
  "plans.col.groups": "任务组",
  "plans.col.tasks": "任务",
  "plans.col.targets": "指标",
  "plans.col.milestones": "里程碑",
  "plans.col.items": "项目/地块",
  "plans.col.importedAt": "导入时间",
  "plans.empty": "还没有计划。点击右上角“导入计划文档”，上传 .txt、.html 或 .docx 格式的计划文本。",
  "plans.loadError": "无法加载计划列表",
  "plans.count": "共 {count} 个计划",
  "plans.noFile": "无原文件",
  "plans.sameText": "同一文本 {count} 份",
  "plans.sameTextHint": "与计划 {ids} 由同一文本导入（文件格式、编码或排版可能不同）",

  "import.button": "导入计划文档",
  "import.hint":
    "支持 .txt（UTF-8 或 GBK）、.html/.htm、.mht、.docx、.doc、.wps、.pdf（含文字层）、.ofd，不超过 20 MB",
  "import.uploading": "正在导入 {name}…",
  "import.success": "已导入“{title}”：{targets} 个指标、{milestones} 个里程碑、{tasks} 项任务",
  "import.successNoTitle": "已导入 {name}",
  "import.failed": "导入失败：{message}",
  "import.conflictTitle": "该文档已经导入过",
  "import.conflictBody": "“{name}”与已有计划的原文相同。再次导入将创建第二个计划，是否继续？",
  "import.conflictOk": "再次导入",
  "import.open": "打开",
} satisfies Record<string, string>;

export const planListEnUS: Record<keyof typeof planListZhCN, string> = {
  "plans.title": "Plans",
  "plans.intro":
    "An imported plan document is read automatically and kept as a draft; publish it once checked.",
  "plans.col.title": "Title",
  "plans.col.region": "Region",
  "plans.col.year": "Year",
  "plans.col.state": "State",
  "plans.col.areas": "Areas",
  "plans.col.groups": "Groups",
  "plans.col.tasks": "Tasks",
  "plans.col.targets": "Targets",
  "plans.col.milestones": "Milestones",
  "plans.col.items": "Items",
  "plans.col.importedAt": "Imported",
  "plans.empty":
    "No plans yet. Use “Import plan document” at the top right to upload a plan as .txt, .html or .docx.",
  "plans.loadError": "Cannot load the plans",
  "plans.count": "{count} plans",
  "plans.noFile": "no source file",
  "plans.sameText": "same text ×{count}",
  "plans.sameTextHint":
    "Imported from the same text as plan {ids} (the file's format, encoding or layout may differ)",

  "import.button": "Import plan document",
  "import.hint":
    ".txt (UTF-8 or GBK), .html/.htm, .mht, .docx, .doc, .wps, .pdf (with a text layer) or .ofd, up to 20 MB",
  "import.uploading": "Importing {name}…",
  "import.success": "Imported “{title}”: {targets} targets, {milestones} milestones, {tasks} tasks",
  "import.successNoTitle": "Imported {name}",
  "import.failed": "Import failed: {message}",
  "import.conflictTitle": "This document was imported before",
  "import.conflictBody": "“{name}” has the same text as an existing plan. Import it again as a second plan?",
  "import.conflictOk": "Import again",
  "import.open": "Open",
};
