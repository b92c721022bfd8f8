/** Query keys of the session (who is signed in). */
export const sessionKeys = {
  me: () => ['me'] as const,
};
