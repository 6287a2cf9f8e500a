// A text as its author wrote it: line breaks kept, long lines still wrapping.

export const Pre = ({ children }: { children: string }) => (
  <span style={{ whiteSpace: 'pre-wrap' }}>{children}</span>
);
