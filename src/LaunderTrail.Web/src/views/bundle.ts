import { getCourtBundle } from '../api';
import { h } from '../dom';

/** The court-bundle button: fetches the zip with the key in a header, then saves it under the case's name. */
export function bundleButton(caseId: string, status: (text: string) => void): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'primary' }, 'Download court bundle');
  button.addEventListener('click', async () => {
    button.disabled = true;
    status('Preparing the court bundle…');
    try {
      const url = URL.createObjectURL(await getCourtBundle(caseId));
      const anchor = h('a', { href: url, download: `${caseId}-timeline.zip` });
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      status('Court bundle downloaded.');
    } catch (error) {
      status(`No bundle: ${(error as Error).message}`);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}
