export async function mailSignUpRequest(requestId: string): Promise<void> { void requestId; }
