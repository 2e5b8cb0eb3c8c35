// The <option>s of the two source scales every source picker and filter offers: the kinds of source, and the
// Admiralty reliability grades A–F ("B – Usually reliable").
import { SOURCE_KIND_LABELS, SOURCE_KINDS } from "@/lib/sources/kinds";
import { SOURCE_RELIABILITY } from "@/lib/standards/source-reliability";

export function SourceKindOptions() {
  return SOURCE_KINDS.map((k) => (
    <option key={k} value={k}>
      {SOURCE_KIND_LABELS[k]}
    </option>
  ));
}

export function ReliabilityOptions() {
  return SOURCE_RELIABILITY.map((r) => <option key={r.code} value={r.code}>{`${r.code} – ${r.label}`}</option>);
}
