/** The streams and files a command uses, so tests can run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The file's bytes; a file larger than `maxBytes` is refused before it is read. */
  readFile: (path: string, maxBytes: number) => Promise<Uint8Array>;
  writeFile: (path: string, bytes: Uint8Array) => Promise<void>;
}

export class FileTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${size} > ${limit} bytes`);
    this.name = 'FileTooLargeError';
  }
}
