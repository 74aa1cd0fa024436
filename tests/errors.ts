/** The message of a rejection and of its causes (Drizzle wraps the driver's error). */
export async function rejectionMessages(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const messages: string[] = [];
    let current: unknown = error;
    while (current instanceof Error) {
      messages.push(current.message);
      current = current.cause;
    }
    return messages.join(" | ");
  }
  throw new Error("Expected the promise to reject, but it resolved.");
}
