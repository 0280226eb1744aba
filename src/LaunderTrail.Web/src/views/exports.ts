import { getExport, type ExportFormat, type FlowQuery } from '../api';
import { h, saveFile } from '../dom';

const formats: [ExportFormat, string, string][] = [
  ['graphml', 'GraphML', 'GraphML, for yEd, Gephi and most graph tools'],
  ['gexf', 'GEXF', 'GEXF 1.3, for Gephi'],
  ['i2', 'i2 CSV', 'one CSV row per edge, for an Analyst\u2019s Notebook import specification'],
  ['neo4j', 'Neo4j CSV', 'nodes.csv and edges.csv in a zip, for neo4j-admin database import'],
];

/**
 * Buttons that download the flow graph under the rule and moment on screen, in the four export formats. Each file is
 * fetched with the key in a header (never in a URL) and saved under the name the server gives it.
 */
export function exportButtons(caseId: string, question: () => FlowQuery, say: (text: string) => void): HTMLElement {
  const buttons = formats.map(([format, text, title]) => {
    const button = h('button', { type: 'button', title, 'data-format': format }, text);
    button.addEventListener('click', async () => {
      buttons.forEach((b) => { b.disabled = true; });
      say(`Preparing the ${text} export…`);
      try {
        const { blob, fileName } = await getExport(caseId, format, question());
        saveFile(blob, fileName);
        say(`${text} export downloaded as ${fileName}.`);
      } catch (error) {
        say(`No export: ${(error as Error).message}`);
      } finally {
        buttons.forEach((b) => { b.disabled = false; });
      }
    });
    return button;
  });
  return h('fieldset', { class: 'control exports' }, h('legend', {}, 'Export the flow graph'), ...buttons);
}
