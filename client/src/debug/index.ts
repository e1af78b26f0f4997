// Debugging components: the `wasm-component` configuration provider (initial
// and dynamic configs, resolution) and the adapter factory. extension.ts calls
// registerDebugging() once on activation.
import * as vscode from 'vscode';
import { ComponentDebugAdapterFactory } from './adapterFactory';
import { ComponentDebugConfigurationProvider, fallbackStorage } from './configurationProvider';
import { DEBUG_TYPE } from './launchArgs';

export function registerDebugging(context: vscode.ExtensionContext): void {
  const storage = context.globalStorageUri?.fsPath ?? fallbackStorage();
  const provider = new ComponentDebugConfigurationProvider(storage);
  context.subscriptions.push(
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, provider, vscode.DebugConfigurationProviderTriggerKind.Initial),
    // The dynamic list (Run and Debug's dropdown) offers configs only where the
    // workspace builds a component, and never resolves: resolving twice would
    // resolve a config already turned into a Node launch.
    vscode.debug.registerDebugConfigurationProvider(
      DEBUG_TYPE,
      { provideDebugConfigurations: (folder) => provider.provideDynamicConfigurations(folder) },
      vscode.DebugConfigurationProviderTriggerKind.Dynamic,
    ),
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new ComponentDebugAdapterFactory()),
  );
}
