// FIRST TLP 2.0 colours, from the one colour table (lib/standards/scales.ts): coloured text on black —
// TLP:CLEAR is white on black — so the marking is recognisable at a glance on every page of a case.
import { TLP, isTlpKey } from "@/lib/standards/scales";

export function tlpLabel(tlp: string) {
  return isTlpKey(tlp) ? TLP.find((t) => t.key === tlp)!.label : `TLP:${tlp}`;
}

export function TlpBadge({ tlp, className = "" }: { tlp: string; className?: string }) {
  const colour = (TLP.find((t) => t.key === tlp) ?? TLP[0]).colour;
  return (
    <span
      className={`inline-flex items-center rounded px-1.5 py-0.5 font-mono text-xs font-bold tracking-wide ${colour.className} ${className}`}
      data-testid="tlp-badge"
    >
      {tlpLabel(tlp)}
    </span>
  );
}
