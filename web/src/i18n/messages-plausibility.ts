// Strings of the plausibility warnings (issue 14): the report form's confirmation of a figure the
// server found implausible, and the review desk's list of what the reporter confirmed. zh-CN is the
// reference; en-US must have the same keys (the type below enforces it), and both are spread into
// messages.ts.

export const plausibilityZhCN = {
  "plaus.title": "请核对填报值",
  "plaus.intro": "系统认为该数值可能有误。如确认无误，请说明理由后再次提交：",
  "plaus.introDraft": "系统认为该数值可能有误。如确认无误，请说明理由后再次保存：",
  "plaus.needsProblems": "累计值低于上期：请先在“存在问题”中写明下降的原因。",
  "plaus.reason": "确认理由",
  "plaus.reasonPlaceholder": "例如：统计口径调整，已与统计月报核对",
  "plaus.reasonRequired": "请写明数值为何无误（“无”“没有”“暂无”“同上”“-”不是理由）",
  "plaus.problemsRequired": "请写明累计值下降的原因（“无”“没有”“暂无”“同上”“-”不是原因）",
  "plaus.confirmSubmit": "确认无误并提交",
  "plaus.confirmDraft": "确认无误并保存草稿",
  "plaus.confirmed": "已确认数值无误：{reason}",
  "plaus.reviewTitle": "填报单位已确认的提示",
  "plaus.reviewReason": "确认理由：{reason}",
};

export const plausibilityEnUS: Record<keyof typeof plausibilityZhCN, string> = {
  "plaus.title": "Check the value",
  "plaus.intro": "The value may be wrong. If it is right, give the reason and submit again:",
  "plaus.introDraft": "The value may be wrong. If it is right, give the reason and save again:",
  "plaus.needsProblems":
    "The cumulative value is below last period's: first give the reason for the fall under problems.",
  "plaus.reason": "Reason for confirming",
  "plaus.reasonPlaceholder": "e.g. the statistics were redefined; checked against the monthly bulletin",
  "plaus.reasonRequired": "Say why the value is right (“none”, “same as above” or “-” is no reason)",
  "plaus.problemsRequired": "Say why the cumulative value fell (“none”, “same as above” or “-” is no reason)",
  "plaus.confirmSubmit": "Confirm and submit",
  "plaus.confirmDraft": "Confirm and save the draft",
  "plaus.confirmed": "Value confirmed: {reason}",
  "plaus.reviewTitle": "Warnings the department confirmed",
  "plaus.reviewReason": "Reason: {reason}",
};
