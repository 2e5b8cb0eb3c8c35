import "server-only";
import { BadRequestError } from "@/lib/errors";
import type { BriefModel } from "./brief-types";
import { renderMarkdown } from "./render-markdown";

export const BRIEF_FORMATS = {
  md: { mimeType: "text/markdown; charset=utf-8", extension: "md" },
  pdf: { mimeType: "application/pdf", extension: "pdf" },
  docx: { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx" },
  stix: { mimeType: "application/stix+json;version=2.1", extension: "stix.json" },
} as const;
export type BriefFormat = keyof typeof BRIEF_FORMATS;

export function parseFormat(value: string | null): BriefFormat {
  if (value && value in BRIEF_FORMATS) return value as BriefFormat;
  throw new BadRequestError(`Unknown format "${value ?? ""}": use one of ${Object.keys(BRIEF_FORMATS).join(", ")}.`, [
    { path: "format", message: "Use md, pdf, docx or stix." },
  ]);
}

/** The exact bytes of one format of a brief. Heavy renderers load only when asked for. */
export async function renderFormat({ model, format }: { model: BriefModel; format: BriefFormat }): Promise<Buffer> {
  switch (format) {
    case "md":
      return Buffer.from(renderMarkdown(model), "utf8");
    case "pdf":
      return (await import("./render-pdf")).renderPdf(model);
    case "docx":
      return (await import("./render-docx")).renderDocx(model);
    case "stix": {
      // Built from the model alone: the bundle holds what the brief cites, nothing read from the live case.
      const { renderStix } = await import("@/lib/stix/render-stix");
      return Buffer.from(JSON.stringify(renderStix(model), null, 2), "utf8");
    }
  }
}

export function downloadName({ title, releaseNumber, format }: { title: string; releaseNumber: number | "draft"; format: BriefFormat }) {
  const slug =
    title
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/\s+/g, "-")
      .slice(0, 60) || "brief";
  return `${slug}-${releaseNumber === "draft" ? "draft" : `release-${releaseNumber}`}.${BRIEF_FORMATS[format].extension}`;
}
