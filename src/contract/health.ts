// Liveness and readiness answers. Part of the API contract: pure types shared by the server, the CLI and the web app.

export interface HealthResponse {
  status: "ok";
  version: string;
  database: "sqlite" | "postgres";
}

/** GET /api/health/live: the process answers (the database is not asked). */
export interface HealthLiveResponse {
  status: "ok";
  version: string;
  uptimeSeconds: number;
}

/** GET /api/health/ready: 200 ready, or 503 not_ready with the reason. */
export interface HealthReadyResponse {
  status: "ready" | "not_ready";
  /** Why not ready, in the asker's language (x-plantrack-lang; Chinese by default); null when ready. */
  reason: string | null;
  version: string;
  database: "sqlite" | "postgres";
  /** Null when the database did not answer. */
  migrations: { applied: string[]; pending: string[]; unknown: string[] } | null;
}
