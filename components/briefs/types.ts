// What the brief page passes from the server to the client: the same JSON GET /api/cases/{caseId}/brief
// and GET /api/cases/{caseId}/releases answer.
import type { BriefModel, BriefSection, BriefTemplate } from "@/lib/briefs/brief-types";
import type { listReleases } from "@/lib/briefs/releases";

export type BriefSettingsData = {
  template: BriefTemplate;
  sections: BriefSection[];
  includeDocumentIds: string[];
  excludeDocumentIds: string[];
  version: number;
};

export type BriefApprovalData = {
  decision: string;
  contentHash: string;
  // Whether the review covers the brief exactly as it is now.
  current: boolean;
  submittedBy: { id: string; name: string };
  reviewer: { id: string; name: string } | null;
  decidedAt: string | null;
};

export type BriefPayload = { brief: BriefModel; contentHash: string; settings: BriefSettingsData; approval: BriefApprovalData | null };

export type ReleaseRow = Awaited<ReturnType<typeof listReleases>>[number];

export type BriefPerms = { canManage: boolean; canApprove: boolean };
