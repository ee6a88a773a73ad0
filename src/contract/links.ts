// Links between an annual plan's targets and the targets of other plans (a district's to the city's).
// Part of the API contract: pure types shared by the server, the CLI and the web app.

import type { TargetKind } from "../extract/types.ts";

/** A district plan's target linked to a city plan's target. */
export interface LinkedTargetRef {
  targetId: number;
  planId: number;
  planTitle: string;
  region: { id: number; name: string } | null;
  subject: string;
  display: string;
  unit: string;
  kind: TargetKind;
}

/** POST /api/targets/:id/links (planner) — link district targets to a city target; same unit and kind. */
export interface TargetLinksRequest {
  childTargetIds: number[];
}

/** POST /api/targets/:id/links, DELETE /api/targets/:id/links/:childId → the links now. */
export interface TargetLinksView {
  targetId: number;
  children: LinkedTargetRef[];
}
