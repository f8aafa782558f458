// Types for codeserver.mjs, for the TypeScript harness in test/e2e.
import type { Browser } from 'playwright-core';

export const repoRoot: string;
export const EXTENSION_ID: string;
export const CHROMIUM_ARGS: string[];
export const QUIET_SETTINGS: Record<string, unknown>;
export const THEMES: { light: string; dark: string; hc: string };
export const THEME_LABELS: { light: string; dark: string; hc: string };

export interface CodeServer {
  url: string;
  port: number;
  pid: number;
  logFile: string;
  userDataDir: string;
  settingsFile: string;
  stop(): Promise<void>;
}
export interface CodeServerOptions {
  runDir: string;
  workspace?: string;
  vsix?: string;
  settings?: Record<string, unknown>;
  extraArgs?: string[];
  logFile?: string;
  port?: number;
  /** Keep Workspace Trust on (default off: every folder trusted). */
  workspaceTrust?: boolean;
}

export function onExit(cleanup: () => void): () => void;
export function stopGroup(pid: number, graceMs?: number): Promise<void>;
export function ensureVsix(options?: { force?: boolean }): string;
export function buildExtension(): void;
export function makeRunDir(prefix?: string): { dir: string; remove(): void };
export function freePort(): Promise<number>;
export function startCodeServer(options: CodeServerOptions): Promise<CodeServer>;
export function tail(file: string, lines?: number): string;
export function launchChromium(runDir: string, options?: { headless?: boolean }): Promise<Browser>;
export function isHarmlessNoise(text: string): boolean;
