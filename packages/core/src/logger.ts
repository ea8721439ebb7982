// A minimal logger shape: console satisfies it, and so do pino/winston child loggers.
export interface Logger {
  debug?(message: string): void;
  info?(message: string): void;
  warn?(message: string): void;
  error?(message: string): void;
}
