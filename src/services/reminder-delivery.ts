// Sending one reminder on one channel: e-mail over SMTP (nodemailer), the 企业微信 and 钉钉 group robots
// in their documented webhook JSON (钉钉's 加签 signature when the robot has a secret), and the generic
// webhook. Each send either goes or says why not in one line; retrying is the scheduler's business.

import { createHmac } from "node:crypto";
import nodemailer from "nodemailer";
import type { ChannelKind } from "../db/schema.ts";
import type { ReminderText } from "../domain/reminder-text.ts";

export interface ChannelAddress {
  kind: ChannelKind;
  /** An e-mail address, or a robot's or webhook's URL. */
  address: string;
  secret: string | null;
}

export interface SmtpSettings {
  /** smtp://user:pass@host:port or smtps://… (PLANTRACK_SMTP_URL). */
  url: string;
  /** The sender (PLANTRACK_SMTP_FROM), e.g. "区发改委 <fgw@example.gov.cn>". */
  from: string;
}

/** SMTP from the environment: PLANTRACK_SMTP_URL (smtp[s]://user:pass@host:port) and PLANTRACK_SMTP_FROM. */
export function smtpFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpSettings | null {
  const url = env.PLANTRACK_SMTP_URL?.trim();
  if (!url) return null;
  return { url, from: env.PLANTRACK_SMTP_FROM?.trim() || "PlanTrack <plantrack@localhost>" };
}

export interface DeliveryDeps {
  smtp?: SmtpSettings | null;
  fetchImpl?: typeof fetch;
  /** Milliseconds since the epoch, for 钉钉's signature. */
  now?: () => number;
  timeoutMs?: number;
}

/** The generic webhook's body: the message and what it is about, for a system of the office's own. */
export interface WebhookPayload {
  type: "plantrack.reminder";
  reminderId: number;
  level: string;
  plan: { id: number; title: string };
  department: { id: number; name: string };
  subject: string;
  message: string;
  sentAt: string;
  overdue: { subject: string; period: string; dueDate: string }[];
}

export type DeliveryOutcome = { ok: true } | { ok: false; error: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** 钉钉 加签: base64(HmacSHA256(secret, timestamp + "\n" + secret)), URL-encoded, with the timestamp. */
export function dingtalkSignedUrl(url: string, secret: string, timestamp: number): string {
  const sign = createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
  const joiner = url.includes("?") ? "&" : "?";
  return `${url}${joiner}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
}

/** 企业微信 group robot: POST {msgtype: markdown, markdown: {content}}; the answer's errcode 0 means sent. */
export function wecomBody(text: ReminderText): { msgtype: "markdown"; markdown: { content: string } } {
  // 企业微信 limits a markdown message to 4096 bytes.
  return { msgtype: "markdown", markdown: { content: cutToBytes(text.markdown, 4096) } };
}

/** 钉钉 group robot: POST {msgtype: markdown, markdown: {title, text}}; errcode 0 means sent. */
export function dingtalkBody(text: ReminderText): {
  msgtype: "markdown";
  markdown: { title: string; text: string };
  at: { isAtAll: false };
} {
  return {
    msgtype: "markdown",
    markdown: { title: text.subject, text: text.markdown },
    at: { isAtAll: false },
  };
}

function cutToBytes(text: string, bytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= bytes) return text;
  let out = "";
  let used = 0;
  for (const ch of text) {
    const n = encoder.encode(ch).length;
    if (used + n > bytes - 3) break;
    out += ch;
    used += n;
  }
  return `${out}…`;
}

async function postJson(
  url: string,
  body: unknown,
  deps: DeliveryDeps,
  robot: boolean,
): Promise<DeliveryOutcome> {
  const fetchImpl = deps.fetchImpl ?? fetch;
  try {
    const response = await fetchImpl(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(deps.timeoutMs ?? 5000),
    });
    if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
    if (!robot) return { ok: true };
    // The robots answer 200 with an error code in the body when they refuse (bad key, bad signature).
    const answer = (await response.json().catch(() => null)) as { errcode?: number; errmsg?: string } | null;
    if (answer?.errcode !== 0) {
      return { ok: false, error: `errcode ${answer?.errcode ?? "?"}: ${answer?.errmsg ?? "no answer"}` };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, error: message(error) };
  }
}

async function sendEmail(to: string, text: ReminderText, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  if (!deps.smtp) return { ok: false, error: "SMTP is not configured (PLANTRACK_SMTP_URL)" };
  try {
    const url = new URL(deps.smtp.url);
    const secure = url.protocol === "smtps:";
    const timeout = deps.timeoutMs ?? 10_000;
    const transport = nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...(url.username
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    try {
      await transport.sendMail({ from: deps.smtp.from, to, subject: text.subject, text: text.text });
    } finally {
      transport.close();
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, error: message(error) };
  }
}

/** One attempt on one channel. */
export async function deliverOn(
  channel: ChannelAddress,
  text: ReminderText,
  webhook: WebhookPayload,
  deps: DeliveryDeps = {},
): Promise<DeliveryOutcome> {
  switch (channel.kind) {
    case "email":
      return sendEmail(channel.address, text, deps);
    case "wecom":
      return postJson(channel.address, wecomBody(text), deps, true);
    case "dingtalk": {
      const url = channel.secret
        ? dingtalkSignedUrl(channel.address, channel.secret, (deps.now ?? Date.now)())
        : channel.address;
      return postJson(url, dingtalkBody(text), deps, true);
    }
    case "webhook":
      return postJson(channel.address, webhook, deps, false);
  }
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** A channel's address checked for its kind: null when fine, else what is wrong (both languages). */
export function channelAddressProblem(kind: ChannelKind, address: string): { zh: string; en: string } | null {
  if (kind === "email") {
    return EMAIL.test(address)
      ? null
      : { zh: `电子邮件地址无效：${address}`, en: `not an e-mail address: ${address}` };
  }
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { zh: `网址无效：${address}`, en: `not a URL: ${address}` };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return {
      zh: `网址须以 http(s):// 开头：${address}`,
      en: `the URL must start with http(s)://: ${address}`,
    };
  }
  return null;
}
