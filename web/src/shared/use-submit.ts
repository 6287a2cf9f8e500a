// A form's submission: busy while it runs, and the API's refusal as text for FormError.

import { useState } from 'react';
import { errorText } from './error-text.ts';

export function useSubmit<A extends unknown[]>(
  action: (...args: A) => Promise<void>,
  fallback?: string,
) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (...args: A) => {
    setBusy(true);
    setError(null);
    try {
      await action(...args);
    } catch (e) {
      setError(errorText(e, fallback));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}
