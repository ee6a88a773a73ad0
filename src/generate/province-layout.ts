// A province of made-up but plausible plan data for load tests and demonstrations (plantrack generate):
// regions with GB/T 2260 codes, departments, one plan per region with areas, groups, tasks, items and
// targets of every kind, comparator and direction the monitoring rules know, and reports by month with
// their revisions — on time and late, approved, returned, resubmitted, waiting, drafts, missing.
// Pure and deterministic: the same options give the same rows, plan by plan, so a province of millions
// of reports is produced one plan at a time without holding it all in memory.

import { pad, pick, type Random, randomFrom, streamSeed } from "./random.ts";

export interface GeneratorOptions {
  /** Districts and counties (区/县); cities and the province come on top. */
  regions: number;
  /** Targets per plan. */
  targets: number;
  /** Months of the year reported (1–12). */
  months: number;
  seed: number;
  year: number;
  /** Two digits: the province part of every code (44 → 440000). */
  provinceCode: string;
}

export const GENERATOR_LIMITS = {
  regions: { min: 1, max: 2000 },
  targets: { min: 4, max: 5000 },
  months: { min: 1, max: 12 },
  year: { min: 2000, max: 2100 },
} as const;

/** Counties per city: a GB/T 2260 city holds districts 01–20 and counties 21–80. */
const COUNTIES_PER_CITY = 10;

// ── Regions and departments ──────────────────────────────────────────────────────────────────────

export type RegionLevel = "province" | "city" | "county";

export interface GenRegion {
  /** Position in `regions`, parents first. */
  key: number;
  code: string;
  name: string;
  level: RegionLevel;
  parentKey: number | null;
}

export interface GenDepartment {
  key: number;
  regionKey: number;
  name: string;
  fullName: string;
  ord: number;
}

export type GenRole = "planner" | "leader" | "reporter";

export interface GenUser {
  username: string;
  displayName: string;
  role: GenRole;
  regionKey: number | null;
  departmentKey: number | null;
}

export interface ProvinceLayout {
  regions: GenRegion[];
  departments: GenDepartment[];
  users: GenUser[];
}

export const PLACE_FIRST = "东西南北安宁永兴和平清河阳春江海云山长乐新华丰泰嘉德宝龙金石".split("");
export const PLACE_SECOND = "城川源湖州岭林台阳浦田溪宁安丰江平".split("");
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高".split("");
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华".split("");

/** The departments every government has, by the short names plans use (区人社局). */
export const DEPARTMENTS: readonly { short: string; full: string }[] = [
  { short: "发改委", full: "发展和改革委员会" },
  { short: "统计局", full: "统计局" },
  { short: "财政局", full: "财政局" },
  { short: "商务局", full: "商务局" },
  { short: "科技局", full: "科学技术局" },
  { short: "工信局", full: "工业和信息化局" },
  { short: "人社局", full: "人力资源和社会保障局" },
  { short: "教育局", full: "教育局" },
  { short: "卫健委", full: "卫生健康委员会" },
  { short: "住建委", full: "住房和城乡建设委员会" },
  { short: "生态环境局", full: "生态环境局" },
  { short: "民政局", full: "民政局" },
];

const LEVEL_PREFIX: Record<RegionLevel, string> = { province: "省", city: "市", county: "区" };

function placeName(index: number): string {
  // Two characters from two lists: 30 × 16 different names before any repeats; the code disambiguates.
  const a = PLACE_FIRST[index % PLACE_FIRST.length] as string;
  const b = PLACE_SECOND[Math.floor(index / PLACE_FIRST.length) % PLACE_SECOND.length] as string;
  return `${a}${b}`;
}

function personName(rnd: Random): string {
  return `${pick(rnd, SURNAMES)}${pick(rnd, GIVEN)}${rnd() < 0.5 ? pick(rnd, GIVEN) : ""}`;
}

/** The province, its cities (ten counties each) and the counties, with departments and users. */
export function provinceLayout(options: GeneratorOptions): ProvinceLayout {
  const rnd = randomFrom(streamSeed(options.seed, 0));
  const p = options.provinceCode;
  const regions: GenRegion[] = [
    { key: 0, code: `${p}0000`, name: "示范省", level: "province", parentKey: null },
  ];
  const cities = Math.ceil(options.regions / COUNTIES_PER_CITY);
  let countyIndex = 0;
  for (let c = 1; c <= cities; c++) {
    const cityKey = regions.length;
    regions.push({
      key: cityKey,
      code: `${p}${pad(c)}00`,
      name: `${placeName(c - 1)}市`,
      level: "city",
      parentKey: 0,
    });
    const here = Math.min(COUNTIES_PER_CITY, options.regions - countyIndex);
    for (let k = 0; k < here; k++) {
      // GB/T 2260: 01–20 are a city's districts (区), 21–80 its counties (县).
      const district = k < 4;
      const code = `${p}${pad(c)}${district ? pad(k + 2) : pad(21 + k - 4)}`;
      const name = `${placeName(countyIndex + 7 * c)}${district ? "区" : "县"}`;
      regions.push({ key: regions.length, code, name, level: "county", parentKey: cityKey });
      countyIndex++;
    }
  }
  const departments: GenDepartment[] = [];
  const users: GenUser[] = [];
  for (const region of regions) {
    const prefix =
      region.level === "county" ? (region.name.endsWith("县") ? "县" : "区") : LEVEL_PREFIX[region.level];
    DEPARTMENTS.forEach((d, ord) => {
      const key = departments.length;
      departments.push({
        key,
        regionKey: region.key,
        name: `${prefix}${d.short}`,
        fullName: `${region.name}${d.full}`,
        ord,
      });
      users.push({
        username: `g${region.code}-d${pad(ord)}`,
        displayName: personName(rnd),
        role: "reporter",
        regionKey: region.key,
        departmentKey: key,
      });
    });
    users.push({
      username: `g${region.code}-planner`,
      displayName: personName(rnd),
      role: "planner",
      regionKey: region.key,
      departmentKey: null,
    });
    users.push({
      username: `g${region.code}-leader`,
      displayName: personName(rnd),
      role: "leader",
      regionKey: region.key,
      departmentKey: null,
    });
  }
  return { regions, departments, users };
}

// ── One plan ─────────────────────────────────────────────────────────────────────────────────────
