// Traditional-script (繁體) texts: the rules are written with simplified characters, so the reading
// copy folds a small set of traditional characters — those of the units, magnitudes, markers,
// headings and keywords the rules match — one character for one, which keeps every offset as it
// was. What the draft shows (subjects, display values, the title) is turned back into the
// document's own script.

/** Pairs of traditional → simplified characters, in the order of the words that need them. */
const PAIRS =
  // magnitudes, numerals and units: 萬 億 兩 個 項 戶 噸 畝 頃 輛 條 處 間 張 場 臺 棟 隻 頭 塊 盞 點 歲 屆 號 線 時 週 後 紀
  "萬万億亿兩两個个項项戶户噸吨畝亩頃顷輛辆條条處处間间張张場场臺台棟栋隻只頭头塊块盞盏點点歲岁屆届號号線线時时週周後后紀纪" +
  // comparators, verbs and tense markers: 增長 達到 超過 不低於 以內 約 實現 累計 已經 預計 力爭 確保 計劃 目標 預期 將 擬
  "長长達达過过於于內内約约實实現现計计經经預预爭争確确劃划標标將将擬拟減减壓压縮缩節节穩稳復复複复啟启創创擴扩盤盘開开" +
  "進进動动務务舉举堅坚戰战設设築筑轉转積积淨净脫脱貧贫籌筹簽签繕缮應应會会議议聯联據据數数單单雙双體体係系餘余" +
  // subjects and headings: 總額 產量 稅收 投資 貿易 業 區 縣 鎮 鄉 國 報告 農 續 規劃 綱要 發展 回顧 執行情況 成績 基礎 規模 佔比 漲幅
  "總总額额產产稅税資资幣币貿贸業业區区縣县鎮镇鄉乡國国報报農农續续規规綱纲發发顧顾執执況况績绩礎础佔占漲涨貨货電电銷销營营" +
  "勞劳製制氣气車车醫医學学園园廠厂網网綠绿蓋盖環环別别邊边辦办員员門门與与為为對对這这從从來来並并們们還还該该給给讓让裡里裏里準准範范" +
  // quotation marks of Traditional typesetting
  "「“」”『‘』’";

const TO_SIMPLIFIED = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) TO_SIMPLIFIED.set(PAIRS[i] as string, PAIRS[i + 1] as string);
const SIMPLIFIED = new Set(TO_SIMPLIFIED.values());

/** The simplified form of one character when it is one of the set, else the character. */
export function simplify(ch: string): string {
  return TO_SIMPLIFIED.get(ch) ?? ch;
}

/**
 * Learns, while a document is folded, how to turn its folded characters back: 万 → 萬 when the
 * document wrote 萬 and never 万 itself (a text mixing both scripts keeps the simplified one).
 */
export function scriptRecorder(): {
  see: (original: string, folded: string) => void;
  restore: () => Map<string, string>;
} {
  const back = new Map<string, string>();
  const native = new Set<string>();
  return {
    see(original, folded) {
      // Only script folds are turned back: full-width digits and punctuation stay as the reading copy has them.
      if (original !== folded && simplify(original) === folded) {
        if (!back.has(folded)) back.set(folded, original);
      } else if (SIMPLIFIED.has(original)) native.add(original);
    },
    restore() {
      for (const s of native) back.delete(s);
      return back;
    },
  };
}

/** A string of the reading copy in the document's own script. */
export function restoreScript(s: string, back: ReadonlyMap<string, string>): string {
  if (back.size === 0) return s;
  let out = "";
  for (const ch of s) out += back.get(ch) ?? ch;
  return out;
}
