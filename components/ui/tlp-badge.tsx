// FIRST TLP 2.0 colours: the marking must be recognisable at a glance on every page of a case.
const STYLES: Record<string, string> = {
  CLEAR: "bg-white text-black ring-1 ring-slate-400",
  GREEN: "bg-black text-[#33FF00]",
  AMBER: "bg-black text-[#FFC000]",
  AMBER_STRICT: "bg-black text-[#FFC000]",
  RED: "bg-black text-[#FF2B2B]",
};

export function tlpLabel(tlp: string) {
  return `TLP:${tlp === "AMBER_STRICT" ? "AMBER+STRICT" : tlp}`;
}

export function TlpBadge({ tlp, className = "" }: { tlp: string; className?: string }) {
  return (
    <span className={`inline-flex items-center rounded px-1.5 py-0.5 font-mono text-xs font-bold tracking-wide ${STYLES[tlp] ?? STYLES.CLEAR} ${className}`} data-testid="tlp-badge">
      {tlpLabel(tlp)}
    </span>
  );
}
