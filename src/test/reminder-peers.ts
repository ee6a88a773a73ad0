// The other ends of a reminder, on loopback, for tests: a real SMTP server (smtp-server) that keeps the
// messages it receives, and an HTTP server that answers like the 企业微信 and 钉钉 robots and keeps the
// requests — so the tests check what goes over the wire, not what a mock was told.

import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpPeer {
  url: string;
  mails: ReceivedMail[];
  close: () => Promise<void>;
}

export async function startSmtpPeer(): Promise<SmtpPeer> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface RobotRequest {
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface RobotPeer {
  base: string;
  requests: RobotRequest[];
  /** 钉钉 robots with 加签 check the signature; the peer does too, with this secret. */
  dingtalkSecret: string;
  /** Answer with this errcode (0: accepted) — to test refusals. */
  errcode: number;
  close: () => Promise<void>;
}

export async function startRobotPeer(): Promise<RobotPeer> {
  const peer: RobotPeer = {
    base: "",
    requests: [],
    dingtalkSecret: "SECtest-secret",
    errcode: 0,
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      let body: unknown = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        body = Buffer.concat(chunks).toString("utf8");
      }
      peer.requests.push({ path: url.pathname, query: url.searchParams, body });
      let errcode = peer.errcode;
      if (url.pathname === "/robot/send") {
        const timestamp = url.searchParams.get("timestamp") ?? "";
        const expected = createHmac("sha256", peer.dingtalkSecret)
          .update(`${timestamp}\n${peer.dingtalkSecret}`)
          .digest("base64");
        if (url.searchParams.get("sign") !== expected) errcode = 310000;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ errcode, errmsg: errcode === 0 ? "ok" : "refused" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  peer.base = `http://127.0.0.1:${port}`;
  peer.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return peer;
}

/** The decoded Subject header of a raw message (RFC 2047 encoded words, base64 or quoted-printable). */
export function mailSubject(raw: string): string {
  const header = /^Subject: ((?:.*)(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? "";
  return decodeWords(header.replace(/\r?\n[ \t]/g, " "));
}

export function decodeWords(text: string): string {
  return text
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : Buffer.from(
            data
              .replace(/_/g, " ")
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            "latin1",
          ).toString("utf8"),
    );
}

/** The text body of a simple (non-multipart) message, decoded from its transfer encoding. */
export function mailBody(raw: string): string {
  const split = raw.indexOf("\r\n\r\n") >= 0 ? raw.indexOf("\r\n\r\n") : raw.indexOf("\n\n");
  const head = raw.slice(0, split);
  const body = raw.slice(split).trim();
  const encoding = /^Content-Transfer-Encoding: (\S+)/im.exec(head)?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}
