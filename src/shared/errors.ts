// What to tell a person about something that was thrown: its message, never a stack trace.
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
