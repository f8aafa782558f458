// The webview's side of the protocol: commands, requests answered by id, notifications.
import type { ExtensionMessage, RequestResponse, WebviewCommand, WebviewRequest } from '../src/protocol/messages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

// Distributive, so each request type loses only its id.
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
export type RequestBody = WithoutId<WebviewRequest>;

export class HostApi {
  private readonly vscode: VsCodeApi = acquireVsCodeApi();
  private nextId = 1;
  private readonly pending = new Map<number, (response: RequestResponse) => void>();

  constructor(onNotification: (message: ExtensionMessage) => void) {
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
      const message = event.data as ExtensionMessage;
      if (typeof message !== 'object' || message === null) return;
      if (message.type === 'response') {
        this.pending.get(message.id)?.(message);
        this.pending.delete(message.id);
      } else onNotification(message);
    });
  }

  get persisted(): Pick<VsCodeApi, 'getState' | 'setState'> {
    return this.vscode;
  }

  send(command: WebviewCommand): void {
    this.vscode.postMessage(command);
  }

  request(body: RequestBody): Promise<RequestResponse> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.vscode.postMessage({ ...body, id });
    });
  }
}
