// The one escape for text that ECharts puts into HTML: a tooltip formatter returns markup, and the
// names in it (areas, departments, targets, units) come from plans and from the people who edit them,
// so `<img onerror=…>` in a department's name must arrive as text. Canvas text (axis labels, bar
// labels, the gauge) is drawn, not parsed, and is not escaped: it would show “&lt;” literally.

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** The text with every character that HTML would read as markup written as an entity. */
export function escapeHtml(text: unknown): string {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
