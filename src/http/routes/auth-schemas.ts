import { type Static, Type } from "@sinclair/typebox";
import type {
  ChangePasswordRequest,
  CurrentUser,
  LoginRequest,
  SessionInfo,
  TotpCodeRequest,
  TotpDisableRequest,
  TotpSetup,
} from "../../contract/users.ts";
import { type Same, sameShape } from "../type-check.ts";
import { errorResponses, Nullable } from "./common-schemas.ts";

export const RoleSchema = Type.Union([
  Type.Literal("admin"),
  Type.Literal("planner"),
  Type.Literal("reporter"),
  Type.Literal("leader"),
]);

export const CurrentUserSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  regionId: Nullable(Type.Integer()),
  regionName: Nullable(Type.String()),
  departmentId: Nullable(Type.Integer()),
  departmentName: Nullable(Type.String()),
  mustChangePassword: Type.Boolean(),
  totpEnabled: Type.Boolean(),
});
sameShape<Same<Static<typeof CurrentUserSchema>, CurrentUser>>();

export const SessionInfoSchema = Type.Object({
  user: CurrentUserSchema,
  csrfToken: Type.String(),
  idleExpiresAt: Type.String(),
});
sameShape<Same<Static<typeof SessionInfoSchema>, SessionInfo>>();

export const LoginRequestSchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    totp: Type.Optional(Type.String({ maxLength: 12 })),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof LoginRequestSchema>, LoginRequest>>();

export const ChangePasswordSchema = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: 1, maxLength: 400 }),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof ChangePasswordSchema>, ChangePasswordRequest>>();

export const TotpSetupSchema = Type.Object({ secret: Type.String(), otpauthUrl: Type.String() });
sameShape<Same<Static<typeof TotpSetupSchema>, TotpSetup>>();

export const TotpCodeSchema = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 12 }) },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof TotpCodeSchema>, TotpCodeRequest>>();

export const TotpDisableSchema = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 12 })),
    currentPassword: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof TotpDisableSchema>, TotpDisableRequest>>();

const tags = ["auth"];

export const loginSchema = {
  summary: "登录：成功后返回会话 Cookie / sign in: a session cookie comes back",
  tags,
  body: LoginRequestSchema,
  response: { 200: SessionInfoSchema, ...errorResponses },
};
export const logoutSchema = {
  summary: "退出登录 / sign out",
  tags,
  response: { 204: Type.Null(), ...errorResponses },
};
export const logoutAllSchema = {
  summary: "退出所有设备上的登录 / sign out every session of this user",
  tags,
  response: { 204: Type.Null(), ...errorResponses },
};
export const meSchema = {
  summary: "当前用户与会话 / the signed-in user and the session",
  tags,
  response: { 200: SessionInfoSchema, ...errorResponses },
};
export const changePasswordSchema = {
  summary: "修改密码（含首次登录强制修改） / change the password (also the forced change at first sign-in)",
  tags,
  body: ChangePasswordSchema,
  response: { 200: SessionInfoSchema, ...errorResponses },
};
export const totpSetupSchema = {
  summary: "生成动态验证码密钥 / a new authenticator secret (enable it with a code)",
  tags,
  response: { 200: TotpSetupSchema, ...errorResponses },
};
export const totpEnableSchema = {
  summary: "启用动态验证码 / turn the second factor on with a current code",
  tags,
  body: TotpCodeSchema,
  response: { 200: CurrentUserSchema, ...errorResponses },
};
export const totpDisableSchema = {
  summary: "停用动态验证码（需验证码或当前密码） / turn the second factor off (a code or the password)",
  tags,
  body: TotpDisableSchema,
  response: { 200: CurrentUserSchema, ...errorResponses },
};
