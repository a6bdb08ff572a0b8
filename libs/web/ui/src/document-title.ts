import { useEffect } from 'react';

export const PRODUCT_NAME = 'Corroborate';

export function formatDocumentTitle(title: string): string {
  return title.length > 0 ? `${title} · ${PRODUCT_NAME}` : PRODUCT_NAME;
}

/** Sets `document.title` to "<title> · Corroborate" while the calling page is shown. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = formatDocumentTitle(title);
  }, [title]);
}
