// Serves the graph webview the way VS Code does (the same page, CSP and bundle,
// from media/graph only) to a real headless Chromium, with a stand-in for the
// webview API that records what the page posts back to the extension.
import * as http from 'node:http';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { graphPageHtml, makeNonce } from '../../client/src/graph/webviewHtml';
import type { ToWebview } from '../../client/src/graph/messages';

const repoRoot = path.resolve(__dirname, '..', '..');
export const mediaGraph = path.join(repoRoot, 'media', 'graph');
export const screenshotsDir = path.join(repoRoot, 'media', 'screenshots');

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/** VS Code's Dark Modern and Light Modern colours for the variables the page uses. */
export const THEMES = {
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      '--vscode-editor-background': '#1f1f1f',
      '--vscode-editor-foreground': '#cccccc',
      '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-panel-border': '#2b2b2b',
      '--vscode-editorWidget-background': '#202020',
      '--vscode-focusBorder': '#0078d4',
      '--vscode-charts-blue': '#3794ff',
      '--vscode-charts-green': '#89d185',
      '--vscode-charts-purple': '#b180d7',
      '--vscode-charts-orange': '#d18616',
      '--vscode-charts-red': '#f14c4c',
      '--vscode-charts-yellow': '#cca700',
      '--vscode-font-family': 'system-ui, "DejaVu Sans", sans-serif',
      '--vscode-editor-font-family': '"DejaVu Sans Mono", monospace',
    },
  },
  light: {
    bodyClass: 'vscode-light',
    vars: {
      '--vscode-editor-background': '#ffffff',
      '--vscode-editor-foreground': '#3b3b3b',
      '--vscode-descriptionForeground': '#717171',
      '--vscode-panel-border': '#c8c8c8',
      '--vscode-editorWidget-background': '#f8f8f8',
      '--vscode-focusBorder': '#005fb8',
      '--vscode-charts-blue': '#1a85ff',
      '--vscode-charts-green': '#388a34',
      '--vscode-charts-purple': '#652d90',
      '--vscode-charts-orange': '#d18616',
      '--vscode-charts-red': '#e51400',
      '--vscode-charts-yellow': '#bf8803',
      '--vscode-button-secondaryBackground': '#e5e5e5',
      '--vscode-button-secondaryForeground': '#3b3b3b',
      '--vscode-button-secondaryHoverBackground': '#cccccc',
      '--vscode-font-family': 'system-ui, "DejaVu Sans", sans-serif',
      '--vscode-editor-font-family': '"DejaVu Sans Mono", monospace',
    },
  },
  hc: {
    bodyClass: 'vscode-high-contrast',
    vars: {
      '--vscode-editor-background': '#000000',
      '--vscode-editor-foreground': '#ffffff',
      '--vscode-descriptionForeground': '#ffffff',
      '--vscode-panel-border': '#6fc3df',
      '--vscode-contrastBorder': '#6fc3df',
      '--vscode-contrastActiveBorder': '#f38518',
      '--vscode-editorWidget-background': '#0c141f',
      '--vscode-focusBorder': '#f38518',
      '--vscode-charts-blue': '#3794ff',
      '--vscode-charts-green': '#89d185',
      '--vscode-charts-purple': '#b180d7',
      '--vscode-charts-orange': '#d18616',
      '--vscode-charts-red': '#f48771',
      '--vscode-charts-yellow': '#ffd700',
      '--vscode-font-family': 'system-ui, "DejaVu Sans", sans-serif',
      '--vscode-editor-font-family': '"DejaVu Sans Mono", monospace',
    },
  },
} as const;

/** What the tests touch in the page. */
export interface PageGlobals {
  __sent: { type: string }[];
  postMessage(message: unknown, target: string): void;
  document: { body: { dataset: Record<string, string | undefined> }; activeElement: { getAttribute(name: string): string | null } | null };
}

export interface GraphPage {
  page: Page;
  /** Messages the page posted to the extension. */
  sent(): Promise<unknown[]>;
  /** CSP violations, page errors and console errors seen so far. */
  problems: string[];
  show(message: ToWebview): Promise<void>;
}

/** The Chromium the webview tests drive (Debian's, or WIT_E2E_CHROMIUM). */
export function chromiumPath(): string {
  return process.env.WIT_E2E_CHROMIUM ?? '/usr/bin/chromium';
}

/** Why the webview tests cannot run here, or undefined when a browser is installed. */
export function browserMissing(): string | undefined {
  const exe = chromiumPath();
  return fs.existsSync(exe) ? undefined : `no browser at ${exe} (apt-get install chromium, or set WIT_E2E_CHROMIUM)`;
}

export class BrowserHarness {
  private server?: http.Server;
  private browser?: Browser;
  origin = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          graphPageHtml({
            cspSource: this.origin,
            scriptUri: `${this.origin}/dist/graph.js`,
            styleUri: `${this.origin}/graph.css`,
            nonce: makeNonce(),
            title: 'graph',
          }),
        );
        return;
      }
      const file = path.join(mediaGraph, path.normalize(url.pathname));
      if (!file.startsWith(mediaGraph + path.sep) || !fs.existsSync(file)) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }

  async open(theme: keyof typeof THEMES = 'dark', size = { width: 1400, height: 820 }): Promise<GraphPage> {
    const page = await this.browser!.newPage({ viewport: size });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      // The page asks for /favicon.ico on its own; VS Code's webviews do not.
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) problems.push(`console: ${m.text()}`);
    });
    const t = THEMES[theme];
    // A string, not a function: the test runner's transpiler would add helpers the page lacks.
    await page.addInitScript({
      content: `
      window.__sent = [];
      window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__sent.push(m), getState: () => undefined, setState: () => undefined });
      document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));
      document.addEventListener('DOMContentLoaded', () => {
        document.body.classList.add(${JSON.stringify(t.bodyClass)});
        for (const [k, v] of Object.entries(${JSON.stringify(t.vars)})) document.documentElement.style.setProperty(k, v);
      });`,
    });
    await page.goto(`${this.origin}/`);
    // Page-side code is typed through PageGlobals (this project compiles without the DOM
    // library) and passed as functions: the page's CSP forbids evaluating strings.
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__sent.some((m) => m.type === 'ready'));
    return {
      page,
      problems,
      sent: () => page.evaluate(() => (globalThis as unknown as PageGlobals).__sent),
      async show(message) {
        await page.evaluate((m) => {
          const g = globalThis as unknown as PageGlobals;
          g.document.body.dataset.state = 'sending';
          g.postMessage(m, '*');
        }, message);
        await page.waitForFunction(
          () => ['ready', 'error'].includes((globalThis as unknown as PageGlobals).document.body.dataset.state ?? ''),
          undefined,
          { timeout: 60_000 },
        );
      },
    };
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
