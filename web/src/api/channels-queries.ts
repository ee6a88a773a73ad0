// TanStack Query hooks of reminders that reach people: a plan's channels, the delivery log and the
// settings of 自动催报. Every change asks the server again for the lists it touches.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateChannelRequest, ReminderSettingsView } from "../../../src/contract/reminders.ts";
import { api } from "./client.ts";

export const channelKeys = {
  all: ["channels"] as const,
  channels: (planId: number) => ["channels", planId, "list"] as const,
  deliveries: (planId: number) => ["channels", planId, "deliveries"] as const,
  settings: (planId: number) => ["channels", planId, "settings"] as const,
};

export function usePlanChannels(planId: number) {
  return useQuery({ queryKey: channelKeys.channels(planId), queryFn: () => api.planChannels(planId) });
}

export function usePlanDeliveries(planId: number) {
  return useQuery({ queryKey: channelKeys.deliveries(planId), queryFn: () => api.planDeliveries(planId) });
}

export function useReminderSettings(planId: number) {
  return useQuery({ queryKey: channelKeys.settings(planId), queryFn: () => api.reminderSettings(planId) });
}

export function useCreateChannel(planId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateChannelRequest) => api.createChannel(planId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: channelKeys.channels(planId) }),
  });
}

export function useDeleteChannel(planId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (channelId: number) => api.deleteChannel(planId, channelId),
    onSuccess: () => client.invalidateQueries({ queryKey: channelKeys.channels(planId) }),
  });
}

export function useTestChannel(planId: number) {
  return useMutation({ mutationFn: (channelId: number) => api.testChannel(planId, channelId) });
}

export function useUpdateReminderSettings(planId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReminderSettingsView) => api.updateReminderSettings(planId, body),
    onSuccess: (data) => client.setQueryData(channelKeys.settings(planId), data),
  });
}
