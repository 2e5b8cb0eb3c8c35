import Link from "next/link";

/** Links the same list with or without `?include=retracted` (kept in the URL, so it survives reloads). */
export function ShowRetractedToggle({
  path,
  params,
  showing,
}: {
  path: string;
  params?: Record<string, string | undefined>;
  showing: boolean;
}) {
  const query = new URLSearchParams(
    Object.entries(params ?? {}).filter((e): e is [string, string] => !!e[1] && e[0] !== "include" && e[0] !== "page"),
  );
  if (!showing) query.set("include", "retracted");
  const href = query.size ? `${path}?${query}` : path;
  return (
    <Link
      href={href}
      role="switch"
      aria-checked={showing}
      data-testid="show-retracted"
      className="inline-flex items-center gap-2 text-sm font-medium text-slate-700 hover:text-slate-900"
    >
      <span aria-hidden="true" className={`inline-block h-4 w-7 rounded-full p-0.5 transition ${showing ? "bg-red-700" : "bg-slate-300"}`}>
        <span className={`block h-3 w-3 rounded-full bg-white transition ${showing ? "translate-x-3" : ""}`} />
      </span>
      Show retracted
    </Link>
  );
}
