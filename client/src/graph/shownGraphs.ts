// The graphs the open views last sent to their webviews, for the extension-host
// tests (through the internal command wit.internal.shownGraphs): what the user is
// shown, read without scraping the webview.
import type { GraphMessage } from './messages';

const shown = new Map<string, GraphMessage>();

export function recordShown(view: string, message: GraphMessage): void {
  shown.set(view, message);
}

export function forgetShown(view: string): void {
  shown.delete(view);
}

export function shownGraphs(): Record<string, GraphMessage> {
  return Object.fromEntries(shown);
}
