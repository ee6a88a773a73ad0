import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reminderText } from "../domain/reminder-text.ts";
import {
  mailBody,
  mailSubject,
  type RobotPeer,
  type SmtpPeer,
  startRobotPeer,
  startSmtpPeer,
} from "../test/reminder-peers.ts";
import {
  channelAddressProblem,
  deliverOn,
  dingtalkSignedUrl,
  type WebhookPayload,
} from "./reminder-delivery.ts";

const text = reminderText({
  lang: "zh",
  level: "yellow",
  planTitle: "南开区2020年国民经济和社会发展计划",
  departmentName: "区商务局",
  items: [
    { subject: "社会消费品零售总额增长5%", period: "2020-04", dueDate: "2020-05-05", state: "overdue" },
    { subject: "新增市场主体", period: "2020-Q1", dueDate: "2020-04-05", state: "returned" },
  ],
  daysToDue: -6,
});

const webhook: WebhookPayload = {
  type: "plantrack.reminder",
  reminderId: 7,
  level: "yellow",
  plan: { id: 1, title: "南开区2020年国民经济和社会发展计划" },
  department: { id: 3, name: "区商务局" },
  subject: text.subject,
  message: text.text,
  sentAt: "2020-05-11T01:00:00.000Z",
  overdue: [],
};

let smtp: SmtpPeer;
let robots: RobotPeer;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  robots = await startRobotPeer();
});

afterAll(async () => {
  await smtp.close();
  await robots.close();
});

describe("the words of a reminder", () => {
  it("are Chinese throughout in Chinese, with periods and dates as offices write them", () => {
    expect(text.subject).toBe("【黄牌警示】南开区2020年国民经济和社会发展计划");
    expect(text.text).toContain("区商务局：《南开区2020年国民经济和社会发展计划》有2项进展逾期未报");
    expect(text.text).toContain("2020年4月");
    expect(text.text).toContain("2020年第一季度");
    expect(text.text).toContain("2020年5月5日");
    expect(text.text).not.toMatch(/[A-Za-z]/);
    expect(text.text).not.toMatch(/\d{4}-(\d{2}|Q\d)/);
  });

  it("are English throughout in English", () => {
    const en = reminderText({
      lang: "en",
      level: "reminder",
      planTitle: "Plan",
      departmentName: "Commerce",
      items: [{ subject: "Retail sales", period: "2020-04", dueDate: "2020-05-05", state: "due" }],
      daysToDue: 3,
    });
    expect(en.subject).toBe("[Reminder] Plan");
    expect(en.text).toContain("due in 3 days");
    expect(en.text).toContain("April 2020");
    expect(en.text).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("e-mail over SMTP", () => {
  it("reaches a real SMTP server with a Chinese subject and body", async () => {
    const outcome = await deliverOn(
      { kind: "email", address: "sw@nankai.example", secret: null },
      text,
      webhook,
      {
        smtp: { url: smtp.url, from: "区发改委 <fgw@nankai.example>" },
      },
    );
    expect(outcome).toEqual({ ok: true });
    const mail = smtp.mails.at(-1);
    expect(mail?.to).toEqual(["sw@nankai.example"]);
    expect(mail?.from).toBe("fgw@nankai.example");
    expect(mailSubject(mail?.raw ?? "")).toBe("【黄牌警示】南开区2020年国民经济和社会发展计划");
    expect(mailBody(mail?.raw ?? "")).toContain("有2项进展逾期未报");
  });

  it("says why when SMTP is not configured or the server is not there", async () => {
    const none = await deliverOn({ kind: "email", address: "a@b.example", secret: null }, text, webhook, {});
    expect(none.ok).toBe(false);
    const down = await deliverOn({ kind: "email", address: "a@b.example", secret: null }, text, webhook, {
      smtp: { url: "smtp://127.0.0.1:1", from: "x@y.example" },
      timeoutMs: 2000,
    });
    expect(down.ok).toBe(false);
  });
});

describe("the group robots", () => {
  it("企业微信: a markdown message in the documented shape", async () => {
    const outcome = await deliverOn(
      { kind: "wecom", address: `${robots.base}/cgi-bin/webhook/send?key=abc`, secret: null },
      text,
      webhook,
    );
    expect(outcome).toEqual({ ok: true });
    const request = robots.requests.at(-1);
    expect(request?.path).toBe("/cgi-bin/webhook/send");
    expect(request?.query.get("key")).toBe("abc");
    expect(request?.body).toEqual({ msgtype: "markdown", markdown: { content: text.markdown } });
  });

  it("钉钉: a markdown message, signed (加签) when the robot has a secret", async () => {
    const outcome = await deliverOn(
      {
        kind: "dingtalk",
        address: `${robots.base}/robot/send?access_token=t0k`,
        secret: robots.dingtalkSecret,
      },
      text,
      webhook,
    );
    expect(outcome).toEqual({ ok: true });
    const request = robots.requests.at(-1);
    expect(request?.query.get("access_token")).toBe("t0k");
    expect(request?.query.get("timestamp")).toMatch(/^\d{13}$/);
    expect(request?.body).toEqual({
      msgtype: "markdown",
      markdown: { title: text.subject, text: text.markdown },
      at: { isAtAll: false },
    });
  });

  it("a robot's refusal (HTTP 200 with an errcode) is a failure, with the code", async () => {
    const outcome = await deliverOn(
      { kind: "dingtalk", address: `${robots.base}/robot/send?access_token=t0k`, secret: "wrong" },
      text,
      webhook,
    );
    expect(outcome).toEqual({ ok: false, error: "errcode 310000: refused" });
  });

  it("the signature follows 钉钉's documented recipe", () => {
    // HmacSHA256("SEC…", "1700000000000\nSEC…") in base64, URL-encoded.
    const url = dingtalkSignedUrl(
      "https://oapi.dingtalk.com/robot/send?access_token=x",
      "SECabc",
      1700000000000,
    );
    expect(url).toMatch(
      /^https:\/\/oapi\.dingtalk\.com\/robot\/send\?access_token=x&timestamp=1700000000000&sign=/,
    );
    expect(decodeURIComponent(url.split("sign=")[1] ?? "")).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it("the generic webhook gets the JSON of today", async () => {
    const outcome = await deliverOn(
      { kind: "webhook", address: `${robots.base}/hook`, secret: null },
      text,
      webhook,
    );
    expect(outcome).toEqual({ ok: true });
    expect(robots.requests.at(-1)?.body).toEqual(webhook);
  });
});

describe("addresses", () => {
  it("are checked for their kind", () => {
    expect(channelAddressProblem("email", "sw@nankai.example")).toBeNull();
    expect(channelAddressProblem("email", "not mail")?.zh).toContain("电子邮件地址无效");
    expect(channelAddressProblem("wecom", "ftp://x")?.en).toContain("http");
    expect(
      channelAddressProblem("dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=1"),
    ).toBeNull();
  });
});
