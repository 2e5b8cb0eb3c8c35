// cytoscape-svg ships no types: it is a cytoscape extension that adds cy.svg(options) → string.
declare module "cytoscape-svg" {
  import type { Ext } from "cytoscape";
  const ext: Ext;
  export default ext;
}
