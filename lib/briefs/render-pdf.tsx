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
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
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
  cell: { fontSize: 6.5, padding: 2 },
  notes: { fontSize: 7.5, marginBottom: 3 },
});
const SOURCE_COLUMN_WIDTHS = ["17%", "13%", "5%", "9%", "15%", "8%", "11%", "22%"];
// The sources appendix has its own widths; other tables (the ACH summary) give the first column half.
const columnWidths = (n: number) =>
  n === SOURCE_COLUMN_WIDTHS.length
    ? SOURCE_COLUMN_WIDTHS
    : ["50%", ...Array<string>(n - 1).fill(`${(50 / Math.max(1, n - 1)).toFixed(1)}%`)];

function RunText({ runs }: { runs: Run[] }) {
  return (
    <Text>
      {runs.map((r, i) =>
        r.footnote ? (
          <Text key={i} style={s.sup}>{` [${r.footnote}]`}</Text>
        ) : (
          <Text key={i} style={{ fontWeight: r.bold ? "bold" : "normal", fontStyle: r.italic ? "italic" : "normal" }}>
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
      return (
        <View>
          {[block.header, ...block.rows].map((row, i) => (
            <View key={i} style={s.row} wrap={false}>
              {row.map((cell, j) => (
                <Text key={j} style={[s.cell, { width: columnWidths(block.header.length)[j], fontWeight: i === 0 ? "bold" : "normal" }]}>
                  {cell}
                </Text>
              ))}
            </View>
          ))}
        </View>
      );
  }
}

function Marking({ m, position }: { m: BriefModel; position: "top" | "bottom" }) {
  const tlp = getTlp(m.case.tlp as Parameters<typeof getTlp>[0]);
  return (
    <View style={[s.marking, position === "top" ? { top: 16 } : { bottom: 16 }]} fixed>
      {m.draft ? (
        <Text style={s.draftMark}>{DRAFT_MARK}</Text>
      ) : (
        <Text>{position === "top" ? `${m.case.title} — release ${m.releaseNumber}` : ""}</Text>
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
