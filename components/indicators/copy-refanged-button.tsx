"use client";
import { useEffect, useState } from "react";

/**
 * Copies the working (refanged) value to the clipboard in one click and says so; the page itself only
 * ever shows the defanged form. When the clipboard is refused, the value is shown selected to copy by hand.
 */
export function CopyRefangedButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state !== "copied") return;
    const t = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className="rounded-md bg-white px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
        aria-label={`Copy refanged ${label}`}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(value);
            setState("copied");
          } catch {
            setState("failed");
          }
        }}
      >
        Copy refanged
      </button>
      <span role="status" className="text-xs text-emerald-800">
        {state === "copied" ? "Copied" : ""}
      </span>
      {state === "failed" && (
        <input
          readOnly
          aria-label="Refanged value: press Ctrl+C (⌘C) to copy"
          value={value}
          autoFocus
          onFocus={(e) => e.target.select()}
          className="w-48 rounded border border-slate-300 px-1 font-mono text-xs"
        />
      )}
    </span>
  );
}
