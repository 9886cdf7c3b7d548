// Why a file could not be written, in words a curator can act on, instead of a stack trace.

export function writeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'no permission to write there',
    EPERM: 'no permission to write there',
    EROFS: 'the file system is read-only',
    EISDIR: 'it is a folder',
    ENOENT: 'its folder does not exist',
    ENOTDIR: 'a part of its path is a file, not a folder',
  };
  return code && reasons[code] ? `${reasons[code]}, ${code}` : (error as Error).message;
}
