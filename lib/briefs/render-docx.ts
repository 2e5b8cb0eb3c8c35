import "server-only";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { DRAFT_MARK, type BriefModel } from "./brief-types";
import { briefOutline, footnoteText, type Run } from "./brief-outline";
import { getTlp } from "@/lib/standards/scales";

const FONT = "DejaVu Sans";

function runs(rs: Run[]) {
  return rs.map((r) =>
    r.footnote
      ? new FootnoteReferenceRun(r.footnote)
      : new TextRun({ text: r.text, bold: r.bold, italics: r.italic, font: r.mono ? "DejaVu Sans Mono" : FONT }),
  );
}

/** The TLP marking in its FIRST colours at 12 pt, right-aligned, in the header and footer of every page; a draft says so beside it. */
function tlpParagraph(m: BriefModel) {
  const tlp = getTlp(m.case.tlp as Parameters<typeof getTlp>[0]);
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    children: [
      ...(m.draft ? [new TextRun({ text: `${DRAFT_MARK}   `, bold: true, font: FONT, size: 24, color: "B00020" })] : []),
      new TextRun({
        text: tlp.label,
        bold: true,
        font: FONT,
        size: 24,
        color: tlp.colour.text.slice(1),
        shading: { type: ShadingType.CLEAR, fill: tlp.colour.background.slice(1), color: "auto" },
      }),
    ],
  });
}

export async function renderDocx(m: BriefModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const block of briefOutline(m)) {
    switch (block.type) {
      case "title":
        children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: block.text, font: FONT })] }));
        break;
      case "meta":
        children.push(new Paragraph({ children: [new TextRun({ text: block.text, italics: true, font: FONT, color: "555555" })] }));
        break;
      case "draft":
        children.push(
          new Paragraph({
            border: {
              top: { style: BorderStyle.SINGLE, size: 12, color: "B00020", space: 4 },
              bottom: { style: BorderStyle.SINGLE, size: 12, color: "B00020", space: 4 },
            },
            children: [new TextRun({ text: block.text, bold: true, font: FONT, color: "B00020" })],
          }),
        );
        break;
      case "h2":
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: block.text, font: FONT })] }));
        break;
      case "h3":
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: block.text, font: FONT })] }));
        break;
      case "p":
        children.push(new Paragraph({ children: runs(block.runs) }));
        break;
      case "bullet":
        children.push(new Paragraph({ bullet: { level: 0 }, children: runs(block.runs) }));
        break;
      case "quote":
        children.push(
          new Paragraph({
            indent: { left: 720 },
            border: { left: { style: BorderStyle.SINGLE, size: 12, color: "999999", space: 8 } },
            children: runs(block.runs),
          }),
        );
        break;
      case "table":
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [block.header, ...block.rows].map(
              (row, i) =>
                new TableRow({
                  tableHeader: i === 0,
                  children: row.map(
                    (cell) =>
                      new TableCell({
                        children: [new Paragraph({ children: [new TextRun({ text: cell, bold: i === 0, size: 14, font: FONT })] })],
                      }),
                  ),
                }),
            ),
          }),
        );
        break;
    }
  }
  const doc = new Document({
    creator: "Casefile",
    title: `${m.case.title} — ${m.draft ? `${DRAFT_MARK} (draft of release ${m.releaseNumber})` : `release ${m.releaseNumber}`}`,
    description: `${m.case.tlpLabel} case brief`,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    footnotes: Object.fromEntries(
      m.footnotes.map((f) => [
        f.n,
        { children: [new Paragraph({ children: [new TextRun({ text: footnoteText(f), font: FONT, size: 16 })] })] },
      ]),
    ),
    sections: [
      {
        headers: { default: new Header({ children: [tlpParagraph(m)] }) },
        footers: { default: new Footer({ children: [tlpParagraph(m)] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
