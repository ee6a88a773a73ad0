// Page furniture: what a web page puts around a document (dates of the visit, site maps, ICP
// numbers, copyright lines, bylines). It is never outline, task or target.

const FURNITURE = [
  /^今天是/,
  /网站地图|关于我们|联系我们|隐私声明|网站建设|网站标识码|ICP备|ICP证|公网安备|网安备|主办单位|承办单位|技术支持|版权所有|Copyright|All Rights Reserved|©/i,
  /版权声明|转载或复制|本文来自|更多原创资讯|请下载|扫一扫|分享到|打印本页|关闭窗口|【字体|字号[:：]?[大中小]/,
  /^(?:来源|发布时间|时间|作者|编辑|责任编辑|审核|采写|记者|通讯员|关键词|标签|浏览次数|点击数)[:：]/,
  /^[(（](?:图侵删|资料图|图片来源[^)）]*|记者[^)）]*|融媒体中心记者[^)）]*)[)）]$/,
  /^(?:\|\s*)+/,
  /^[\d\s|·]{1,8}$/,
  /^(?:采写|记者|编辑)[:：\s]/,
];

export function isFurniture(line: string): boolean {
  const t = line.trim();
  if (t === "") return true;
  return FURNITURE.some((re) => re.test(t));
}
