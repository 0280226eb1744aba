import { getCourtBundle } from '../api';
import { h, saveFile } from '../dom';

/** The court-bundle button: fetches the zip with the key in a header, then saves it under the case's name. */
export function bundleButton(caseId: string, status: (text: string) => void): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'primary' }, 'Download court bundle');
  button.addEventListener('click', async () => {
    button.disabled = true;
    status('Preparing the court bundle…');
    try {
      saveFile(await getCourtBundle(caseId), `${caseId}-timeline.zip`);
      status('Court bundle downloaded.');
    } catch (error) {
      status(`No bundle: ${(error as Error).message}`);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}
