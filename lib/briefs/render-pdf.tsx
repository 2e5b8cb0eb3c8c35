import "server-only";
import path from "node:path";
import { Document, Font, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { DRAFT_MARK, type BriefModel } from "./brief-types";
import { briefOutline, footnoteText, type Block, type Run } from "./brief-outline";
import { getTlp } from "@/lib/standards/scales";

// @react-pdf/renderer (pure JavaScript) works from `npm start` on any machine, with no browser to
// install. Its built-in Helvetica has no Persian or full Albanian glyphs, so the brief embeds DejaVu
// (shipped by the dejavu-fonts-ttf npm package).
const fontDir = path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf");
let registered = false;
function registerFonts() {
  if (registered) return;
  Font.register({
    family: "DejaVu",
    fonts: [
      { src: path.join(fontDir, "DejaVuSans.ttf") },
      { src: path.join(fontDir, "DejaVuSans-Bold.ttf"), fontWeight: "bold" },
      { src: path.join(fontDir, "DejaVuSans-Oblique.ttf"), fontStyle: "italic" },
      { src: path.join(fontDir, "DejaVuSans-BoldOblique.ttf"), fontWeight: "bold", fontStyle: "italic" },
    ],
  });
  Font.register({ family: "DejaVuMono", src: path.join(fontDir, "DejaVuSansMono.ttf") });
  Font.registerHyphenationCallback(breakLongWord);
  registered = true;
}

/**
 * Words are never hyphenated (a hyphen inside a hash or a URL would change it), but a word too long for
 * its column (a URL, a hash) may break after URL punctuation or every 16 characters. react-pdf's line
 * breaker reads an empty part as zero-width glue: a break opportunity that adds no hyphen, so the
 * printed characters stay exactly the word's.
 */
export function breakLongWord(word: string): string[] {
  if (word.length <= 16) return [word];
  const parts: string[] = [];
  for (const piece of word.split(/(?<=[/?&=#._:-])/)) for (let i = 0; i < piece.length; i += 16) parts.push(piece.slice(i, i + 16), "");
  parts.pop();
  return parts;
}

const s = StyleSheet.create({
  page: { fontFamily: "DejaVu", fontSize: 9.5, lineHeight: 1.4, paddingTop: 54, paddingBottom: 54, paddingHorizontal: 48, color: "#111" },
  marking: {
    position: "absolute",
    left: 48,
    right: 48,
    flexDirection: "row",
    justifyContent: "space-between",
    alignItems: "center",
    fontSize: 8,
  },
  runningHead: { flex: 1, paddingRight: 12 },
  // FIRST: the TLP label at least 12 pt, in its colours.
  tlp: { fontWeight: "bold", fontSize: 12, paddingVertical: 2, paddingHorizontal: 5 },
  draftMark: { fontWeight: "bold", fontSize: 12, color: "#B00020" },
  draft: { fontWeight: "bold", fontSize: 11, color: "#B00020", borderWidth: 1.5, borderColor: "#B00020", padding: 6, marginVertical: 6 },
  title: { fontSize: 18, fontWeight: "bold", lineHeight: 1.25, marginBottom: 6 },
  meta: { fontSize: 8.5, color: "#555", marginBottom: 10 },
  h2: { fontSize: 13, fontWeight: "bold", marginTop: 12, marginBottom: 4 },
  h3: { fontSize: 11, fontWeight: "bold", marginTop: 8, marginBottom: 3 },
  p: { marginBottom: 5 },
  bullet: { flexDirection: "row", marginBottom: 3, paddingLeft: 8 },
  quote: { borderLeftWidth: 2, borderLeftColor: "#999", paddingLeft: 8, marginBottom: 5, color: "#333" },
  sup: { fontSize: 6.5 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#ccc" },
  headerRow: { flexDirection: "row", borderBottomWidth: 0.75, borderBottomColor: "#666" },
  cell: { fontSize: 6.5, padding: 2 },
  // A hash printed whole on one line: 64 DejaVu Sans Mono digits at 6.5 pt take about 250 pt.
  mono: { fontFamily: "DejaVuMono", fontSize: 6.5 },
  detail: { fontSize: 6.5, paddingHorizontal: 2, paddingBottom: 2 },
  notes: { fontSize: 7.5, marginBottom: 3 },
});
// The sources appendix (its last two columns, URL and SHA-256, print on full-width lines under each row)
// has its own widths; other tables (the ACH summary) give the first column half.
const SOURCE_COLUMN_WIDTHS = ["28%", "22%", "12%", "14%", "10%", "14%"];
const columnWidths = (n: number) =>
  n === SOURCE_COLUMN_WIDTHS.length
    ? SOURCE_COLUMN_WIDTHS
    : ["50%", ...Array<string>(n - 1).fill(`${(50 / Math.max(1, n - 1)).toFixed(1)}%`)];

/**
 * A table that may break across pages: rows stay whole and the header row repeats on every page the table
 * spans (`fixed` inside a wrapping View). `detailColumns` trailing columns (the URL and the SHA-256 of the
 * sources appendix) print under their row across the full width, the hash in a monospaced font.
 */
function TableView({ block }: { block: Extract<Block, { type: "table" }> }) {
  const detail = block.detailColumns ?? 0;
  const split = block.header.length - detail;
  const widths = columnWidths(split);
  return (
    <View>
      <View style={s.headerRow} fixed>
        {block.header.slice(0, split).map((cell, j) => (
          <Text key={j} style={[s.cell, { width: widths[j], fontWeight: "bold" }]}>
            {cell}
          </Text>
        ))}
      </View>
      {block.rows.map((row, i) => (
        <View key={i} style={[s.row, { flexDirection: "column" }]} wrap={false}>
          <View style={{ flexDirection: "row" }}>
            {row.slice(0, split).map((cell, j) => (
              <Text key={j} style={[s.cell, { width: widths[j] }]}>
                {cell}
              </Text>
            ))}
          </View>
          {row.slice(split).map((cell, j) => (
            <Text key={j} style={s.detail}>
              <Text style={{ fontWeight: "bold" }}>{`${block.header[split + j]}: `}</Text>
              <Text style={block.header[split + j] === "SHA-256" ? s.mono : {}}>{cell}</Text>
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

function RunText({ runs }: { runs: Run[] }) {
  return (
    <Text>
      {runs.map((r, i) =>
        r.footnote ? (
          <Text key={i} style={s.sup}>{` [${r.footnote}]`}</Text>
        ) : (
          <Text
            key={i}
            style={
              r.mono ? { fontFamily: "DejaVuMono" } : { fontWeight: r.bold ? "bold" : "normal", fontStyle: r.italic ? "italic" : "normal" }
            }
          >
            {r.text}
          </Text>
        ),
      )}
    </Text>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case "title":
      return <Text style={s.title}>{block.text}</Text>;
    case "meta":
      return <Text style={s.meta}>{block.text}</Text>;
    case "draft":
      return <Text style={s.draft}>{block.text}</Text>;
    case "h2":
      return (
        <Text style={s.h2} minPresenceAhead={90}>
          {block.text}
        </Text>
      );
    case "h3":
      return (
        <Text style={s.h3} minPresenceAhead={60}>
          {block.text}
        </Text>
      );
    case "p":
      return (
        <View style={s.p}>
          <RunText runs={block.runs} />
        </View>
      );
    case "bullet":
      return (
        <View style={s.bullet} wrap={false}>
          <Text>• </Text>
          <View style={{ flex: 1 }}>
            <RunText runs={block.runs} />
          </View>
        </View>
      );
    case "quote":
      return (
        <View style={s.quote}>
          <RunText runs={block.runs} />
        </View>
      );
    case "table":
      return <TableView block={block} />;
  }
}

function Marking({ m, position }: { m: BriefModel; position: "top" | "bottom" }) {
  const tlp = getTlp(m.case.tlp as Parameters<typeof getTlp>[0]);
  return (
    <View style={[s.marking, position === "top" ? { top: 16 } : { bottom: 16 }]} fixed>
      {m.draft ? (
        <Text style={s.draftMark}>{DRAFT_MARK}</Text>
      ) : (
        // The running head shares the line with the TLP label: it wraps instead of running under it.
        <Text style={position === "top" ? s.runningHead : {}}>
          {position === "top" ? `${m.case.title} — release ${m.releaseNumber}` : ""}
        </Text>
      )}
      {/* No "Page n of m": react-pdf's dynamic render text breaks layout past ten pages ("unsupported number"). */}
      {position === "bottom" && <Text>{m.case.tlpLabel === "TLP:CLEAR" ? "" : "Do not share beyond the marking's limits"}</Text>}
      <Text style={[s.tlp, { color: tlp.colour.text, backgroundColor: tlp.colour.background }]}>{tlp.label}</Text>
    </View>
  );
}

export async function renderPdf(m: BriefModel): Promise<Buffer> {
  registerFonts();
  const doc = (
    <Document
      title={`${m.case.title} — ${m.draft ? `${DRAFT_MARK} (draft of release ${m.releaseNumber})` : `release ${m.releaseNumber}`}`}
      author="Casefile"
      subject={`${m.case.tlpLabel} case brief`}
      language="en"
    >
      <Page size="A4" style={s.page}>
        <Marking m={m} position="top" />
        {briefOutline(m).map((block, i) => (
          <BlockView key={i} block={block} />
        ))}
        {m.footnotes.length > 0 && (
          <View>
            <Text style={s.h2}>Footnotes</Text>
            {m.footnotes.map((f) => (
              <Text key={f.n} style={s.notes}>{`[${f.n}] ${footnoteText(f)}`}</Text>
            ))}
          </View>
        )}
        <Marking m={m} position="bottom" />
      </Page>
    </Document>
  );
  return renderToBuffer(doc);
}
