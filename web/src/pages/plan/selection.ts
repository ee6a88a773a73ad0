// What the plan page has picked and where its source view should scroll. These types sit in their own
// module because both PlanPage.tsx and SourceView.tsx need them, and the view must not import the page
// that renders it (that made an import circle).

/** The target or item shown in the side panel, or nothing. */
export type Selection = { kind: "target"; id: number } | { kind: "item"; id: number } | null;

/** Where the source view should scroll; the nonce makes a repeated request scroll again. */
export interface ScrollRequest {
  offset: number;
  nonce: number;
}
