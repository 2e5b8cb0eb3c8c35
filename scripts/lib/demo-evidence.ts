// Demo evidence for the Albania case: graded sources, claims anchored to real quotes from seeds
// 000–002, links (including the Iranian denial contradicting the attribution, and the UPI column's two
// relays of one Microsoft report), entities and a timeline.
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { createEntity } from "@/lib/entities/create-entity";
import { createSource } from "@/lib/sources/create-source";
import { assignDocumentSource } from "@/lib/sources/assign-document-source";
import { createClaim } from "@/lib/claims/create-claim";
import { createClaimLink } from "@/lib/claims/claim-links";
import { setClaimTechniques } from "@/lib/attack/set-claim-techniques";
import { linkEntityAttack } from "@/lib/attack/link-entity-attack";
import { createEvent } from "@/lib/events/create-event";
import type { CreateClaimInput } from "@/lib/claims/schemas";

type DocKey = "wire" | "upi" | "interest";

export async function seedAlbaniaEvidence({ ctx, caseId }: { ctx: Ctx; caseId: string }) {
  const access: CaseAccess = { caseId, role: "owner" };
  const docs = await db.document.findMany({ where: { caseId }, select: { id: true, originalName: true } });
  const doc = (file: string) => docs.find((d) => d.originalName?.startsWith(file))!.id;
  const docId: Record<DocKey, string> = { wire: doc("000_"), upi: doc("001_"), interest: doc("002_") };

  const wire = await createSource({
    ctx,
    access,
    input: {
      name: "Wire report (London), citing the Daily Telegraph",
      kind: "outlet",
      reliability: "B",
      rationale:
        "Wire-service reporting that attributes each statement to a named official or outlet; usually reliable, but it relays official claims without forensic evidence of its own.",
    },
  });
  const upi = await createSource({
    ctx,
    access,
    input: {
      name: "UPI opinion column",
      kind: "advocacy",
      reliability: "D",
      rationale:
        "An opinion column by an advocate for the Iranian opposition, not reporting: it argues for closing Iranian embassies and relays the Microsoft report second-hand. Useful for the advocates' narrative and as a pointer to the primary report; not usually reliable on facts.",
    },
  });
  const interest = await createSource({
    ctx,
    access,
    input: {
      name: "News report on Iran's interest section (undated)",
      kind: "outlet",
      reliability: "C",
      rationale:
        "Undated report from an unnamed outlet; quotes IRNA, named officials and Mandiant accurately where checkable. Fairly reliable.",
    },
  });
  // Named as the originator of what the UPI column relays from its report; the case holds no Microsoft document.
  const microsoftDart = await createSource({
    ctx,
    access,
    input: {
      name: "Microsoft Detection and Response Team (DART)",
      kind: "vendor",
      reliability: "B",
      rationale:
        "A major vendor's incident-response team with first-hand forensic access; usually reliable. Its report is not in the case: we know it only second-hand, through the UPI column.",
    },
  });
  await assignDocumentSource({ ctx, access, documentId: docId.wire, input: { sourceId: wire.id } });
  await assignDocumentSource({ ctx, access, documentId: docId.upi, input: { sourceId: upi.id } });
  await assignDocumentSource({ ctx, access, documentId: docId.interest, input: { sourceId: interest.id } });

  type EntityInput = Parameters<typeof createEntity>[0]["input"];
  const entity = async (
    kind: EntityInput["kind"],
    name: string,
    aliases: string[],
    description: string,
    role: EntityInput["role"] = "unspecified",
  ) => (await createEntity({ ctx, access, input: { kind, name, aliases, description, role } })).id;
  const mois = await entity(
    "threat_actor",
    "Iran's Ministry of Intelligence and Security (MOIS)",
    ["MOIS", "Ministry of Intelligence and Security", "Ministry of Intelligence", "VAJA"],
    "Iran's civilian intelligence ministry; named by Microsoft and sanctioned by the US Treasury over the attacks.",
    "adversary",
  );
  const hlj = await entity(
    "intrusion_set",
    "HomeLand Justice",
    ["Homeland Justice"],
    "Persona that publicly claimed the July 2022 attack on Albanian government systems. Not named in the seed documents.",
    "adversary",
  );
  const albania = await entity(
    "organization",
    "Government of Albania",
    ["Albanian government", "Tirana"],
    "The victim: ministries, e-government services and the TIMS border system.",
    "victim",
  );
  const rama = await entity("person", "Edi Rama", ["Prime Minister Edi Rama"], "Prime Minister of Albania.");
  const mek = await entity(
    "organization",
    "Mojahedin-e Khalq (MEK)",
    ["MEK", "People's Mojahedin of Iran", "People’s Mojahedin of Iran"],
    "Iranian opposition group hosted in Albania at Ashraf 3, Durres County.",
  );
  const tims = await entity(
    "infrastructure",
    "Total Information Management System (TIMS)",
    ["TIMS"],
    "Albanian police and border information system taken offline in September 2022.",
    "victim",
  );
  // HomeLand Justice is ATT&CK campaign C0038; linking adds ATT&CK's name for it to the entity's aliases.
  await linkEntityAttack({ ctx, access, entityId: hlj, input: { attackId: "C0038" } });

  const claim = async (input: Omit<CreateClaimInput, "excerpts"> & { doc: DocKey; quote: string }) => {
    const { doc: key, quote, ...rest } = input;
    return (await createClaim({ ctx, access, input: { ...rest, excerpts: [{ documentId: docId[key], exact: quote }] } })).id;
  };
  const sameAggressors = await claim({
    doc: "wire",
    quote:
      "Albanian Prime Minister Edi Rama tweeted that the attack was committed by the “same aggressors” that carried out the July hack, which Washington has said was Iran.",
    statement: "The September 2022 attack was committed by the same actors as the July 2022 attack.",
    claimant: "Edi Rama, Prime Minister of Albania",
    kind: "allegation",
    credibility: 3,
    status: "accepted",
    entityIds: [rama, albania],
  });
  const attribution = await claim({
    doc: "wire",
    quote: "with Albania and the US saying Tehran was responsible for a huge incident earlier this month, and another attack in July",
    statement: "Albania and the United States hold Iran responsible for the July and September 2022 attacks.",
    claimant: "Governments of Albania and the United States",
    kind: "allegation",
    credibility: 2,
    status: "accepted",
    entityIds: [albania, mois],
  });
  const timsOffline = await claim({
    doc: "wire",
    quote:
      "The latest hack forced Tirana to take its Total Information Management System, used by police and security agencies to share details about migrants and criminals, temporarily offline, Albania’s Interior Ministry said.",
    statement: "The September 2022 attack forced Albania to take TIMS, its police and border information system, temporarily offline.",
    claimant: "Albanian Interior Ministry",
    kind: "fact",
    credibility: 2,
    status: "accepted",
    entityIds: [tims, albania],
  });
  const sanctions = await claim({
    doc: "wire",
    quote: "The US Treasury Department sanctioned Iran’s spy agency last Friday for its role in the hack",
    statement: "The US Treasury sanctioned Iran's Ministry of Intelligence and Security for its role in the attack.",
    claimant: "US Treasury Department",
    kind: "fact",
    credibility: 2,
    status: "accepted",
    entityIds: [mois],
  });
  const denial = await claim({
    doc: "wire",
    quote:
      "The Iranian Embassy in Brussels said it “rejected the baseless accusations” that it is responsible for the cyberattacks on Albania.",
    statement: "Iran denies responsibility for the cyberattacks on Albania.",
    claimant: "Iranian Embassy in Brussels",
    kind: "denial",
    credibility: 3,
    status: "accepted",
    entityIds: [mois],
  });
  const microsoft = await claim({
    doc: "upi",
    quote: "The Microsoft report traced the origin of the cyberattacks straight to the Ministry of Intelligence and Security in Tehran",
    statement: "Microsoft's Detection and Response Team traced the attacks to Iran's Ministry of Intelligence and Security.",
    claimant: "Microsoft Detection and Response Team (relayed by a UPI opinion column)",
    kind: "assessment",
    credibility: 3,
    status: "draft",
    entityIds: [mois],
    originatorSourceId: microsoftDart.id,
  });
  // The column's opening sentence relays the same report's overall finding: one origin, not a second vendor.
  const microsoftIran = await claim({
    doc: "upi",
    quote:
      "A devastating 13-page report by the Microsoft Detection and Response Team has revealed that cyberattacks this year that crippled government security services and institutions in Albania were the work of the Islamic Republic of Iran.",
    statement:
      "The Microsoft Detection and Response Team's report found the 2022 attacks on Albanian government systems to be the work of Iran.",
    claimant: "Microsoft Detection and Response Team (relayed by a UPI opinion column)",
    kind: "assessment",
    credibility: 3,
    status: "accepted",
    entityIds: [mois, albania],
    originatorSourceId: microsoftDart.id,
  });
  const motive = await claim({
    doc: "upi",
    quote: "highlighted how the mullahs’ regime targeted the Albanian government for its anger at the presence of Ashraf 3",
    statement: "Iran targeted Albania because it hosts the MEK at Ashraf 3.",
    claimant: "UPI opinion column (advocate for the Iranian opposition)",
    kind: "assessment",
    credibility: 4,
    status: "disputed",
    entityIds: [mek, albania],
  });
  const severedUpi = await claim({
    doc: "upi",
    quote:
      "Following the Microsoft revelations, Albanian Prime Minister Edi Rama severed ties with Iran and ordered the Iranian Embassy closed, giving diplomatic and security officials 24 hours to leave the country.",
    statement: "Albania severed diplomatic relations with Iran and gave Iranian embassy staff 24 hours to leave.",
    claimant: "UPI opinion column",
    kind: "fact",
    credibility: 2,
    status: "accepted",
    entityIds: [rama, albania],
  });
  const severed = await claim({
    doc: "interest",
    quote:
      "Albania terminated its diplomatic relations with Iran in September last September accusing the Islamic Republic of launching cyber-attacks against the country's infrastructure.",
    statement: "Albania ended diplomatic relations with Iran in September 2022 over the cyberattacks.",
    claimant: "News report (interest section)",
    kind: "fact",
    credibility: 1,
    status: "accepted",
    entityIds: [albania],
  });
  const mandiant = await claim({
    doc: "interest",
    quote:
      "In early August, cybersecurity firm Mandiant expressed “moderate confidence” that the attackers were acting in support of Tehran’s efforts to disrupt the MEK conference.",
    statement: "The attackers acted in support of Tehran's efforts to disrupt the MEK conference.",
    claimant: "Mandiant",
    kind: "assessment",
    credibility: 3,
    sourceConfidence: "moderate confidence",
    status: "accepted",
    entityIds: [mek],
  });
  const summit = await claim({
    doc: "interest",
    quote:
      "The July 23-24 conference by the dissident group, titled The Free Iran World Summit, was canceled following warnings from local authorities of a possible terrorist threat.",
    statement: "The Free Iran World Summit (23–24 July 2022) was cancelled after warnings of a possible terrorist threat.",
    claimant: "News report (interest section)",
    kind: "fact",
    credibility: 2,
    status: "accepted",
    entityIds: [mek],
  });

  // Behaviour, tagged only where the quoted words describe it: Rama says the attack threatened to wipe systems
  // (T1485 Data Destruction) and steal the intranet's electronic communications (T1114 Email Collection).
  const ramaImpact = await claim({
    doc: "upi",
    quote:
      "the cyberattack, which threatened to cripple public services, wipe digital systems and hack into state records, steal the government intranet’s electronic communications",
    statement: "The attack threatened to wipe government systems and steal the government intranet's electronic communications.",
    claimant: "Edi Rama, Prime Minister of Albania (quoted in a UPI opinion column)",
    kind: "allegation",
    credibility: 3,
    status: "accepted",
    entityIds: [rama, albania],
  });
  await setClaimTechniques({ ctx, access, claimId: ramaImpact, input: { techniqueIds: ["T1485", "T1114"] } });

  const link = (from: string, to: string, kind: "corroborates" | "contradicts" | "repeats", note?: string) =>
    createClaimLink({ ctx, access, fromClaimId: from, input: { toClaimId: to, kind, note } });
  await link(denial, attribution, "contradicts", "Iran's official denial of the attribution.");
  await link(microsoft, attribution, "corroborates", "Vendor forensic attribution, second-hand via the UPI column.");
  await link(microsoftIran, attribution, "corroborates", "The same Microsoft report, relayed by the same column.");
  await link(
    microsoft,
    microsoftIran,
    "repeats",
    "Both sentences relay one Microsoft report through the UPI column: one origin, counted once.",
  );
  await link(sanctions, attribution, "corroborates");
  await link(sameAggressors, attribution, "corroborates");
  await link(severedUpi, severed, "corroborates", "Different outlet and document: an independent origin for the break in relations.");
  await link(mandiant, motive, "corroborates");

  const event = (title: string, date: string, claimIds: string[], description = "") =>
    createEvent({ ctx, access, input: { title, date, claimIds, description } });
  await event(
    "First destructive attack on Albanian government systems",
    "2022-07",
    [attribution, sameAggressors],
    "E-government services disrupted; later attributed to Iran.",
  );
  await event("The Free Iran World Summit at Ashraf 3 is cancelled", "2022-07", [summit, mandiant]);
  await event("Albania severs diplomatic relations with Iran", "2022-09", [severed, severedUpi]);
  await event("Second attack takes the TIMS border system offline", "2022-09", [timsOffline, sameAggressors]);
  await event("US Treasury sanctions Iran's Ministry of Intelligence and Security", "2022-09", [sanctions]);
}
