// The message keys of channel kinds, shared by the channels panel and the delivery log.
import type { ChannelKind } from "../../../../src/contract/reminders.ts";
import type { MessageKey } from "../../i18n/messages.ts";

export const KIND_KEY: Record<ChannelKind, MessageKey> = {
  email: "channels.kind.email",
  wecom: "channels.kind.wecom",
  dingtalk: "channels.kind.dingtalk",
  webhook: "channels.kind.webhook",
};
