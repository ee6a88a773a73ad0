// TanStack Query hooks of the administration pages: users, departments, regions, the audit log.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateDepartmentRequest,
  CreateUserRequest,
  UpdateDepartmentRequest,
  UpdateUserRequest,
} from "../../../src/contract/users.ts";
import { type AuditFilter, api } from "./client.ts";

export const adminKeys = {
  users: ["admin", "users"] as const,
  departments: ["admin", "departments"] as const,
  regions: ["admin", "regions"] as const,
  /** The entries come worded in the chosen language: another language is another answer. */
  audit: (filter: AuditFilter, lang: string) => ["admin", "audit", lang, filter] as const,
};

export const useUsers = () => useQuery({ queryKey: adminKeys.users, queryFn: api.listUsers });
export const useDepartments = () =>
  useQuery({ queryKey: adminKeys.departments, queryFn: api.listDepartments });
export const useRegions = () =>
  useQuery({ queryKey: adminKeys.regions, queryFn: api.listRegions, staleTime: 5 * 60_000 });

export function useAudit(filter: AuditFilter, lang: string) {
  return useQuery({
    queryKey: adminKeys.audit(filter, lang),
    queryFn: () => api.audit(filter),
    placeholderData: keepPreviousData,
  });
}

/** Downloads the worded Excel workbook of the filtered log under the name the server gave it. */
export function useAuditXlsx() {
  return useMutation({
    mutationFn: async (filter: AuditFilter) => {
      const { blob, fileName } = await api.auditXlsx(filter);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // After the click has handed the file to the browser.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return fileName;
    },
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: ["admin"] });
  };
}

export function useCreateUser() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: CreateUserRequest) => api.createUser(body), onSuccess });
}

export function useUpdateUser() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateUserRequest }) => api.updateUser(id, body),
    onSuccess,
  });
}

export function useResetPassword() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: ({ id, clearTotp }: { id: number; clearTotp?: boolean }) =>
      api.resetPassword(id, clearTotp ? { clearTotp } : {}),
    onSuccess,
  });
}

export function useSaveDepartment() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: (
      input: { id: null; body: CreateDepartmentRequest } | { id: number; body: UpdateDepartmentRequest },
    ) => (input.id === null ? api.createDepartment(input.body) : api.updateDepartment(input.id, input.body)),
    onSuccess,
  });
}

export function useAuditVerify() {
  return useMutation({ mutationFn: api.auditVerify });
}
