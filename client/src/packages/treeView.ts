// The "WIT Packages" view (Explorer): the workspace's WIT packages, the
// foreign packages each uses with the version they resolved to and where from,
// missing and stale ones flagged, the files that use each; a package's fetch
// action runs "Fetch WIT dependencies". Built from packagesModel.ts; refreshed
// on changes to .wit files, deps/ and the manifests.
import * as os from 'node:os';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { dependencyLabel, packageNode, witFolders, type DependencyNode, type PackageNode } from './packagesModel';
import { resolutionMarkdown } from './resolution';
import { registryFor, wkgConfigPath } from './wkgToml';

type Item =
  { kind: 'package'; node: PackageNode } | { kind: 'dependency'; node: DependencyNode; pkg: PackageNode } | { kind: 'file'; file: string };

function wkgConfigText(): string | undefined {
  try {
    return readFileSync(wkgConfigPath(process.env, os.homedir()), 'utf8');
  } catch {
    return undefined;
  }
}

class PackagesTree implements vscode.TreeDataProvider<Item> {
  private readonly changed = new vscode.EventEmitter<Item | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(item?: Item): Item[] {
    if (!item) {
      const config = wkgConfigText();
      const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
      const packages = folders
        .flatMap((f) => witFolders(f.uri.fsPath))
        .map((dir) => ({ kind: 'package' as const, node: packageNode(dir, (ref) => registryFor(ref, config)) }));
      void vscode.commands.executeCommand('setContext', 'wit.packages.show', packages.length > 0);
      return packages;
    }
    if (item.kind === 'package') return item.node.dependencies.map((node) => ({ kind: 'dependency' as const, node, pkg: item.node }));
    if (item.kind === 'dependency') return item.node.usedBy.map((file) => ({ kind: 'file' as const, file }));
    return [];
  }

  getTreeItem(item: Item): vscode.TreeItem {
    if (item.kind === 'package') {
      const t = new vscode.TreeItem(
        item.node.name,
        item.node.dependencies.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
      );
      const missing = item.node.dependencies.filter((d) => d.state !== 'resolved').length;
      t.description = `${vscode.workspace.asRelativePath(item.node.dir)}${missing ? ` · ${missing} to fetch` : ''}`;
      t.iconPath = new vscode.ThemeIcon('package');
      t.contextValue = 'witPackage';
      t.resourceUri = vscode.Uri.file(item.node.dir);
      return t;
    }
    if (item.kind === 'dependency') {
      const { label, description } = dependencyLabel(item.node);
      const t = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
      t.description = description;
      t.tooltip = new vscode.MarkdownString(resolutionMarkdown(item.node.resolution));
      t.iconPath = new vscode.ThemeIcon(
        item.node.state === 'resolved' ? 'pass' : 'warning',
        item.node.state === 'resolved' ? undefined : new vscode.ThemeColor('problemsWarningIcon.foreground'),
      );
      t.contextValue = `witDependency.${item.node.state}`;
      return t;
    }
    const t = new vscode.TreeItem(vscode.Uri.file(item.file), vscode.TreeItemCollapsibleState.None);
    t.description = 'uses it';
    t.command = { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.file(item.file)] };
    return t;
  }
}

export interface ShownItem {
  label: string;
  description?: string;
  contextValue?: string;
  children: ShownItem[];
}

/** The view's packages and their dependencies, as getTreeItem renders them. */
function snapshot(tree: PackagesTree): ShownItem[] {
  const shown = (item: Item, depth: number): ShownItem => {
    const t = tree.getTreeItem(item);
    const label = typeof t.label === 'string' ? t.label : (t.label?.label ?? t.resourceUri?.fsPath ?? '');
    const description = typeof t.description === 'string' ? t.description : undefined;
    return {
      label,
      description,
      contextValue: t.contextValue,
      children: depth < 1 ? tree.getChildren(item).map((c) => shown(c, depth + 1)) : [],
    };
  };
  return tree.getChildren().map((p) => shown(p, 0));
}

export function registerPackagesView(context: vscode.ExtensionContext, fetchCommand: string): void {
  const tree = new PackagesTree();
  let timer: NodeJS.Timeout | undefined;
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => tree.refresh(), 500);
  };
  const watchers = ['**/*.wit', '**/deps/**', '**/wkg.lock', '**/deps.lock', '**/wkg.toml'].map((g) =>
    vscode.workspace.createFileSystemWatcher(g),
  );
  for (const w of watchers) context.subscriptions.push(w, w.onDidCreate(later), w.onDidChange(later), w.onDidDelete(later));
  // Shown once the workspace has WIT packages (decided by the first listing).
  void Promise.resolve().then(() => tree.getChildren());
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('wit.packages', tree),
    vscode.commands.registerCommand('wit.packages.refresh', () => tree.refresh()),
    // The extension-host tests read the view as it renders (labels, descriptions, the items' states).
    vscode.commands.registerCommand('wit.internal.packagesTree', () => snapshot(tree)),
    vscode.commands.registerCommand('wit.packages.fetchPackage', async (item?: Item) => {
      const pkg = item?.kind === 'package' ? item.node : item?.kind === 'dependency' ? item.pkg : undefined;
      if (!pkg) return;
      const ref = item?.kind === 'dependency' ? item.node.ref : pkg.dependencies.find((d) => d.state !== 'resolved')?.ref;
      await vscode.commands.executeCommand(fetchCommand, { packageDir: pkg.dir, ref });
      tree.refresh();
    }),
    {
      dispose: () => {
        if (timer) clearTimeout(timer);
      },
    },
  );
}
