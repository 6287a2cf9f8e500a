// Dates, time left and sizes as people read them: 2025年3月1日, 还剩 2 天, 1.2 MB.

export function chineseDate(value: string | null | undefined): string {
  if (!value) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  if (value.length > 10) {
    // An instant: show the date in China time.
    const d = new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    }).format(new Date(value));
    return d;
  }
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

export function chineseDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(value));
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Calendar days to a due date (negative once past) in words: 还剩 2 天, 今天到期, 已逾期 1 天. */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft < 0) return `已逾期 ${-daysLeft} 天`;
  if (daysLeft === 0) return '今天到期';
  return `还剩 ${daysLeft} 天`;
}
