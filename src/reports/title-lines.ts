// A 公文 title over several lines (GB/T 9704-2012 7.3.1: 回行时词意完整、排列对称、长短适宜): broken only
// where a phrase ends — after the region, the year, the plan's name, the period — never inside a number
// or a period such as “1—9月”, and chosen so that the lines are as even as the width allows.

/** Width in title characters: a CJK character or a dash is one, a digit or Latin letter half. */
export function titleWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return w;
}

/** Where a phrase of a title ends: the break goes after the match. */
const PHRASE_END =
  /(?:关于|(?<=[\u4e00-\u9fa5])(?:省|市|区|县|旗|州|盟)(?=\d|[\u4e00-\u9fa5]{2})|\d{4}年(?!\d)|(?:计划|规划|纲要|方案|草案)(?!草案|纲要)|执行情况|(?:\d{1,2}[—-]\d{1,2}|前三季度|上半年|全年)月?(?=执行|完成|工作))/g;

function breakPoints(text: string): number[] {
  const out = new Set<number>();
  for (const m of text.matchAll(PHRASE_END)) {
    const at = (m.index ?? 0) + m[0].length;
    if (at > 0 && at < text.length) out.add(at);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * The title's lines for a line of `perLine` characters: one line when it fits; otherwise the fewest
 * lines, broken at phrase ends, with the longest line as short as it can be. A title with no usable
 * phrase end is left to the renderer (one string).
 */
export function titleLines(text: string, perLine: number): string[] {
  if (titleWidth(text) <= perLine) return [text];
  const points = breakPoints(text);
  let best: { lines: string[]; longest: number } | null = null;
  // Titles are short: trying every set of up to two breaks is cheap and finds the most even lines.
  const consider = (cuts: number[]) => {
    const bounds = [0, ...cuts, text.length];
    const lines = bounds.slice(1).map((end, i) => text.slice(bounds[i], end));
    const longest = Math.max(...lines.map(titleWidth));
    if (longest > perLine) return;
    const better =
      best === null ||
      lines.length < best.lines.length ||
      (lines.length === best.lines.length && longest < best.longest);
    if (better) best = { lines, longest };
  };
  for (const a of points) consider([a]);
  if (best === null) for (const a of points) for (const b of points) if (b > a) consider([a, b]);
  return best === null ? greedyLines(text, perLine) : (best as { lines: string[] }).lines;
}

/** No phrase end serves: full lines, each break moved back off a number, a period or a dash. */
function greedyLines(text: string, perLine: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (titleWidth(rest) > perLine) {
    let cut = 0;
    let w = 0;
    for (const ch of rest) {
      w += titleWidth(ch);
      if (w > perLine) break;
      cut += ch.length;
    }
    while (cut > 1 && /[\d—\-年月]/.test(rest[cut] ?? "") && /[\d—-]/.test(rest[cut - 1] ?? "")) cut--;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  lines.push(rest);
  return lines;
}
