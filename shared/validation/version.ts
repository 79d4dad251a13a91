/** Shown beside every verdict, so a clerk, the server and an auditor can see they used the same engine. */
export const ENGINE_VERSION = '1.0.0';
