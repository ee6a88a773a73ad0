// Units of the quantities a plan commits to, and how a display unit splits into magnitude and base.

/** Units that count things: their number is a count, and a noun may follow (2个老年日间照料中心). */
export const COUNT_UNITS: ReadonlySet<string> = new Set([
  "个",
  "家",
  "所",
  "人",
  "户",
  "项",
  "套",
  "辆",
  "座",
  "条",
  "处",
  "名",
  "间",
  "张",
  "台",
  "场",
  "件",
  "栋",
  "幢",
  "宗",
  "份",
  "只",
  "头",
  "株",
  "棵",
  "块",
  "部",
  "盏",
  "根",
  "床位",
  "人次",
  "户次",
  "车次",
  "架次",
  "列",
  "艘",
  "架",
]);

/** Units of amounts, rates and measures. */
const MEASURE_UNITS = [
  "微克/立方米",
  "毫克/立方米",
  "毫克/升",
  "吨标准煤",
  "立方米/万元",
  "吨/万元",
  "个百分点",
  "百分点",
  "平方公里",
  "平方千米",
  "平方米",
  "立方米",
  "千瓦时",
  "千伏安",
  "标准箱",
  "标箱",
  "美元",
  "公顷",
  "公里",
  "千米",
  "千瓦",
  "千伏",
  "千克",
  "公斤",
  "马力",
  "亩",
  "吨",
  "斤",
  "克",
  "元",
  "米",
  "度",
  "岁",
  "%",
  "‰",
];

/** Every unit, longest first so that 平方公里 wins over 公里 and 个百分点 over 个. */
export const BASE_UNITS: readonly string[] = [...MEASURE_UNITS, ...COUNT_UNITS].sort(
  (a, b) => b.length - a.length,
);

export function isRateUnit(unit: string): boolean {
  return unit === "%" || unit === "‰" || unit === "个百分点" || unit === "百分点";
}

/** Units that may follow “/”, longest first (千克 before 克). */
const PER_UNITS = MEASURE_UNITS.filter((u) => !u.includes("/")).sort((a, b) => b.length - a.length);

/** The unit word that starts `text`, or null. */
export function matchBaseUnit(text: string): string | null {
  for (const unit of BASE_UNITS) {
    if (!text.startsWith(unit)) continue;
    // A measure per measure (克/千克, 毫克/千克): one unit, not a mass followed by a stray “/千克”.
    if (text[unit.length] === "/" && !unit.includes("/")) {
      const per = PER_UNITS.find((u) => text.startsWith(u, unit.length + 1));
      if (per && !COUNT_UNITS.has(unit)) return `${unit}/${per}`;
    }
    return unit;
  }
  return null;
}

// Units in English words, for an English screen or document: a person reading English sees no Chinese.
const UNIT_EN: Record<string, string> = {
  元: "yuan",
  人: "people",
  人次: "person-times",
  户: "households",
  户次: "household-times",
  家: "firms",
  个: "units",
  所: "institutions",
  项: "items",
  套: "sets",
  辆: "vehicles",
  座: "facilities",
  条: "lines",
  处: "sites",
  名: "people",
  间: "rooms",
  张: "beds",
  台: "machines",
  场: "events",
  件: "cases",
  栋: "buildings",
  幢: "buildings",
  宗: "plots",
  床位: "beds",
  吨: "t",
  吨标准煤: "tce",
  千克: "kg",
  公斤: "kg",
  克: "g",
  马力: "hp",
  平方米: "m²",
  平方公里: "km²",
  平方千米: "km²",
  立方米: "m³",
  公里: "km",
  千米: "km",
  米: "m",
  亩: "mu",
  千瓦时: "kWh",
  千瓦: "kW",
  标准箱: "TEU",
  "微克/立方米": "μg/m³",
  "毫克/立方米": "mg/m³",
  天: "days",
  年: "years",
  岁: "years",
  个百分点: "percentage points",
  百分点: "percentage points",
};

/** The unit as an English reader writes it; magnitudes (万, 亿) spelled out; unknown units as they are. */
export function unitInEnglish(unit: string): string {
  if (unit === "%" || unit === "％") return "%";
  const direct = UNIT_EN[unit];
  if (direct) return direct;
  const magnitudes: [string, string][] = [
    ["亿", "100 million "],
    ["万", "10,000 "],
    ["千", "thousand "],
  ];
  for (const [prefix, words] of magnitudes) {
    if (unit.startsWith(prefix) && UNIT_EN[unit.slice(prefix.length)]) {
      return `${words}${UNIT_EN[unit.slice(prefix.length)]}`;
    }
  }
  return unit;
}
