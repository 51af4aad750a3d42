/** Reads what the app "sent" from aws-ses-v2-local's store, as a person would read their inbox. */
export type StoredEmail = {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  at: number;
};

export const createMailbox = (sesEndpoint: string) => {
  const all = async (): Promise<StoredEmail[]> => {
    const response = await fetch(new URL('/store', sesEndpoint));
    return ((await response.json()) as { emails: StoredEmail[] }).emails;
  };
  const to = async (address: string) => (await all()).filter((e) => e.destination.to.includes(address));
  const waitFor = async (
    address: string,
    predicate: (e: StoredEmail) => boolean = () => true,
    timeoutMs = 10_000,
  ) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = (await to(address)).find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no email to ${address} within ${timeoutMs} ms`);
  };
  return { all, to, waitFor };
};

/** The temporary password in an invitation email. */
export const temporaryPasswordIn = (email: StoredEmail) => {
  const match = /Temporary password: (\S+)/.exec(email.body.text ?? '');
  if (!match?.[1]) throw new Error(`no temporary password in "${email.subject}"`);
  return match[1];
};
