import { randomBytes } from "node:crypto";

/** A readable, unique-enough slug: "2022-albania-government-cyberattacks-k3f9q2". */
export function slugify(title: string) {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return `${base || "case"}-${randomBytes(4).toString("hex").slice(0, 6)}`;
}
